import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eq,
  households,
  hospitals,
  personCategories,
  persons,
  policyParamVersions,
  premiums,
  reimbursementCases,
  advanceDeclarations,
  enrollments,
  calendarYears,
  claims,
  responsibilitySubmissions,
  responsibilityTemplates,
  orgUnits,
  users,
  sql,
  type DbHandle,
} from '@portal/db';
import {
  PERMISSIONS,
  PHONE_PATTERN,
  parseIdNumber,
  ZCalendarYear,
  ZCategoryFactInput,
  ZClaimEntry,
  ZHospitalInput,
  ZMaterials,
  ZOrgUnitCode,
  ZPersonName,
  ZPremiumInput,
  ZResponsibilityRows,
  ZSettleParamsOverride,
  ZUsername,
  type TPermission,
  type TRole,
} from '@portal/rules';
import { findBadString } from '../../src/core/index.js';
import { appRouter, createCaller } from '../../src/root.js';
import { callerAs, setupDb } from '../helpers.js';
import { PROCEDURES } from '../support/inputs.js';
import { buildWorld, type Place, type World } from '../support/world.js';

/**
 * Generated inputs for every mutating procedure, through `createCaller` with a session allowed to
 * call it: arbitrary values (fast-check's `anything`, very long strings, NUL, lone surrogates,
 * huge and negative numbers, deep arrays) and the matrix's valid input with one field replaced,
 * removed or joined by an unknown one. No call may answer INTERNAL_SERVER_ERROR, no message may
 * carry a stack trace, a file path or SQL, a refused call leaves every table as it was, and what
 * an accepted call stored parses with the rules schema again.
 */

const RUNS = { arbitrary: 500, mutated: 500 };
type Procedure = { _def: { type: 'query' | 'mutation'; meta?: { permission?: string } } };
const ALL = appRouter._def.procedures as unknown as Record<string, Procedure>;
const MUTATIONS = Object.keys(ALL).filter((p) => ALL[p]!._def.type === 'mutation');

/** Who calls each mutation: the first role the table allows, at A1 (or A's root for its reference data). */
const ACTOR_OVERRIDES: Record<string, { role: TRole; place: Place | 'system' }> = {
  'calendar.save': { role: 'admin', place: 'system' },
  'responsibility.openRound': { role: 'supervisor', place: 'parent' },
  'responsibility.returnSubmission': { role: 'supervisor', place: 'parent' },
};
function actorOf(path: string): { role: TRole; place: Place | 'system' } {
  if (ACTOR_OVERRIDES[path]) return ACTOR_OVERRIDES[path];
  const permission = ALL[path]!._def.meta?.permission ?? 'public';
  const role = permission === 'public' ? 'clerk' : PERMISSIONS[permission as TPermission].roles[0]!;
  const spec = PROCEDURES[path]!;
  return { role, place: spec.target === 'root' && spec.reads !== 'reference' ? 'parent' : 'own' };
}

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFFFF',
  '\u202E',
  '😀',
  '\r\n\t',
  'x'.repeat(100_000),
  '中'.repeat(5_000),
  '9'.repeat(40),
  '-1',
  '1e20',
  'NaN',
  'null',
  "' or 1=1 --",
  "Robert'); drop table persons;--",
  '%00',
  '\\',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '2019-02-30',
  '2019-13-01',
  '0000-01-01',
  '9999-12-31',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '522732199001011234',
];
const SPECIAL_NUMBERS = [0, -0, -1, 0.5, 1e20, -1e20, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity];
const deepArray = fc.integer({ min: 10, max: 200 }).map((depth) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
});

/** One bad value. */
const nasty = (knownIds: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...SPECIAL_NUMBERS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}) },
    { weight: 1, arbitrary: deepArray },
    { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
  );

/** A whole input that is anything at all. */
const arbitraryInput = (knownIds: string[]) =>
  fc.oneof(
    nasty(knownIds),
    fc.jsonValue({ maxDepth: 4 }),
    fc.anything({ maxDepth: 4, withNullPrototype: true, withSparseArray: true, withDate: true }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 20 }), nasty(knownIds), { maxKeys: 8 }),
  );

type Mutation = { at: number; mode: 'replace' | 'delete' | 'extra'; value: unknown };
const mutation = (knownIds: string[]) =>
  fc.record({
    at: fc.nat(),
    mode: fc.constantFrom<Mutation['mode']>('replace', 'replace', 'replace', 'delete', 'extra'),
    value: nasty(knownIds),
  });

/** A short readable form of a generated value for a failure line. */
function brief(v: unknown): string {
  const text =
    JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'string' && x.length > 40
        ? `${x.slice(0, 40)}…(${x.length})`
        : typeof x === 'number' && !Number.isFinite(x)
          ? String(x)
          : x,
    ) ?? String(v);
  return text.slice(0, 160);
}

/** Every place a value sits in an input (object keys and array items, nested). */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  return [prefix];
}

function applyMutation(base: unknown, m: Mutation): unknown {
  const paths = leafPaths(base);
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) return m.mode === 'extra' ? { ...(base as object), unknownField: m.value } : m.value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.mode === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.mode === 'extra' && parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
    (parent[last] as Record<string, unknown>).unknownField = m.value;
  } else parent[last] = m.value;
  return copy;
}

const STACK_OR_PATH = /\n\s+at |\.(ts|js|mjs):\d+|node_modules|file:\/\/|\/work\/|\/src\/|\bError:/;
const SQL_TEXT =
  /\b(select .* from|insert into|update \S+ set|delete from)\b|violates|constraint "|relation "|syntax error|duplicate key|column "|invalid input syntax|null value in|Failed query|params:/i;
const HAN = /[\u4e00-\u9fff]/;
/** Input builders that write themselves (a fresh batch to apply, an applied batch to revert): the counts are taken after them. */
const BUILDER_WRITES = new Set(['lists.applyBatch', 'lists.revertBatch']);
/** Tables a refused call may still write, by design: the audit of refusals and the sign-in throttle. */
const WRITTEN_ON_REFUSAL = new Set(['audit_log', 'existence_checks', 'login_throttle', 'sessions']);

let handle: DbHandle;
let world: World;
let countSql: ReturnType<typeof sql.raw>;
const callers = new Map<string, Awaited<ReturnType<typeof callerAs>>>();

async function tableCounts(): Promise<Record<string, number>> {
  const result = await handle.db.execute(countSql);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { t: string; n: string | number }[];
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

beforeAll(async () => {
  handle = await setupDb();
  world = await buildWorld(handle);
  const result = await handle.db.execute(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const names = ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { t: string }[])
    .map((r) => r.t)
    .filter((t) => !WRITTEN_ON_REFUSAL.has(t));
  countSql = sql.raw(names.map((t) => `select '${t}' as t, count(*) as n from "${t}"`).join(' union all '));
}, 300_000);
afterAll(async () => handle.close());

/** The cause of the last unexpected error, as the server would log it (shown with a 500 to find the bug). */
let lastLogged = '';
async function callerFor(path: string) {
  const { role, place } = actorOf(path);
  const id = `${role}@${place}`;
  if (!callers.has(id)) callers.set(id, await callerAs(handle, role, place === 'system' ? world.a.system.id : world.units[place].id));
  const { ctx } = callers.get(id)!;
  return createCaller({
    ...ctx,
    log: (obj: object) => {
      const err = (obj as { err?: Error }).err;
      lastLogged = err ? `${err.name}: ${err.message}`.slice(0, 300) : JSON.stringify(obj).slice(0, 300);
    },
  });
}

/**
 * What was stored, parsed again with the rules schema of its kind. `out` is the procedure's answer
 * (the id it returns); a missing validator means the procedure stores nothing a schema describes.
 */
const STORED: Record<string, (out: { id?: string; key?: string; year?: number }, input: unknown) => Promise<void>> = {
  'persons.create': async (out) => checkPerson(out.id!),
  'persons.update': async (out) => checkPerson(out.id!),
  'persons.addCategory': async (out) => {
    const f = (await handle.db.select().from(personCategories).where(eq(personCategories.id, out.id!)))[0]!;
    ZCategoryFactInput.parse({ ...f, endDate: f.endDate ?? undefined, sourceDocument: f.sourceDocument ?? undefined });
  },
  'households.create': async (out) => {
    const h = (await handle.db.select().from(households).where(eq(households.id, out.id!)))[0]!;
    expect(h.householdNo === null || /^[0-9A-Za-z-]{4,32}$/.test(h.householdNo)).toBe(true);
  },
  'enrollment.record': async (out) => {
    const e = (await handle.db.select().from(enrollments).where(eq(enrollments.id, out.id!)))[0]!;
    expect(e.year).toBeGreaterThanOrEqual(2017);
    expect(e.basicEnrolled || !e.criticalEnrolled).toBe(true);
  },
  'claims.create': async (out) => {
    const c = (await handle.db.select().from(claims).where(eq(claims.id, out.id!)))[0]!;
    ZClaimEntry.parse({ ...c, specialDisease: c.specialDisease ?? null });
    expect(c.fundPaid + c.patientPays + c.hospitalBorne).toBeLessThanOrEqual(c.totalCost + 1);
  },
  'reimbursements.create': async (out) => {
    const c = (await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, out.id!)))[0]!;
    ZClaimEntry.parse(c.visit);
    ZMaterials.parse(c.materials);
  },
  'advances.create': async (out) => {
    const d = (await handle.db.select().from(advanceDeclarations).where(eq(advanceDeclarations.id, out.id!)))[0]!;
    expect(d.total).toBe(d.basic + d.critical + d.assistance);
    expect(Math.min(d.basic, d.critical, d.assistance)).toBeGreaterThanOrEqual(0);
    expect(d.periodTo >= d.periodFrom && d.receivedOn >= d.periodTo).toBe(true);
  },
  'hospitals.create': async (out) => checkHospital(out.id!),
  'hospitals.update': async (out) => checkHospital(out.id!),
  'params.create': async (out) => {
    const v = (await handle.db.select().from(policyParamVersions).where(eq(policyParamVersions.id, out.id!)))[0]!;
    ZSettleParamsOverride.parse(v.settle);
  },
  'subsidies.setPremium': async (out) => {
    const p = (await handle.db.select().from(premiums).where(eq(premiums.id, out.id!)))[0]!;
    ZPremiumInput.parse({ ...p, note: p.note ?? '' });
  },
  'calendar.save': async (out) => {
    const y = (await handle.db.select().from(calendarYears).where(eq(calendarYears.year, out.year!)))[0]!;
    ZCalendarYear.parse({ year: y.year, holidays: y.holidays, workingDays: y.workingDays, source: y.source ?? undefined });
  },
  'responsibility.createTemplate': async (out) => checkTemplate(out.key!),
  'responsibility.updateTemplate': async (out) => checkTemplate(out.key!),
  'responsibility.saveDraft': async (out) => checkSubmission(out.id!),
  'responsibility.submit': async (out) => checkSubmission(out.id!),
  'admin.createUser': async (out) => checkUser(out.id!),
  'admin.updateUser': async (out) => checkUser(out.id!),
  'admin.createOrgUnit': async (out) => {
    const u = (await handle.db.select().from(orgUnits).where(eq(orgUnits.id, out.id!)))[0]!;
    ZOrgUnitCode.parse(u.code);
    expect(u.name.trim().length).toBeGreaterThanOrEqual(2);
  },
};

async function checkPerson(id: string) {
  const p = (await handle.db.select().from(persons).where(eq(persons.id, id)))[0]!;
  ZPersonName.parse(p.name);
  expect(parseIdNumber(p.idNumber).ok).toBe(true);
  expect(p.phone === null || PHONE_PATTERN.test(p.phone)).toBe(true);
  expect(p.bankAccount === null || /^\d{12,25}$/.test(p.bankAccount)).toBe(true);
}
async function checkHospital(id: string) {
  const h = (await handle.db.select().from(hospitals).where(eq(hospitals.id, id)))[0]!;
  ZHospitalInput.parse(h);
}
async function checkTemplate(id: string) {
  const t = (await handle.db.select().from(responsibilityTemplates).where(eq(responsibilityTemplates.id, id)))[0]!;
  expect(t.items.length).toBeGreaterThan(0);
  expect(t.items.every((i) => typeof i.label === 'string' && i.label.length > 0 && i.label.length <= 64)).toBe(true);
}
async function checkSubmission(id: string) {
  const s = (await handle.db.select().from(responsibilitySubmissions).where(eq(responsibilitySubmissions.id, id)))[0]!;
  ZResponsibilityRows.parse(s.rows);
}
async function checkUser(id: string) {
  const u = (await handle.db.select().from(users).where(eq(users.id, id)))[0]!;
  ZUsername.parse(u.username);
  expect(u.displayName.trim().length).toBeGreaterThan(0);
  expect(u.phone === null || PHONE_PATTERN.test(u.phone)).toBe(true);
}

describe('generated inputs for every mutating procedure', () => {
  it('walks every mutation of the router, each with an input builder', () => {
    expect(MUTATIONS.length).toBeGreaterThan(50);
    expect(MUTATIONS.filter((p) => !PROCEDURES[p])).toEqual([]);
  });

  it.each(MUTATIONS)(
    '%s: no 500, nothing internal in a message, a refusal stores nothing, what is stored parses',
    async (path) => {
      const caller = await callerFor(path);
      const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
      const knownIds = [...world.markers.a1.slice(0, 40), ...world.markers.jurisdiction, world.units.other.id, world.units.sibling.id];
      const seed = [...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
      const inputs: { kind: string; make: () => Promise<{ input: unknown; what: string }> }[] = [
        ...fc.sample(arbitraryInput(knownIds), { numRuns: RUNS.arbitrary, seed }).map((v) => ({
          kind: 'arbitrary',
          make: async () => ({ input: v, what: brief(v) }),
        })),
        ...fc.sample(mutation(knownIds), { numRuns: RUNS.mutated, seed: seed + 1 }).map((m) => ({
          kind: `mutated(${m.mode})`,
          make: async () => {
            const base = await PROCEDURES[path]!.input(world);
            const paths = leafPaths(base);
            return { input: applyMutation(base, m), what: `${paths[m.at % paths.length]!.join('.') || '(input)'} := ${brief(m.value)}` };
          },
        })),
      ];
      const failures: string[] = [];
      let accepted = 0;
      let before = await tableCounts();
      for (const { kind, make } of inputs) {
        const { input, what } = await make();
        if (BUILDER_WRITES.has(path)) before = await tableCounts();
        const show = () => what;
        let out: unknown;
        let error: { code?: string; message?: string } | null = null;
        try {
          out = await fn(input);
        } catch (e) {
          error = e as { code?: string; message?: string };
        }
        if (error) {
          const message = String(error.message);
          if (error.code === 'INTERNAL_SERVER_ERROR' || !error.code)
            failures.push(`${path} ${kind} ${show()}: ${error.code ?? 'thrown'} ${message} — cause: ${lastLogged}`);
          else if (STACK_OR_PATH.test(message) || SQL_TEXT.test(message))
            failures.push(`${path} ${kind} ${show()}: message leaks internals: ${message.slice(0, 200)}`);
          else if (!HAN.test(message)) failures.push(`${path} ${kind} ${show()}: message not in Chinese: ${message.slice(0, 120)}`);
          const after = await tableCounts();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length) failures.push(`${path} ${kind} ${show()}: refused (${error.code}) but wrote ${changed.join(', ')}`);
          before = after;
        } else {
          accepted += 1;
          const bad = findBadString(out);
          if (bad) failures.push(`${path} ${kind} ${show()}: answered (and stored) a bad string: ${bad}`);
          const check = STORED[path];
          if (check)
            await check(out as never, input).catch((e: Error) =>
              failures.push(`${path} ${kind} ${show()}: stored row invalid: ${e.message.slice(0, 200)}`),
            );
          before = await tableCounts();
        }
        if (failures.length >= 20) break;
      }
      expect(failures).toEqual([]);
      expect(inputs.length).toBeGreaterThanOrEqual(1000);
      console.log(`FUZZ ${path}: ${inputs.length} inputs, ${accepted} accepted`);
      expect(accepted).toBeGreaterThanOrEqual(0);
    },
    600_000,
  );
});
