import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Probe } from './probe.js';

export interface Statement {
  query: string;
  calls: number;
  meanMs: number;
  maxMs: number;
  totalMs: number;
  rowsPerCall: number;
  sharedHitPerCall: number;
  sharedReadPerCall: number;
  /** EXPLAIN (ANALYZE, BUFFERS) of one execution with real parameters, from auto_explain. */
  plan: string | null;
  planMs: number | null;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Statement statistics of this database start from zero (pg_stat_statements_reset). */
export async function resetStatements(probe: Probe) {
  await probe.q('select pg_stat_statements_reset()');
}

/** The statements with the highest mean time since the reset (the server's, not the probe's). */
export async function slowestStatements(probe: Probe, limit: number): Promise<Statement[]> {
  const rows = await probe.q<{
    query: string;
    calls: string;
    mean: number;
    max: number;
    total: number;
    rows: string;
    hit: string;
    read: string;
  }>(
    `select query, calls::text, mean_exec_time as mean, max_exec_time as max, total_exec_time as total, rows::text,
            shared_blks_hit::text as hit, shared_blks_read::text as read
       from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())
        and query not ilike '%pg_stat_statements%' and query not ilike 'copy %' and query not ilike 'vacuum%'
        and query ~* '^\\s*(select|insert|update|delete|with)'
      order by mean_exec_time desc limit $1`,
    [limit],
  );
  return rows.map((r) => {
    const calls = Number(r.calls) || 1;
    return {
      query: norm(r.query),
      calls,
      meanMs: Number(r.mean),
      maxMs: Number(r.max),
      totalMs: Number(r.total),
      rowsPerCall: Number(r.rows) / calls,
      sharedHitPerCall: Number(r.hit) / calls,
      sharedReadPerCall: Number(r.read) / calls,
      plan: null,
      planMs: null,
    };
  });
}

/**
 * Switches auto_explain on for new connections of this database (every statement slower than
 * `minMs`, with ANALYZE and BUFFERS) and returns where the server log is now, so that the plans
 * logged from here on can be read back. The benchmark restarts the portal server afterwards so
 * that its pool opens new connections.
 */
export async function enablePlanCapture(probe: Probe, minMs: number) {
  await probe.q(`alter database ${await dbName(probe)} set auto_explain.log_min_duration = '${minMs}ms'`);
  for (const s of ['log_analyze', 'log_buffers', 'log_timing', 'log_verbose']) {
    await probe.q(`alter database ${await dbName(probe)} set auto_explain.${s} = ${s === 'log_verbose' ? 'off' : 'on'}`);
  }
  const file = await logFile(probe);
  return { file, offset: file && existsSync(file) ? statSync(file).size : 0 };
}

export async function disablePlanCapture(probe: Probe) {
  for (const s of ['log_min_duration', 'log_analyze', 'log_buffers', 'log_timing', 'log_verbose']) {
    await probe.q(`alter database ${await dbName(probe)} reset auto_explain.${s}`);
  }
}

async function dbName(probe: Probe) {
  const [r] = await probe.q<{ d: string }>('select current_database() as d');
  return `"${r!.d}"`;
}

async function logFile(probe: Probe): Promise<string | null> {
  try {
    const [r] = await probe.q<{ f: string | null; d: string }>(`select pg_current_logfile() as f, current_setting('data_directory') as d`);
    return r?.f ? join(r.d, r.f) : null;
  } catch {
    return null;
  }
}

/** The auto_explain entries logged since `from`: query text, duration and plan. */
export function readPlans(from: { file: string | null; offset: number }): { query: string; ms: number; plan: string }[] {
  if (!from.file || !existsSync(from.file)) return [];
  const text = readFileSync(from.file).subarray(from.offset).toString('utf8');
  const entries = text.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  const plans: { query: string; ms: number; plan: string }[] = [];
  for (const e of entries) {
    const m = e.match(/duration: ([\d.]+) ms\s+plan:\n([\s\S]*)$/);
    if (!m) continue;
    const lines = m[2]!.replace(/^\t/gm, '').split('\n');
    const first = lines.findIndex((l) => /\(cost=\d/.test(l));
    if (first < 0) continue;
    const query = lines
      .slice(0, first)
      .join(' ')
      .replace(/^Query Text: /, '');
    plans.push({ query: norm(query), ms: Number(m[1]), plan: lines.slice(first).join('\n').trimEnd() });
  }
  return plans;
}

/** Attaches to each statement the slowest captured plan of the same statement text. */
export function attachPlans(statements: Statement[], plans: { query: string; ms: number; plan: string }[]) {
  // pg_stat_statements shows constants as $n; compare with every parameter and literal blanked.
  const key = (s: string) =>
    s
      .replace(/'(?:[^']|'')*'/g, '?')
      .replace(/\$\d+/g, '?')
      .replace(/\b\d+(\.\d+)?\b/g, '?');
  for (const st of statements) {
    const match = plans.filter((p) => key(p.query) === key(st.query)).sort((a, b) => b.ms - a.ms)[0];
    if (match) {
      st.plan = match.plan;
      st.planMs = match.ms;
    }
  }
}
