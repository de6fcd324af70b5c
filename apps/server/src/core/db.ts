import { asc, desc, eq, sql, type AnyPgColumn, type DbOrTx, type PgTable, type SQL } from '@portal/db';
import type { ActorContext, ServiceContext } from './context.js';
import { invalid, notFound } from './errors.js';
import { assertInUserRegion } from './scope.js';

/**
 * Runs `fn` in a transaction: a new one, or — when the caller already holds one
 * (`ctx.inTransaction`) — the caller's, so a service called by another joins its transaction and
 * both commit or neither. Inside, `ctx.db` is the transaction.
 */
export async function withTransaction<C extends ServiceContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx, inTransaction: true }));
}

/**
 * Runs a heavy read — a list over a region, a board, a report, an export — in a read-only
 * transaction on the report pool (the replica when `DATABASE_READ_URL` is set), so it cannot take
 * the connections window work needs; the request's abort signal cancels its running statement.
 * Inside, `ctx.db` reads from that pool; writes (an export's audit row) go through the outer ctx.
 * Inside a caller's transaction (a job) it reads there, to see what that transaction wrote.
 */
export async function withReportReads<C extends ServiceContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.reports.run(ctx.signal, (tx) => fn({ ...ctx, db: tx, inTransaction: true }));
}

type ScopedTable = PgTable & { id: AnyPgColumn; regionPath: AnyPgColumn };

/**
 * Loads a row by id and checks that it lies in the actor's region: missing → 不存在 (NOT_FOUND),
 * outside the region → 不在您的管辖范围内 (FORBIDDEN), both worded from the one noun `what`.
 * `forUpdate` locks the row for the rest of the transaction.
 */
export async function findScopedById<T extends ScopedTable>(
  ctx: ActorContext,
  table: T,
  id: string,
  what: string,
  options: { forUpdate?: boolean } = {},
): Promise<T['$inferSelect']> {
  const query = ctx.db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .limit(1);
  const rows = (options.forUpdate ? await query.for('update') : await query) as T['$inferSelect'][];
  const row = rows[0] as (T['$inferSelect'] & { regionPath: string }) | undefined;
  if (!row) throw notFound(`${what}不存在`);
  assertInUserRegion(ctx.actor, row.regionPath, `该${what}`);
  return row;
}

/** Inserts one row and returns it (a driver that returns nothing is a bug, not a user error). */
export async function insertOne<T extends PgTable>(
  db: ServiceContext['db'],
  table: T,
  values: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const rows = (await db
    .insert(table)
    .values(values as never)
    .returning()) as T['$inferSelect'][];
  const row = rows[0];
  if (!row) throw new Error(`insert into ${String((table as { _: { name?: string } })._?.name ?? 'table')} returned no row`);
  return row;
}

/** A page of a list read by keyset: the rows and the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type KeyValue = string | number | boolean | null;

/** An opaque cursor: the sort-key values of the last row of a page. */
export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): KeyValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    ) {
      return values as KeyValue[];
    }
  } catch {
    // fall through: a cursor the server did not make
  }
  throw invalid('翻页参数无效，请回到第一页重新查询', 'cursor');
}

/**
 * Keyset pagination over a sort key of one direction (e.g. `createdAt desc, id desc`): rows after
 * the cursor are found by a row comparison the index on the same columns serves, so page 500 costs
 * what page 1 costs. `query(after, limit)` must filter with `after` (undefined on the first page)
 * and order by the same `keys` in `direction`.
 */
export async function paginate<Row>(args: {
  cursor?: string | null;
  limit: number;
  keys: readonly AnyPgColumn[];
  direction: 'asc' | 'desc';
  query: (after: SQL | undefined, limit: number, orderBy: SQL[]) => Promise<Row[]>;
  keyOf: (row: Row) => readonly KeyValue[];
}): Promise<Page<Row>> {
  const { keys, direction, limit } = args;
  let after: SQL | undefined;
  if (args.cursor) {
    const values = decodeCursor(args.cursor, keys.length);
    const columns = sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    );
    const params = sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
    after = direction === 'asc' ? sql`(${columns}) > (${params})` : sql`(${columns}) < (${params})`;
  }
  const orderBy = keys.map((k) => (direction === 'asc' ? asc(k) : desc(k)));
  const rows = await args.query(after, limit + 1, orderBy);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(args.keyOf(last)) : null };
}

/**
 * A timestamp as a keyset value at the database's full precision (microseconds): a JavaScript
 * Date keeps milliseconds, and a cursor cut to them would skip rows written in the same
 * millisecond. Select it beside the row and use it in `keyOf`.
 */
export function timestampKey(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** How many rows a list counts exactly before it shows the planner's estimate (约 N 条). */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * The size of a filtered list without scanning a region: counted exactly up to
 * `EXACT_COUNT_LIMIT` rows (one bounded index read), above that PostgreSQL's estimate of the same
 * query, marked as such: the rows of `table` that `where` selects (the list's filter, without
 * order, limit or cursor).
 */
export async function boundedCount(db: DbOrTx, table: PgTable, where: SQL | undefined): Promise<{ value: number; isEstimate: boolean }> {
  const query = db
    .select({ one: sql`1` })
    .from(table)
    .where(where);
  const counted = (await db.execute(
    sql`select count(*)::int as n from (${query} limit ${EXACT_COUNT_LIMIT + 1}) as bounded`,
  )) as unknown as { n: number }[] | { rows: { n: number }[] };
  const n = rowsOf(counted)[0]?.n ?? 0;
  if (n <= EXACT_COUNT_LIMIT) return { value: n, isEstimate: false };
  const plan = rowsOf((await db.execute(sql`explain (format json) ${query}`)) as unknown as unknown[] | { rows: unknown[] });
  const estimate = Number(planRows(plan[0]));
  return {
    value: Number.isFinite(estimate) && estimate > EXACT_COUNT_LIMIT ? Math.round(estimate) : EXACT_COUNT_LIMIT + 1,
    isEstimate: true,
  };
}

/** Rows of `db.execute`: postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(result: T[] | { rows: T[] }): T[] {
  return Array.isArray(result) ? result : result.rows;
}

/** "Plan Rows" of the top node of an `explain (format json)` row. */
function planRows(row: unknown): unknown {
  const value = (row as Record<string, unknown> | undefined)?.['QUERY PLAN'];
  const json: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return (json as { Plan?: { 'Plan Rows'?: number } }[] | undefined)?.[0]?.Plan?.['Plan Rows'];
}

/**
 * The next number of a document series from its database sequence, as shown on the document:
 * `prefix` then the sequence value padded to `digits` (结算单 JS2026…, 零星报销 LX2026…, 垫付 DF2026…).
 */
export async function nextDocumentNo(db: DbOrTx, sequence: string, prefix: string, digits: number): Promise<string> {
  const rows = rowsOf(
    (await db.execute(sql`select nextval(${sequence}) as n`)) as unknown as { n: string | number }[] | { rows: { n: string | number }[] },
  );
  return `${prefix}${String(rows[0]?.n ?? 0).padStart(digits, '0')}`;
}
