import { loadavg } from 'node:os';
import type { PGlite } from '@electric-sql/pglite';
import { claimTotalsUpsert, sql as dsql, type DbHandle } from '@portal/db';
import type postgres from 'postgres';
import { BatchSink, StreamSink, type Sink, type TableStats } from './copy.js';
import { dayOf } from './dates.js';
import { PeopleGenerator } from './people.js';
import { Rng } from './random.js';
import { T, TABLE_ORDER } from './tables.js';
import { buildWorld, loadWorld, type World } from './world.js';

export interface ScaleOptions {
  persons: number;
  claims: number;
  seed: number;
  /** The last day of generated activity (claims, cases, lists). */
  until: string;
  /** How many insurance years end with `until`'s year. */
  years: number;
  append: boolean;
  /** argon2 hash of the generated accounts' password, computed once by the caller. */
  passwordHash: string;
  log: (line: string) => void;
}

export interface ScaleTarget {
  handle: DbHandle;
  /** PostgreSQL only: the raw client, for COPY streams and parallel index builds. */
  sql?: postgres.Sql;
  /** PGlite only. */
  pglite?: PGlite;
}

export interface ScaleReport {
  database: 'postgres' | 'pglite';
  mode: string;
  options: Omit<ScaleOptions, 'passwordHash' | 'log'>;
  seconds: { migrate: number; generate: number; indexes: number; analyze: number; total: number };
  counts: { persons: number; settledClaims: number; reversals: number; cases: number };
  /** The machine's load average (1/5/15 min) when the run started and ended: how shared the cores were. */
  loadBefore?: number[];
  loadAfter?: number[];
  tables: { table: string; rows: number; megabytes: number; rowsPerSecond: number }[];
}

export class RefusedError extends Error {}

const TABLE_NAMES = TABLE_ORDER.map((t) => t.name);

async function query<R>(target: ScaleTarget, text: string): Promise<R[]> {
  if (target.sql) return (await target.sql.unsafe(text)) as unknown as R[];
  const result = (await target.handle.db.execute(dsql.raw(text))) as unknown as { rows: R[] };
  return result.rows;
}

/** Secondary indexes of the generated tables (not those behind a primary key or constraint). */
async function secondaryIndexes(target: ScaleTarget) {
  const list = TABLE_NAMES.map((n) => `'${n}'`).join(', ');
  return query<{ indexname: string; indexdef: string; tablename: string }>(
    target,
    `select indexname, indexdef, tablename from pg_indexes where schemaname = 'public' and tablename in (${list})
       and indexname not in (select conname from pg_constraint)`,
  );
}

async function parallel<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Writes a scale data set through the schema (see README "Scale data and benchmarks"): the
 * world (regions, hospitals, accounts, parameters), then people and everything they cause,
 * streamed with COPY. On an empty database the secondary indexes are dropped first and built
 * again at the end (faster than maintaining them row by row); `--append` keeps them.
 */
export async function generateScale(target: ScaleTarget, options: ScaleOptions): Promise<ScaleReport> {
  const started = performance.now();
  const loadBefore = loadavg();
  const log = options.log;
  const { handle } = target;
  let t = performance.now();
  await handle.migrate();
  const migrateSeconds = (performance.now() - t) / 1000;

  const [existing] = await query<{ n: string | number }>(
    target,
    'select (select count(*) from org_units) + (select count(*) from persons) as n',
  );
  const isEmpty = Number(existing?.n ?? 0) === 0;
  if (!isEmpty && !options.append) {
    throw new RefusedError(
      '数据库不是空的：已有机构或人员。规模数据只写入空数据库；要在已有的规模数据上追加，请加 --append。 (database is not empty; use --append)',
    );
  }

  const until = dayOf(options.until);
  const lastYear = Number(options.until.slice(0, 4));
  const firstYear = lastYear - options.years + 1;
  const rng = new Rng(options.seed);

  const indexes = isEmpty ? await secondaryIndexes(target) : [];
  if (indexes.length) {
    log(`dropping ${indexes.length} secondary indexes for the load (rebuilt at the end)`);
    for (const ix of indexes) await query(target, `drop index if exists "${ix.indexname}"`);
  }

  const sink: Sink =
    target.sql && (await StreamSink.isPossible(target.sql))
      ? new StreamSink(TABLE_ORDER, target.sql, { claims: 2, audit_log: 2, claim_lines: 2 })
      : new BatchSink(TABLE_ORDER, target.pglite ? { pglite: target.pglite } : { sql: target.sql! });
  log(`writing with ${sink.mode}`);

  const seq = {
    claim: 0,
    case: 0,
    advance: 0,
    referral: new Map<number, number>(),
    offsite: new Map<number, number>(),
    householdByCounty: [] as number[],
  };
  const existingIds = new Set<string>();
  let world: World;
  if (isEmpty) {
    world = buildWorld(rng.fork(1), sink, options.passwordHash);
    writePremiums(world, sink, rng.fork(2), firstYear, lastYear);
  } else {
    world = await loadWorld(handle.db, rng.fork(1));
    for (const r of await query<{ id_number: string }>(target, 'select id_number from persons')) existingIds.add(r.id_number);
    const last = async (name: string) => {
      const [row] = await query<{ last_value: string; is_called: boolean }>(target, `select last_value, is_called from ${name}`);
      return row?.is_called ? Number(row.last_value) : 0;
    };
    seq.claim = await last('claim_no_seq');
    seq.case = await last('reimbursement_no_seq');
    seq.advance = await last('advance_no_seq');
    for (const r of await query<{ prefix: string; year: number; last: number }>(
      target,
      'select prefix, year, last from registration_sequences',
    )) {
      (r.prefix === 'ZZ' ? seq.referral : seq.offsite).set(Number(r.year), Number(r.last));
    }
    log(`appending to ${existingIds.size} persons`);
  }
  const households = isEmpty
    ? []
    : await query<{ org_unit_id: string; n: string | number }>(
        target,
        'select org_unit_id, count(*) as n from households group by org_unit_id',
      );
  seq.householdByCounty = world.counties.map((c) => Number(households.find((h) => h.org_unit_id === c.unit.id)?.n ?? 0));

  t = performance.now();
  let lastLog = 0;
  const people = new PeopleGenerator(rng.fork(3), world, sink, {
    persons: options.persons,
    claims: options.claims,
    until,
    firstYear,
    lastYear,
    existingIds,
    seq,
    progress: (done, claims) => {
      const now = performance.now();
      if (now - lastLog < 5000 && done < options.persons) return;
      lastLog = now;
      const s = (now - t) / 1000;
      const rows = [...sink.stats.values()].reduce((a, b) => a + b.rows, 0);
      const mb = [...sink.stats.values()].reduce((a, b) => a + b.bytes, 0) / 1e6;
      log(
        `  persons ${fmt(done)}/${fmt(options.persons)} (${((done / options.persons) * 100).toFixed(0)} %), settled claims ${fmt(claims)}, ` +
          `${fmt(rows)} rows, ${mb.toFixed(0)} MB in ${s.toFixed(0)} s (${fmt(Math.round(rows / s))} rows/s), rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
      );
    },
  });
  await people.run();
  people.writeAdvances();
  people.writeListBatches();
  log('waiting for the database to take the last rows…');
  await sink.finish();
  const generateSeconds = (performance.now() - t) / 1000;
  log(`generated in ${generateSeconds.toFixed(1)} s`);

  // Sequences and registration counters continue where the data set ends.
  const setval = (name: string, n: number) => (n > 0 ? query(target, `select setval('${name}', ${n}, true)`) : Promise.resolve([]));
  await setval('claim_no_seq', seq.claim);
  await setval('reimbursement_no_seq', seq.case);
  await setval('advance_no_seq', seq.advance);
  const counters = [
    ...[...seq.referral].map(([year, last]) => `('ZZ', ${year}, ${last})`),
    ...[...seq.offsite].map(([year, last]) => `('YD', ${year}, ${last})`),
  ];
  if (counters.length) {
    await query(
      target,
      `insert into registration_sequences (prefix, year, last) values ${counters.join(', ')}
       on conflict (prefix, year) do update set last = greatest(registration_sequences.last, excluded.last)`,
    );
  }

  t = performance.now();
  if (indexes.length) {
    log(`building ${indexes.length} indexes…`);
    const bySize = [...indexes].sort((a, b) => (sink.stats.get(b.tablename)?.bytes ?? 0) - (sink.stats.get(a.tablename)?.bytes ?? 0));
    await parallel(bySize, target.sql ? 2 : 1, async (ix) => {
      const t0 = performance.now();
      await query(target, target.sql ? `set maintenance_work_mem = '512MB'; ${ix.indexdef}` : ix.indexdef);
      const s = (performance.now() - t0) / 1000;
      if (s > 5) log(`  ${ix.indexname} ${s.toFixed(1)} s`);
    });
  }
  const indexSeconds = (performance.now() - t) / 1000;

  // The dashboard's aggregates, from all claims at once (the same statement the server runs per claim).
  t = performance.now();
  log('claim_month_totals…');
  await query(target, 'delete from claim_month_totals');
  await target.handle.db.execute(claimTotalsUpsert(dsql`true`));
  await query(target, 'analyze claim_month_totals');
  log(`  ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  log(target.sql ? 'vacuum (analyze)…' : 'analyze…');
  if (target.sql) {
    const bySize = [...TABLE_NAMES].sort((a, b) => (sink.stats.get(b)?.bytes ?? 0) - (sink.stats.get(a)?.bytes ?? 0));
    await parallel(bySize, 2, async (name) => {
      await query(target, `vacuum (analyze) "${name}"`);
    });
  } else {
    await query(target, 'analyze');
  }
  const analyzeSeconds = (performance.now() - t) / 1000;

  const tables = TABLE_ORDER.map((table) => {
    const s: TableStats | undefined = sink.stats.get(table.name);
    return {
      table: table.name,
      rows: s?.rows ?? 0,
      megabytes: Math.round(((s?.bytes ?? 0) / 1e6) * 10) / 10,
      rowsPerSecond: s ? Math.round(s.rows / generateSeconds) : 0,
    };
  }).filter((r) => r.rows > 0);
  return {
    database: target.sql ? 'postgres' : 'pglite',
    mode: sink.mode,
    options: {
      persons: options.persons,
      claims: options.claims,
      seed: options.seed,
      until: options.until,
      years: options.years,
      append: options.append,
    },
    seconds: {
      migrate: round1(migrateSeconds),
      generate: round1(generateSeconds),
      indexes: round1(indexSeconds),
      analyze: round1(analyzeSeconds),
      total: round1((performance.now() - started) / 1000),
    },
    loadBefore,
    loadAfter: loadavg(),
    counts: {
      persons: people.counts.persons,
      settledClaims: people.counts.settled,
      reversals: people.counts.reversed,
      cases: people.counts.cases,
    },
    tables,
  };
}

/** The individual premium (个人缴费标准) of every county and year. */
function writePremiums(world: World, sink: Sink, rng: Rng, firstYear: number, lastYear: number) {
  const admin = world.sysadmin;
  for (const c of world.counties) {
    for (let year = firstYear; year <= lastYear; year++) {
      const tier1 = (year <= 2023 ? 380 : 400) * 100;
      const at = `${year - 1}-08-15 10:00:00+08`;
      sink.write(T.premiums, [
        rng.uuid(),
        c.unit.id,
        c.unit.path,
        year,
        tier1,
        c.profile === 'weihai-2019' ? tier1 + 30_000 : null,
        `${year}年度城乡居民基本医疗保险个人缴费标准`,
        admin.id,
        at,
        at,
      ]);
    }
  }
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}

export function fmt(n: number) {
  return n.toLocaleString('en-US');
}
