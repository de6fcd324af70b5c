import { openDb, type DbHandle } from '../client.js';

let snapshot: Promise<Blob> | null = null;

/** A migrated snapshot made once per process; each test database starts from a copy (~0.3 s). */
async function getSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const handle = await openDb({ dataDir: 'memory://' });
    await handle.migrate();
    const dump = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return snapshot;
}

/**
 * A fresh database for a test file: PostgreSQL when TEST_DATABASE_URL is set (migrated, shared —
 * tests make their own rows and never truncate), otherwise an in-memory PGlite.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const handle = await openDb({ databaseUrl: url });
    await handle.migrate();
    return handle;
  }
  return openDb({ dataDir: 'memory://', loadDataDir: await getSnapshot() });
}
