import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/services/auth/session.js';
import type { DbHandle } from '@portal/db';
import { can, deniedMessage, type TPermission, type TRole } from '@portal/rules';
import { buildApp } from '../src/app.js';
import { HTTP_ROUTES } from '../src/http/route.js';
import { appRouter } from '../src/root.js';
import { anonymousCaller, env, setupDb } from './helpers.js';
import { PROCEDURES, type ProcedureSpec } from './support/inputs.js';
import { buildWorld, makeCallers, PLACES, ROLES, type Place, type World } from './support/world.js';

/**
 * The access matrix: every procedure of the router and every plain HTTP route, called by every role
 * at every place around county A1 (own, parent, sibling, child, another jurisdiction) and without a
 * session, each with a valid input aimed at A1's record. A role without the permission is refused
 * with the table's sentence; a role with it may act in A1's region and nowhere else, and no answer
 * to a caller outside ever contains A1's personal data or the ids of its records.
 */

type Procedure = { _def: { type: 'query' | 'mutation'; meta?: { permission?: string } } };
const ALL_PROCEDURES = appRouter._def.procedures as unknown as Record<string, Procedure>;
const PATHS = Object.keys(ALL_PROCEDURES);

/** How an out-of-region refusal is worded (core/scope.ts and the few checks that name the unit). */
const REGION_REFUSAL = /不在您的管辖范围内|不是本单位的下级单位/;

type Expected = 'unauthorized' | 'denied' | 'allowed' | 'refused';
interface Outcome {
  ok: boolean;
  code: string;
  message: string;
  /** The answer as text: the data, or the error message. */
  text: string;
}

function inScope(spec: Pick<ProcedureSpec, 'target' | 'reads' | 'inScope'>, role: TRole, place: Place): boolean {
  const target = spec.target ?? 'a1';
  if (target === 'self') return true;
  if (target === 'root') return spec.reads === 'reference' ? place !== 'other' : place === 'parent';
  if (place !== 'own' && place !== 'parent') return false;
  return spec.inScope ? spec.inScope(role, place) : true;
}

function expectation(permission: string, spec: ProcedureSpec, role: TRole | null, place: Place | null): Expected {
  if (permission === 'public') return 'allowed';
  if (!role || !place) return 'unauthorized';
  if (!can(role, permission as TPermission)) return 'denied';
  return inScope(spec, role, place) ? 'allowed' : 'refused';
}

/** The markers a caller at `place` must never be shown (those it sent itself excepted). */
function secretsFor(world: World, place: Place | null, input: unknown): string[] {
  const sent = JSON.stringify(input ?? null);
  const secret = [
    ...(place === 'own' || place === 'parent' ? [] : world.markers.a1),
    ...(place === 'other' || place === null ? world.markers.jurisdiction : []),
  ];
  return secret.filter((m) => !sent.includes(m));
}

/** Null when the outcome is what the expectation allows, else what is wrong with it. */
function judge(
  world: World,
  spec: ProcedureSpec & { permission: string; isMutation: boolean },
  expected: Expected,
  place: Place | null,
  input: unknown,
  got: Outcome,
): string | null {
  if (!got.ok && got.code === 'INTERNAL_SERVER_ERROR') return 'internal error';
  const leaked = secretsFor(world, place, input).find((m) => got.text.includes(m));
  if (leaked) return `leaks ${leaked}`;
  const regionRefusal = !got.ok && (got.code === 'NOT_FOUND' || (got.code === 'FORBIDDEN' && REGION_REFUSAL.test(got.message)));
  const denial = !got.ok && got.code === 'FORBIDDEN' && got.message === deniedMessage(spec.permission as TPermission);
  switch (expected) {
    case 'unauthorized':
      return !got.ok && got.code === 'UNAUTHORIZED' ? null : 'not refused as unauthenticated';
    case 'denied':
      return denial ? null : 'not refused by the permission table';
    case 'allowed':
      if (got.ok) return spec.mustSee && !got.text.includes(spec.mustSee(world)) ? 'answers without the record' : null;
      if (got.code === 'UNAUTHORIZED' || regionRefusal || denial) return 'refused although in scope';
      return null;
    case 'refused':
      if (got.ok) return spec.isMutation ? 'acted outside its region' : null;
      if (regionRefusal || (spec.refusedAs?.test(got.message) ?? false)) return null;
      return 'refused, but not for the region';
  }
}

const describeOutcome = (o: Outcome) => (o.ok ? 'ok' : `${o.code} ${o.message}`).slice(0, 160);

let handle: DbHandle;
let world: World;
let callers: Awaited<ReturnType<typeof makeCallers>>;
const successes = new Map<string, number>();

beforeAll(async () => {
  handle = await setupDb();
  world = await buildWorld(handle);
  callers = await makeCallers(world);
}, 300_000);
afterAll(async () => handle.close());

/** Every caller of a path in the order that keeps the world fair: refusals first, then own, then parent. */
function callOrder(spec: ProcedureSpec, permission: string) {
  const all: { role: TRole | null; place: Place | null }[] = [{ role: null, place: null }];
  for (const role of ROLES) for (const place of PLACES) all.push({ role, place });
  const rank = (c: { role: TRole | null; place: Place | null }) => {
    const e = expectation(permission, spec, c.role, c.place);
    return e === 'allowed' ? 1 + (c.place === 'parent' ? 1 : 0) : 0;
  };
  return all.sort((x, y) => rank(x) - rank(y));
}

describe('the matrix covers every entry point', () => {
  it('every procedure has an input builder and every builder a procedure', () => {
    expect(PATHS.filter((p) => !PROCEDURES[p])).toEqual([]);
    expect(Object.keys(PROCEDURES).filter((p) => !ALL_PROCEDURES[p])).toEqual([]);
  });
  it('every plain HTTP route has a request builder', async () => {
    const app = await buildApp({ db: {} as never, reports: {} as never, env, logger: false });
    await app.close();
    const declared = HTTP_ROUTES.map((r) => `${r.method} ${r.url}`);
    expect(declared.filter((r) => !ROUTES[r])).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !declared.includes(r))).toEqual([]);
  });
});

describe.each(PATHS.filter((p) => PROCEDURES[p]))('%s', (path) => {
  it('refuses every role and place the permission table and the region rule refuse, and only those', async () => {
    const proc = ALL_PROCEDURES[path]!;
    const permission = proc._def.meta?.permission ?? 'public';
    const spec = { ...PROCEDURES[path]!, permission, isMutation: proc._def.type === 'mutation' };
    const failures: string[] = [];
    for (const { role, place } of callOrder(spec, permission)) {
      const caller = role && place ? callers[role][place].caller : anonymousCaller(handle);
      const input = await spec.input(world);
      const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
      const got = await fn(input).then(
        (data): Outcome => ({ ok: true, code: 'OK', message: '', text: JSON.stringify(data ?? null) }),
        (e: { code?: string; message?: string }): Outcome => ({
          ok: false,
          code: e.code ?? 'THROWN',
          message: String(e.message),
          text: String(e.message),
        }),
      );
      const expected = expectation(permission, spec, role, place);
      if (got.ok && expected === 'allowed') successes.set(path, (successes.get(path) ?? 0) + 1);
      const wrong = judge(world, spec, expected, place, input, got);
      if (wrong)
        failures.push(`${path} ${role ?? 'anonymous'}@${place ?? '-'}: expected ${expected}, got ${describeOutcome(got)} (${wrong})`);
    }
    if (!successes.get(path) && !spec.noSuccess) failures.push(`${path}: no in-scope caller succeeded — is the input valid?`);
    expect(failures).toEqual([]);
  });
});

/** Plain HTTP routes: the request each sends, aimed at A1's record. */
interface RouteSpec extends Omit<ProcedureSpec, 'input'> {
  request: (w: World) => { url: string; payload?: string; headers?: Record<string, string> };
}
const ROUTES: Record<string, RouteSpec> = {
  'POST /api/lists/upload': {
    // The upload compares a list with the caller's own region; A1's person in it must come back as
    // "registered elsewhere" to anyone outside A1's region, with nothing of the stored record.
    request: (w) => ({
      url: `/api/lists/upload?sourceDepartment=poverty_office&listDate=${w.today}&fileName=m.csv`,
      payload: `姓名,身份证号,人员类别\n比对旧人,${w.p.main.idNumber},建档立卡\n`,
      headers: { 'content-type': 'text/csv' },
    }),
    target: 'self',
  },
  'POST /api/calendar/import': {
    request: () => ({
      url: `/api/calendar/import?year=2098&fileName=m.csv`,
      payload: '日期,类型\n2098-01-01,放假\n',
      headers: { 'content-type': 'text/csv' },
    }),
    target: 'self',
    noSuccess: 'the national holiday table is kept by a system-level administrator only, and no place of the matrix is the system root',
  },
  'GET /api/exports/ledger.xlsx': { request: (w) => ({ url: `/api/exports/ledger.xlsx?year=2019&orgUnitId=${w.units.own.id}` }) },
  'GET /api/exports/dashboard.xlsx': { request: (w) => ({ url: `/api/exports/dashboard.xlsx?year=2019&orgUnitId=${w.units.own.id}` }) },
  'GET /api/exports/subsidy-runs/:id.xlsx': { request: (w) => ({ url: `/api/exports/subsidy-runs/${w.run.id}.xlsx` }) },
  'GET /api/claims/:id/slip.pdf': { request: (w) => ({ url: `/api/claims/${w.claim.id}/slip.pdf` }) },
  'GET /api/reimbursements/attachments/:id': { request: (w) => ({ url: `/api/reimbursements/attachments/${w.attachment.id}` }) },
  'GET /api/responsibility/submissions/:id/table.xlsx': {
    request: (w) => ({ url: `/api/responsibility/submissions/${w.rounds.main.submissionId}/table.xlsx` }),
    inScope: (role, place) => place === 'own' || (place === 'parent' && (role === 'supervisor' || role === 'admin')),
  },
  'GET /api/responsibility/submissions/:id/table.pdf': {
    request: (w) => ({ url: `/api/responsibility/submissions/${w.rounds.main.submissionId}/table.pdf` }),
    inScope: (role, place) => place === 'own' || (place === 'parent' && (role === 'supervisor' || role === 'admin')),
  },
  'GET /api/responsibility/rounds/:id/rollup.xlsx': {
    request: (w) => ({ url: `/api/responsibility/rounds/${w.rounds.main.roundId}/rollup.xlsx` }),
    target: 'root',
  },
};

const HTTP_CODE: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

describe.each(Object.keys(ROUTES))('HTTP %s', (route) => {
  it('refuses every role and place the permission table and the region rule refuse, and only those', async () => {
    const declared = HTTP_ROUTES.find((r) => `${r.method} ${r.url}` === route)!;
    const spec = { ...ROUTES[route]!, input: () => null, permission: declared.permission, isMutation: declared.method === 'POST' };
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const failures: string[] = [];
    let succeeded = 0;
    for (const { role, place } of callOrder(spec, declared.permission)) {
      // Sessions of their own: the tRPC part signed some callers out and changed passwords.
      const token = role && place ? (await createSession(handle.db, callers[role][place].user.id, new Date(), env)).token : null;
      const req = spec.request(world);
      const res = await app.inject({
        method: declared.method as 'GET' | 'POST',
        url: req.url,
        ...(req.payload === undefined ? {} : { payload: req.payload }),
        headers: { ...(token ? { cookie: `portal_session=${token}` } : {}), 'x-portal-request': '1', ...req.headers },
      });
      const isJson = String(res.headers['content-type']).startsWith('application/json');
      const body = isJson ? (res.json() as { message?: string }) : null;
      const got: Outcome = {
        ok: res.statusCode === 200,
        code:
          res.statusCode === 200
            ? 'OK'
            : (HTTP_CODE[res.statusCode] ?? (res.statusCode >= 500 ? 'INTERNAL_SERVER_ERROR' : String(res.statusCode))),
        message: body?.message ?? '',
        text: isJson ? res.body : `${res.headers['content-type']} ${res.rawPayload.length} bytes`,
      };
      const expected = expectation(declared.permission, spec as never, role, place);
      if (got.ok && expected === 'allowed') succeeded += 1;
      const wrong = judge(world, spec as never, expected, place, req, got);
      if (wrong)
        failures.push(
          `${route} ${role ?? 'anonymous'}@${place ?? '-'}: expected ${expected}, got ${res.statusCode} ${got.message} (${wrong})`,
        );
    }
    await app.close();
    if (!succeeded && !spec.noSuccess) failures.push(`${route}: no in-scope caller succeeded — is the request valid?`);
    expect(failures).toEqual([]);
  });
});
