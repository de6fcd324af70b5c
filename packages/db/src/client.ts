import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { lockDataDir } from './dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;
/** The database handle every service takes; PGlite and PostgreSQL share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** A handle that can run queries: the database, or a transaction inside it. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../drizzle');

/**
 * Reads that may be heavy (lists over a region, boards, reports, exports): each runs in a
 * read-only transaction on its own small pool — on the streaming replica when one is configured —
 * so that it cannot take the connections window work needs, and an aborted signal (the client went
 * away) cancels the statement that is running.
 */
export interface ReportReads {
  /** Where the reads go: their own pool on the primary, a replica, or the one embedded database. */
  target: 'pool' | 'replica' | 'embedded';
  run<T>(signal: AbortSignal | undefined, fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** PostgreSQL connection limits and statement timeouts of the two pools. */
export interface DbLimits {
  /** Connections for window work (saves, lookups, everything not a report). */
  windowPool: number;
  /** Connections for reports (ReportReads). */
  reportPool: number;
  /** A statement of window work running longer than this is cancelled by PostgreSQL. */
  windowStatementTimeoutMs: number;
  reportStatementTimeoutMs: number;
}

export const DEFAULT_DB_LIMITS: DbLimits = {
  windowPool: 8,
  reportPool: 3,
  windowStatementTimeoutMs: 10_000,
  reportStatementTimeoutMs: 60_000,
};

export interface DbHandle {
  db: Db;
  reports: ReportReads;
  kind: 'pglite' | 'postgres';
  /** Applies the committed migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the raw instance (for snapshots in tests). */
  pglite?: PGlite;
}

export interface OpenDbOptions {
  /** postgres://… to use a PostgreSQL server. */
  databaseUrl?: string;
  /** PGlite data folder, or `memory://`. */
  dataDir?: string;
  /** PGlite only: a migrated snapshot to start from (tests). */
  loadDataDir?: Blob | File;
  /** postgres://… of a streaming replica: report reads go there (PostgreSQL only). */
  readUrl?: string;
  limits?: Partial<DbLimits>;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database. */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  const databaseUrl = options.databaseUrl;
  if (databaseUrl) {
    const limits = { ...DEFAULT_DB_LIMITS, ...options.limits };
    // JIT compilation costs PostgreSQL most of a second per statement on these list queries and
    // gains nothing on indexed reads (issue 13's measurement), so it is off for the portal's sessions.
    const connection = (timeoutMs: number, name: string) => ({ statement_timeout: timeoutMs, jit: 'off', application_name: name });
    const client = postgres(databaseUrl, {
      max: limits.windowPool,
      onnotice: () => {},
      connection: connection(limits.windowStatementTimeoutMs, 'portal'),
    });
    const reportUrl = options.readUrl ?? databaseUrl;
    const reportClient = postgres(reportUrl, {
      max: limits.reportPool,
      onnotice: () => {},
      connection: connection(limits.reportStatementTimeoutMs, 'portal-reports'),
    });
    // Cancelling is a statement of its own on the server running the report; one spare connection
    // so that it never waits behind the reports it cancels.
    const cancelClient = postgres(reportUrl, { max: 1, onnotice: () => {}, connection: { application_name: 'portal-cancel' } });
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
    const reportDb = drizzlePostgres(reportClient, { schema, casing: 'snake_case' }) as unknown as Db;
    const reports: ReportReads = {
      target: options.readUrl ? 'replica' : 'pool',
      run: async (signal, fn) => {
        if (signal?.aborted) throw abortError(signal);
        return reportDb.transaction(
          async (tx) => {
            const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
            const pid = row?.pid;
            const cancel = () => {
              if (pid !== undefined) void cancelClient`select pg_cancel_backend(${pid})`.catch(() => {});
            };
            signal?.addEventListener('abort', cancel, { once: true });
            try {
              // Aborted while it waited for a connection: it never starts.
              if (signal?.aborted) throw abortError(signal);
              return await fn(tx);
            } finally {
              signal?.removeEventListener('abort', cancel);
            }
          },
          { accessMode: 'read only' },
        );
      },
    };
    return {
      db,
      reports,
      kind: 'postgres',
      migrate: async () => {
        // Its own connection without the statement timeout: an index built over millions of rows
        // takes longer than any window statement may.
        const migrator = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
        try {
          await migratePostgres(drizzlePostgres(migrator, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await migrator.end({ timeout: 5 });
        }
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), reportClient.end({ timeout: 5 }), cancelClient.end({ timeout: 5 })]);
      },
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    // One process per folder: a second one would silently lose the first one's writes.
    release = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
  // One embedded connection: reports share it (a read-only transaction), and a statement that
  // already runs cannot be cancelled; an aborted request is refused before it starts.
  const reports: ReportReads = {
    target: 'embedded',
    run: async (signal, fn) => {
      if (signal?.aborted) throw abortError(signal);
      return db.transaction(fn, { accessMode: 'read only' });
    },
  };
  return {
    db,
    reports,
    kind: 'pglite',
    pglite,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: async () => {
      await pglite.close();
      release();
    },
  };
}
