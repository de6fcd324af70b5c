import type { PGlite } from '@electric-sql/pglite';
import { and, eq, inArray, jobs, sql, type Db } from '@portal/db';
import PgBoss from 'pg-boss';
import { conflict, DomainError } from '../../core/index.js';

/** What a job's handler gets: its input, and a way to report progress (kept in our `jobs` row). */
export interface JobRun {
  jobId: string;
  regionPath: string;
  ownerId: string | null;
  input: Record<string, unknown>;
  attempt: number;
  progress(done: number, total: number): Promise<void>;
}

/** A handler does the whole work in its own transaction(s) and returns where the result is shown. */
export type JobHandler = (run: JobRun) => Promise<{ resultLink?: string | null }>;

export interface QueueOptions {
  db: Db;
  /** PGlite: the embedded instance (pg-boss runs through its `db` adapter on it). */
  pglite?: PGlite;
  /** PostgreSQL: pg-boss opens its own small pool. */
  databaseUrl?: string;
  /** An attempt still `active` this long after it started is expired (a killed worker) and retried. */
  expireInSeconds?: number;
  /** How often pg-boss runs maintenance (expiry), seconds. */
  maintenanceIntervalSeconds?: number;
  retryLimit?: number;
  /** Whether this process works the queues (false: it only enqueues; `pnpm worker` works them). */
  work?: boolean;
  pollingIntervalSeconds?: number;
}

const INTERRUPTED = '任务在执行中被中断（服务重启或进程终止），重试次数已用完，已标记失败；未写入任何结果，请重新发起。';
const DEFAULT_ERROR = '任务执行失败，未写入任何结果。';
const BUSY = '本地区已有同类任务正在排队或执行，请等待其完成后再发起。';

/**
 * pg-boss adapter for PGlite (decision 0016): parameterised statements go through `query`,
 * pg-boss's multi-statement scripts (its migrations, locked blocks) through `exec`.
 */
export function pgliteBossAdapter(pglite: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export interface JobQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  register(kind: string, handler: JobHandler): Promise<void>;
  /** Creates our row and the pg-boss job; refuses a second open job of the kind in the region. */
  enqueue(args: { kind: string; regionPath: string; ownerId: string | null; input?: Record<string, unknown> }): Promise<string>;
  /** A cron schedule (China time) that starts `kind` for `regionPath` (e.g. the monthly warning). */
  schedule(kind: string, regionPaths: string[], cron: string): Promise<void>;
  /** Marks rows whose pg-boss job ended without our handler finishing (a killed worker) as failed. */
  sweep(): Promise<number>;
}

export function createJobQueue(options: QueueOptions): JobQueue {
  const { db } = options;
  const retryLimit = options.retryLimit ?? 2;
  const boss = new PgBoss({
    ...(options.pglite ? { db: pgliteBossAdapter(options.pglite) } : { connectionString: options.databaseUrl, max: 3 }),
    schema: 'pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    supervise: true,
    schedule: options.work !== false,
  });
  const handlers = new Map<string, JobHandler>();
  const queueName = (kind: string) => `portal.${kind}`;
  let sweeper: NodeJS.Timeout | undefined;

  async function ensureQueue(kind: string) {
    await boss.createQueue(queueName(kind), {
      name: queueName(kind),
      retryLimit,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 120,
    });
  }

  async function enqueue({
    kind,
    regionPath,
    ownerId,
    input = {},
  }: {
    kind: string;
    regionPath: string;
    ownerId: string | null;
    input?: Record<string, unknown>;
  }): Promise<string> {
    await ensureQueue(kind);
    const [row] = await db.insert(jobs).values({ kind, regionPath, ownerId, input }).onConflictDoNothing().returning({ id: jobs.id });
    if (!row) throw conflict(BUSY);
    const bossId = await boss.send(queueName(kind), { jobId: row.id });
    await db.update(jobs).set({ bossJobId: bossId }).where(eq(jobs.id, row.id));
    return row.id;
  }

  async function runOne(kind: string, job: PgBoss.JobWithMetadata<{ jobId?: string; regionPaths?: string[] }>) {
    const handler = handlers.get(kind);
    if (!handler) throw new Error(`no handler for ${kind}`);
    const jobId = job.data.jobId;
    if (!jobId) {
      // A scheduled run (pg-boss 10 keeps one schedule per queue): start one job per region, owned by
      // the system; a region whose previous run is still open is skipped.
      for (const regionPath of job.data.regionPaths ?? []) {
        await enqueue({ kind, regionPath, ownerId: null }).catch((err: unknown) => {
          if (!(err instanceof DomainError)) throw err;
        });
      }
      return;
    }
    const [row] = await db
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        startedAt: sql`coalesce(${jobs.startedAt}, now())`,
        bossJobId: job.id,
        errorZh: null,
      })
      .where(and(eq(jobs.id, jobId), inArray(jobs.status, ['queued', 'running'])))
      .returning();
    if (!row) return; // already finished (a duplicate delivery): no second effect
    const finalAttempt = (job.retryCount ?? 0) >= retryLimit;
    try {
      const result = await handler({
        jobId,
        regionPath: row.regionPath,
        ownerId: row.ownerId,
        input: row.input,
        attempt: row.attempts,
        progress: async (done, total) => {
          await db.update(jobs).set({ progressDone: done, progressTotal: total }).where(eq(jobs.id, jobId));
        },
      });
      await db
        .update(jobs)
        .set({ status: 'succeeded', finishedAt: new Date(), resultLink: result.resultLink ?? null })
        .where(eq(jobs.id, jobId));
    } catch (err) {
      const message = err instanceof DomainError ? err.message : DEFAULT_ERROR;
      await db
        .update(jobs)
        .set(
          finalAttempt || err instanceof DomainError
            ? { status: 'failed', finishedAt: new Date(), errorZh: message }
            : { status: 'queued', errorZh: `${message}（将自动重试）` },
        )
        .where(eq(jobs.id, jobId));
      // A domain error (bad input) is final: do not retry it.
      if (!(err instanceof DomainError)) throw err;
    }
  }

  return {
    async start() {
      await boss.start();
      await this.sweep();
      sweeper = setInterval(() => void this.sweep().catch(() => undefined), 15_000);
      sweeper.unref();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
    async register(kind, handler) {
      handlers.set(kind, handler);
      await ensureQueue(kind);
      if (options.work === false) return;
      await boss.work(
        queueName(kind),
        { includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async (batch) => {
          for (const job of batch) await runOne(kind, job as never);
        },
      );
    },
    enqueue,
    async schedule(kind, regionPaths, cron) {
      await ensureQueue(kind);
      await boss.schedule(queueName(kind), cron, { regionPaths }, { tz: 'Asia/Shanghai' });
    },
    async sweep() {
      const result = await db.execute<{ id: string }>(sql`
        update jobs set status = 'failed', finished_at = now(), error_zh = ${INTERRUPTED}
        where status in ('queued', 'running') and boss_job_id is not null
          and exists (select 1 from pgboss.job b where b.id::text = jobs.boss_job_id and b.state = 'failed')
        returning jobs.id`);
      return (result as unknown as { rows?: unknown[] }).rows?.length ?? (result as unknown as unknown[]).length ?? 0;
    },
  };
}
