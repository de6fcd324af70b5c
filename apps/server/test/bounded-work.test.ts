import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, openDb, sql, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { isQueryCancelled, toSafeError, withReportReads, QUERY_CANCELLED } from '../src/core/index.js';
import { callerAs, makeTree, setupDb } from './helpers.js';

/**
 * Bounded work (issue 13 §5): heavy reads run read-only on their own pool, a statement that runs
 * too long is cancelled by PostgreSQL, a report whose client went away is cancelled, and a burst
 * of reports cannot take the connections a person lookup needs. Ordering, never timing, decides
 * each test: the lookup must answer while the reports are still running.
 */
let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => {
  await handle.close();
});

describe('report reads', () => {
  it('run in a read-only transaction: a write inside one is refused and nothing is written', async () => {
    const tree = await makeTree(handle);
    const { ctx } = await callerAs(handle, 'supervisor', tree.root.id);
    const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(
      withReportReads(ctx, (ctx) =>
        ctx.db.insert(auditLog).values({ action: 'x', entity: 'x', regionPath: tree.root.path, username: 'x', userId: null }),
      ),
    ).rejects.toThrow();
    const after = await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('are refused before they start when the client has already gone away', async () => {
    const tree = await makeTree(handle);
    const { ctx } = await callerAs(handle, 'supervisor', tree.root.id);
    const abort = new AbortController();
    abort.abort(new Error('client closed the connection'));
    let ran = false;
    await expect(
      withReportReads({ ...ctx, signal: abort.signal }, async () => {
        ran = true;
      }),
    ).rejects.toThrow('client closed');
    expect(ran).toBe(false);
  });

  it('a cancelled statement answers 503 with a Chinese request to narrow the query, not an internal error', () => {
    const pgError = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const wrapped = Object.assign(new Error('Failed query: select …'), { cause: pgError });
    expect(isQueryCancelled(wrapped)).toBe(true);
    const safe = toSafeError(wrapped);
    expect(safe).toMatchObject({ kind: 'unavailable', status: 503, trpcCode: 'SERVICE_UNAVAILABLE', message: QUERY_CANCELLED });
    expect(isQueryCancelled(new Error('other'))).toBe(false);
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('on PostgreSQL', () => {
  let bounded: DbHandle;
  beforeAll(async () => {
    bounded = await openDb({
      databaseUrl: url,
      limits: { windowPool: 3, reportPool: 2, windowStatementTimeoutMs: 300, reportStatementTimeoutMs: 20_000 },
    });
  });
  afterAll(async () => {
    await bounded.close();
  });

  const activeSleeps = async () => {
    const rows = (await handle.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where application_name = 'portal-reports' and state = 'active' and query like '%pg_sleep%'`,
    )) as unknown as { n: number }[];
    return rows[0]?.n ?? 0;
  };

  it('PostgreSQL cancels a statement of window work that runs past STATEMENT_TIMEOUT_MS', async () => {
    const error = await bounded.db.execute(sql`select pg_sleep(5)`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isQueryCancelled(error)).toBe(true);
    // The connection is fine afterwards.
    await expect(bounded.db.execute(sql`select 1`)).resolves.toBeDefined();
  });

  it('a report whose client goes away is cancelled in the database, not left running', async () => {
    const abort = new AbortController();
    const running = bounded.reports
      .run(abort.signal, (tx) => tx.execute(sql`select pg_sleep(15)`))
      .then(
        () => null,
        (e: unknown) => e,
      );
    for (let i = 0; i < 100 && (await activeSleeps()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await activeSleeps()).toBe(1);
    abort.abort(new Error('client closed the connection'));
    expect(isQueryCancelled(await running)).toBe(true);
    expect(await activeSleeps()).toBe(0);
  });

  it('a burst of reports filling their pool does not hold up a person lookup on the window pool', async () => {
    const tree = await makeTree(bounded);
    const person = await createPerson(bounded.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const { caller } = await callerAs(bounded, 'clerk', tree.countyA.id);
    let reportsDone = 0;
    const abort = new AbortController();
    // Four reports on a pool of two: two run, two wait for a connection.
    const burst = Array.from({ length: 4 }, () =>
      bounded.reports
        .run(abort.signal, (tx) => tx.execute(sql`select pg_sleep(10)`))
        .catch(() => null)
        .finally(() => {
          reportsDone++;
        }),
    );
    for (let i = 0; i < 100 && (await activeSleeps()) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await activeSleeps()).toBe(2);
    const found = await caller.persons.get({ id: person.id });
    expect(found.id).toBe(person.id);
    expect(reportsDone).toBe(0);
    abort.abort(new Error('test over'));
    await Promise.all(burst);
    expect(await activeSleeps()).toBe(0);
  });
});
