import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** Read-only access to the benchmarked database, for picking inputs and measuring sizes. */
export interface Probe {
  kind: 'postgres' | 'pglite';
  q<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export function probePostgres(url: string): Probe {
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  return {
    kind: 'postgres',
    q: async <R>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as never[])) as unknown as R[],
    close: () => sql.end({ timeout: 5 }),
  };
}

/** PGlite allows one process per folder: close this before the server opens it. */
export async function probePglite(dir: string): Promise<Probe> {
  const db = await PGlite.create(dir);
  return {
    kind: 'pglite',
    q: async <R>(text: string, params: unknown[] = []) => (await db.query<R>(text, params)).rows,
    close: () => db.close(),
  };
}
