import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, jobs, type DbHandle } from '@portal/db';
import { invalid } from '../src/core/index.js';
import { createJobQueue, type JobQueue } from '../src/services/jobs/queue.js';
import { setupDb } from './helpers.js';

let handle: DbHandle;
let queue: JobQueue;
const backend = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

beforeAll(async () => {
  handle = await setupDb();
  queue = createJobQueue({
    db: handle.db,
    pglite: handle.kind === 'pglite' ? handle.pglite : undefined,
    databaseUrl: process.env.TEST_DATABASE_URL,
    retryLimit: 1,
    expireInSeconds: 2,
    maintenanceIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
  });
  await queue.start();
}, 60_000);
afterAll(async () => {
  await queue.stop();
  await handle.close();
});

async function waitFor(id: string, statuses: string[], timeoutMs = 25_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await handle.db.select().from(jobs).where(eq(jobs.id, id));
    if (row && statuses.includes(row.status)) return row;
    if (Date.now() > until) throw new Error(`job ${id} still ${row?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const region = () => `/t${Math.random().toString(36).slice(2, 8)}/`;

describe(`job queue on ${backend} (pg-boss)`, () => {
  it('runs a job, keeps its progress and result link, and refuses a second open job of the kind in the region', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await queue.register('demo', async (run) => {
      await run.progress(1, 2);
      await gate;
      await run.progress(2, 2);
      return { resultLink: `/demo/${run.jobId}` };
    });
    const r = region();
    const id = await queue.enqueue({ kind: 'demo', regionPath: r, ownerId: null });
    await expect(queue.enqueue({ kind: 'demo', regionPath: r, ownerId: null })).rejects.toThrow('本地区已有同类任务');
    const running = await waitFor(id, ['running']);
    expect(running.attempts).toBe(1);
    release();
    const done = await waitFor(id, ['succeeded']);
    expect(done).toMatchObject({ progressDone: 2, progressTotal: 2, resultLink: `/demo/${id}`, errorZh: null });
    // Finished: a new one may start.
    const next = await queue.enqueue({ kind: 'demo', regionPath: r, ownerId: null });
    await waitFor(next, ['succeeded']);
  });

  it('retries a transient failure with backoff, and fails a bad input at once with its Chinese message', async () => {
    let calls = 0;
    await queue.register('flaky', async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection reset');
      return {};
    });
    const flaky = await queue.enqueue({ kind: 'flaky', regionPath: region(), ownerId: null });
    const ok = await waitFor(flaky, ['succeeded']);
    expect(ok.attempts).toBe(2);

    await queue.register('bad', async () => {
      throw invalid('名单第 3 行身份证号无效');
    });
    const bad = await queue.enqueue({ kind: 'bad', regionPath: region(), ownerId: null });
    const failed = await waitFor(bad, ['failed']);
    expect(failed.errorZh).toBe('名单第 3 行身份证号无效');
    expect(failed.attempts).toBe(1);
  });

  it('an attempt that never finishes (a killed worker) expires, is retried, and is then marked failed visibly', async () => {
    await queue.register('hang', () => new Promise(() => undefined));
    const id = await queue.enqueue({ kind: 'hang', regionPath: region(), ownerId: null });
    const failed = await waitFor(id, ['failed'], 40_000);
    expect(failed.errorZh).toContain('中断');
  }, 60_000);
});
