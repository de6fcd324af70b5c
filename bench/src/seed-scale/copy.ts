import type { Writable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName, type PgTable } from '@portal/db';
import type postgres from 'postgres';

/** A table as the generator writes it: its SQL name and the columns of each row, in order. */
export interface CopyTable {
  name: string;
  /** SQL column names, in the order of the values of a row. */
  columns: string[];
  copySql: (source: 'stdin' | "'/dev/blob'") => string;
}

/** drizzle's `casing: 'snake_case'` rule (a column without an explicit name is its key in snake case). */
function toSnakeCase(key: string): string {
  const words = key.match(/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g) ?? [];
  return words.map((w) => w.toLowerCase()).join('_');
}

/**
 * A table of the schema with the columns the generator fills, named by their TypeScript keys so
 * a renamed column fails the type check; `verifyColumns` checks the SQL names against the database.
 */
export function copyTable<T extends PgTable>(table: T, keys: readonly (keyof T['$inferInsert'] & string)[]): CopyTable {
  const columns = getTableColumns(table) as Record<string, { name: string; keyAsName?: boolean }>;
  const name = getTableName(table);
  const sqlNames = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${name}: no column ${k}`);
    return column.keyAsName === false ? column.name : toSnakeCase(k);
  });
  const list = sqlNames.map((c) => `"${c}"`).join(', ');
  return { name, columns: sqlNames, copySql: (source) => `copy "${name}" (${list}) from ${source}` };
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPE_ALL = /[\\\t\n\r]/g;

function escapeText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : s;
}

/**
 * One value in COPY text format: null as \N, booleans t/f, objects as JSON (jsonb columns take
 * the JSON text), strings escaped. Strings given for jsonb columns must already be JSON.
 */
function encodeValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'string':
      return escapeText(v);
    default:
      return escapeText(JSON.stringify(v));
  }
}

export function encodeRow(values: readonly unknown[]): string {
  let line = encodeValue(values[0]);
  for (let i = 1; i < values.length; i++) line += '\t' + encodeValue(values[i]);
  return line + '\n';
}

export interface TableStats {
  rows: number;
  bytes: number;
  firstAt: number;
  lastAt: number;
}

/** Where generated rows go. `write` is synchronous; `drain` applies back-pressure between batches. */
export interface Sink {
  readonly mode: string;
  write(table: CopyTable, values: readonly unknown[]): void;
  /** Sends what is buffered when enough has gathered (and waits while the database is behind). */
  drain(): Promise<void>;
  /** Sends everything and waits until the database has it all. */
  finish(): Promise<void>;
  readonly stats: Map<string, TableStats>;
}

interface Buffer {
  table: CopyTable;
  parts: string[];
  size: number;
}

abstract class BufferingSink implements Sink {
  abstract readonly mode: string;
  readonly stats = new Map<string, TableStats>();
  protected readonly buffers = new Map<string, Buffer>();
  protected buffered = 0;

  /** Tables in the order they must be sent in when foreign keys are checked (parents first). */
  constructor(protected readonly order: readonly CopyTable[]) {
    for (const t of order) this.buffers.set(t.name, { table: t, parts: [], size: 0 });
  }

  write(table: CopyTable, values: readonly unknown[]): void {
    const line = encodeRow(values);
    const b = this.buffers.get(table.name);
    if (!b) throw new Error(`table ${table.name} is not in the sink's order`);
    b.parts.push(line);
    b.size += line.length;
    this.buffered += line.length;
    let s = this.stats.get(table.name);
    if (!s) {
      s = { rows: 0, bytes: 0, firstAt: performance.now(), lastAt: 0 };
      this.stats.set(table.name, s);
    }
    s.rows++;
    s.bytes += line.length;
  }

  protected take(b: Buffer): string[] {
    const parts = b.parts;
    this.buffered -= b.size;
    b.parts = [];
    b.size = 0;
    const s = this.stats.get(b.table.name);
    if (s) s.lastAt = performance.now();
    return parts;
  }

  abstract drain(): Promise<void>;
  abstract finish(): Promise<void>;
}

/**
 * Sends each table in batches, parents before children, one COPY per table and batch on one
 * connection: every batch commits before the next, so foreign keys are checked and hold.
 * PGlite reads the batch from a blob (`COPY … FROM '/dev/blob'`); PostgreSQL from stdin.
 */
export class BatchSink extends BufferingSink {
  readonly mode: string;

  constructor(
    order: readonly CopyTable[],
    private readonly target: { pglite: PGlite } | { sql: postgres.Sql },
    private readonly batchBytes = 32 * 1024 * 1024,
  ) {
    super(order);
    this.mode = 'pglite' in target ? 'PGlite COPY FROM /dev/blob, batched' : 'PostgreSQL COPY FROM STDIN, batched in foreign-key order';
  }

  async drain(): Promise<void> {
    if (this.buffered >= this.batchBytes) await this.flushAll();
  }

  async finish(): Promise<void> {
    await this.flushAll();
  }

  private async flushAll() {
    for (const b of this.buffers.values()) {
      if (!b.parts.length) continue;
      const parts = this.take(b);
      if ('pglite' in this.target) {
        await this.target.pglite.query(b.table.copySql("'/dev/blob'"), [], { blob: new Blob(parts) });
      } else {
        const stream = await this.target.sql.unsafe(b.table.copySql('stdin')).writable();
        await writeAll(stream, parts);
        await endStream(stream);
      }
    }
  }
}

/**
 * PostgreSQL: one COPY stream per table, all open at once on their own connections, with
 * triggers (and so foreign-key checks) off for the session (`session_replication_role = replica`,
 * superuser only). The database parses and indexes each table in its own backend while the
 * generator goes on; rows are consistent by construction and the generator's test checks them.
 */
export class StreamSink extends BufferingSink {
  readonly mode: string;
  private readonly streams = new Map<string, Lane[]>();
  private readonly turn = new Map<string, number>();

  /**
   * `lanes`: how many COPY streams (connections, backends) share a table — the largest tables
   * get two, so parsing their JSON uses both cores while the generator waits.
   */
  constructor(
    order: readonly CopyTable[],
    private readonly sql: postgres.Sql,
    private readonly lanes: Record<string, number> = {},
    private readonly chunkBytes = 1024 * 1024,
    /** Bytes a stream may hold before the generator waits for the database. */
    private readonly maxQueued = 48 * 1024 * 1024,
  ) {
    super(order);
    const wide = Object.entries(lanes).filter(([, n]) => n > 1);
    this.mode =
      'PostgreSQL COPY FROM STDIN, one stream per table' +
      (wide.length ? ` (${wide.map(([t, n]) => `${t} ${n}`).join(', ')})` : '') +
      ', foreign-key triggers off';
  }

  /** Whether this connection may switch triggers off (a superuser); otherwise use `BatchSink`. */
  static async isPossible(sql: postgres.Sql): Promise<boolean> {
    const rows = await sql<{ ok: boolean }[]>`select rolsuper as ok from pg_roles where rolname = current_user`;
    return rows[0]?.ok === true;
  }

  private async lane(table: CopyTable): Promise<Lane> {
    let lanes = this.streams.get(table.name);
    if (!lanes) {
      lanes = [];
      for (let i = 0; i < (this.lanes[table.name] ?? 1); i++) {
        const reserved = await this.sql.reserve();
        await reserved`set session_replication_role = replica`;
        await reserved`set synchronous_commit = off`;
        const stream = await reserved.unsafe(table.copySql('stdin')).writable();
        const lane: Lane = { stream, release: () => reserved.release(), failed: null };
        stream.on('error', (err: Error) => (lane.failed = new Error(`COPY into ${table.name} failed: ${err.message}`, { cause: err })));
        lanes.push(lane);
      }
      this.streams.set(table.name, lanes);
    }
    const n = this.turn.get(table.name) ?? 0;
    this.turn.set(table.name, n + 1);
    const lane = lanes[n % lanes.length]!;
    if (lane.failed) throw lane.failed;
    return lane;
  }

  async drain(): Promise<void> {
    for (const b of this.buffers.values()) {
      if (b.size >= this.chunkBytes) await this.send(b);
    }
  }

  private async send(b: Buffer) {
    const lane = await this.lane(b.table);
    lane.stream.write(this.take(b).join(''));
    // A table far behind the others holds the generator back here, which bounds memory.
    if (lane.stream.writableLength > this.maxQueued) await waitForDrain(lane.stream);
    if (lane.failed) throw lane.failed;
  }

  async finish(): Promise<void> {
    for (const b of this.buffers.values()) if (b.parts.length) await this.send(b);
    await Promise.all(
      [...this.streams.values()].flat().map(async (lane) => {
        await endStream(lane.stream);
        if (lane.failed) throw lane.failed;
        lane.release();
      }),
    );
  }
}

interface Lane {
  stream: Writable;
  release: () => void;
  failed: Error | null;
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('error', fail);
      resolve();
    };
    const fail = (err: Error) => {
      stream.off('drain', done);
      reject(err);
    };
    stream.once('drain', done);
    stream.once('error', fail);
  });
}

async function writeAll(stream: Writable, parts: string[]) {
  const CHUNK = 256;
  for (let i = 0; i < parts.length; i += CHUNK) {
    if (!stream.write(parts.slice(i, i + CHUNK).join(''))) await waitForDrain(stream);
  }
}

function endStream(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
