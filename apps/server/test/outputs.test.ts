import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '@portal/db';
import { appRouter } from '../src/root.js';
import { createCallerFactory, publicProcedure, router } from '../src/trpc.js';
import { env } from './helpers.js';

/**
 * The `.output()` schemas are a security boundary: tRPC parses every response with them and zod
 * drops keys they do not list, so a full ID number, phone or account that a service returns by
 * mistake never reaches the browser. These tests keep that boundary in place.
 */

/** Keys that would carry an unmasked value; the masked field is named `idNumberMasked` and so on. */
const FORBIDDEN_KEYS = ['idNumber', 'phone', 'bankAccount', 'insuranceCardNo', 'passwordHash', 'payeeAccount'];

/**
 * Where a forbidden key is allowed, each with the reason. Anything not listed here fails: a new
 * `phone` anywhere else must be masked (`phoneMasked`) or argued for here.
 */
const ALLOWED: Record<string, { paths: string[]; why: string }> = {
  'persons.reveal': {
    paths: [],
    why: 'shows one full value on purpose (audited); its keys are field/label/value, listed so that a future key of this kind is not flagged',
  },
  'admin.listUsers': { paths: ['items[].phone'], why: 'a staff work number, only for administrators, needed by the edit form' },
  'admin.createUser': { paths: ['phone'], why: 'a staff work number, only for administrators' },
  'admin.updateUser': { paths: ['phone'], why: 'a staff work number, only for administrators' },
  'responsibility.getSubmission': {
    paths: ['rows[].phone'],
    why: 'official contact table; masked by the service for readers who may not edit it',
  },
  'responsibility.printable': {
    paths: ['rows[].phone'],
    why: 'official contact table; masked by the service for readers who may not edit it',
  },
  'responsibility.rollup': { paths: ['units[].version.rows[].phone'], why: 'official contact table of a supervised round' },
  'responsibility.search': {
    paths: ['items[].phone'],
    why: 'official contact table; masked by the service for readers who may not see phones',
  },
  'responsibility.diff': { paths: ['changes[].row.phone'], why: 'official contact table; masked like the table itself' },
};

/** Zod types an output schema may use: cheap to check on every response. */
const PLAIN_TYPES = new Set([
  'object',
  'array',
  'string',
  'number',
  'boolean',
  'null',
  'literal',
  'enum',
  'nullable',
  'optional',
  'union',
  'tuple',
  'record',
  'unknown',
]);

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string; checks?: unknown[] } };
}
const isSchema = (v: unknown): v is ZodLike => typeof v === 'object' && v !== null && '_zod' in v;

type Procedure = { _def: { output?: unknown } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** Every key of every object in the schema, with its path (`items[].phone`), and every node's zod type. */
function walk(schema: ZodLike, path: string, keys: string[], nodes: { path: string; type: string; checks: number }[], stack: Set<unknown>) {
  // A schema reused at two paths is walked at both; the stack only stops a cycle.
  if (stack.has(schema)) return;
  stack.add(schema);
  const def = schema._zod.def;
  nodes.push({ path: path || '(root)', type: def.type, checks: def.checks?.length ?? 0 });
  const child = (s: unknown, p: string) => isSchema(s) && walk(s, p, keys, nodes, stack);
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        const p = path ? `${path}.${key}` : key;
        keys.push(p);
        child(value, p);
      }
      break;
    case 'array':
      child(def.element, `${path}[]`);
      break;
    case 'nullable':
    case 'optional':
      child(def.innerType, path);
      break;
    case 'union':
    case 'tuple':
      for (const option of (def.options ?? def.items) as unknown[]) child(option, path);
      break;
    case 'record':
      child(def.keyType, `${path}{key}`);
      child(def.valueType, `${path}{}`);
      break;
    default:
      // Anything else holding schemas (pipes, lazies, intersections) is refused by the plain-types test.
      for (const value of Object.values(def)) child(value, path);
  }
  stack.delete(schema);
}

function describeOutput(schema: ZodLike) {
  const keys: string[] = [];
  const nodes: { path: string; type: string; checks: number }[] = [];
  walk(schema, '', keys, nodes, new Set());
  return { keys, nodes };
}

describe('every procedure declares what it answers', () => {
  it('each tRPC procedure has an output schema', () => {
    expect(procedures.length).toBeGreaterThan(80);
    expect(procedures.filter(([, p]) => !isSchema(p._def.output)).map(([path]) => path)).toEqual([]);
  });

  it('no output schema has a key for an unmasked ID number, phone, account, card or password hash', () => {
    const found: string[] = [];
    for (const [path, p] of procedures) {
      if (!isSchema(p._def.output)) continue;
      const allowed = new Set(ALLOWED[path]?.paths ?? []);
      for (const key of describeOutput(p._def.output).keys) {
        const last = key.split('.').pop()!.replace(/\[\]$/, '');
        if (FORBIDDEN_KEYS.includes(last) && !allowed.has(key)) found.push(`${path}: ${key}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the allowed exceptions still exist (a stale entry would hide a new key of the same name)', () => {
    const stale: string[] = [];
    for (const [path, { paths }] of Object.entries(ALLOWED)) {
      const proc = procedures.find(([p]) => p === path)?.[1];
      if (!proc || !isSchema(proc._def.output)) {
        stale.push(path);
        continue;
      }
      const keys = new Set(describeOutput(proc._def.output).keys);
      for (const key of paths) if (!keys.has(key)) stale.push(`${path}: ${key}`);
    }
    expect(stale).toEqual([]);
  });

  it('output schemas stay plain: objects, arrays, enums, nullable — no refinements or transforms', () => {
    const heavy: string[] = [];
    for (const [path, p] of procedures) {
      if (!isSchema(p._def.output)) continue;
      for (const node of describeOutput(p._def.output).nodes) {
        if (!PLAIN_TYPES.has(node.type) || node.checks > 0) heavy.push(`${path}: ${node.path} (${node.type}, ${node.checks} checks)`);
      }
    }
    expect(heavy).toEqual([]);
  });

  it('zod drops a key the schema does not list (the boundary the tests above rely on)', async () => {
    const proc = procedures.find(([p]) => p === 'persons.get')?.[1];
    const schema = proc?._def.output as { safeParse: (v: unknown) => { success: boolean; data?: Record<string, unknown> } };
    const person = {
      id: 'p',
      name: '张三',
      idNumberMasked: '4212**********1234',
      sex: 'male',
      birthDate: '1960-01-01',
      hukouType: 'rural',
      address: null,
      orgUnitId: 'u',
      orgUnitName: '县',
      phoneMasked: null,
      bankAccountMasked: null,
      bankName: null,
      insuranceCardNoMasked: null,
      townshipCode: null,
      villageCode: null,
      householdId: null,
      relationship: null,
      profile: null,
      household: null,
      enrollments: [],
      categoryHistory: [],
    };
    const parsed = schema.safeParse({ ...person, idNumber: '421222196001011234', phone: '13800000000' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(person);
  });

  it('an answer that fails its output schema is an internal error, logged, never described to the caller', async () => {
    const logged: object[] = [];
    const broken = router({
      answer: publicProcedure.output(z.object({ count: z.number() })).query(() => ({ count: 'many' }) as unknown as { count: number }),
    });
    const caller = createCallerFactory(broken)({
      db: {} as Db,
      reports: {} as never,
      env,
      actor: null,
      ip: null,
      now: () => new Date(),
      log: (obj) => logged.push(obj),
      sessionToken: null,
      setSessionCookie: () => {},
      clearSessionCookie: () => {},
    });
    const error = await caller.answer().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect((error as Error).message).toMatch(/^系统内部错误/);
    expect(logged).toHaveLength(1);
  });
});
