import { sql, type DbHandle, type SQL } from '@portal/db';
import { createTestDb, createOrgTree, createUser } from '@portal/db/test';
import type { TProfileId, TRole } from '@portal/rules';
import type { ActorContext, RequestContext } from '../src/core/index.js';
import { loadEnv } from '../src/env.js';
import { hashPassword } from '../src/lib/password.js';
import { createCaller } from '../src/root.js';
import { findSessionUser } from '../src/services/auth/session.js';
import { createSession } from '../src/services/auth/session.js';

export const TEST_PASSWORD = 'Test@1234';
let passwordHash: Promise<string> | null = null;
export function testPasswordHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });

export async function setupDb(): Promise<DbHandle> {
  return createTestDb();
}

/** A tRPC caller acting as a freshly created user of the given role in the given org unit. */
export async function callerAs(handle: DbHandle, role: TRole, orgUnitId: string, options: { now?: () => Date } = {}) {
  const user = await createUser(handle.db, { orgUnitId, role, passwordHash: await testPasswordHash() });
  const session = await createSession(handle.db, user.id, new Date(), env);
  const actor = await findSessionUser(handle.db, session.token, new Date(), env);
  if (!actor) throw new Error('test session did not resolve');
  const ctx: RequestContext & ActorContext = { ...makeContext(handle, actor, session.token), actor };
  if (options.now) ctx.now = options.now;
  return { user, token: session.token, ctx, caller: createCaller(ctx) };
}

export function anonymousCaller(handle: DbHandle) {
  return createCaller(makeContext(handle, null, null));
}

export function makeContext(handle: DbHandle, actor: RequestContext['actor'], token: string | null): RequestContext {
  return {
    db: handle.db,
    reports: handle.reports,
    env,
    actor,
    ip: '127.0.0.1',
    now: () => new Date(),
    log: () => {},
    sessionToken: token,
    setSessionCookie: () => {},
    clearSessionCookie: () => {},
  };
}

export async function makeTree(handle: DbHandle, profile: TProfileId = 'qiannan-2019') {
  return createOrgTree(handle.db, profile);
}

/**
 * The plan PostgreSQL picks for `query` when told to avoid scans, bitmaps and sorts: it still
 * sorts if no index gives the order, so a plan without `Sort` proves an index serves the list.
 */
export async function indexPlanOf(handle: DbHandle, query: SQL): Promise<string> {
  return handle.db.transaction(async (tx) => {
    for (const knob of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await tx.execute(sql.raw(`set local ${knob} = off`));
    const result = (await tx.execute(sql`explain ${query}`)) as unknown as Record<string, string>[] | { rows: Record<string, string>[] };
    const rows = Array.isArray(result) ? result : result.rows;
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}
