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

export interface DbHandle {
  db: Db;
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
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database. */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      },
      close: async () => {
        await client.end({ timeout: 5 });
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
  return {
    db,
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
