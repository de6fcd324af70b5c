import type { ScaleReport } from '../seed-scale/generate.js';
import type { BudgetOutcome } from './budgets.js';
import type { LoadResult } from './load-types.js';
import type { BenchResults, TargetResult } from './results.js';

const n0 = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n < 9.95 ? n.toFixed(1) : n < 999.5 ? n.toFixed(0) : n0(n);
/**
 * The p-th percentile, marked ≥ when the requests still open at the stop (counted at their age
 * then) are enough to fill the tail above it and reach it: the figure is then a lower bound.
 */
const pct = (x: LoadResult, v: number | null, p: number) =>
  v !== null && x.unanswered >= ((100 - p) / 100) * (x.requests + x.unanswered) && x.oldestUnansweredMs >= v ? `≥ ${ms(v)}` : ms(v);
const mb = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(1)} GB` : `${n.toFixed(n < 10 ? 1 : 0)} MB`);

function generationSection(g: ScaleReport | null, title: string): string[] {
  if (!g) return [`No generation report found for ${title} (.data/seed-scale-*.json).`, ''];
  const o = g.options;
  const rows = g.tables.reduce((a, t) => a + t.rows, 0);
  return [
    `\`pnpm seed:scale --persons ${o.persons} --claims ${o.claims} --seed ${o.seed} --until ${o.until} --years ${o.years}\` — ${g.mode}.`,
    '',
    `| phase | seconds |`,
    `|---|---:|`,
    `| migrate | ${g.seconds.migrate} |`,
    `| generate and COPY (${n0(rows)} rows, ${n0(rows / g.seconds.generate)} rows/s) | ${g.seconds.generate} |`,
    `| build ${g.database === 'postgres' ? 'secondary indexes (2 at a time)' : 'secondary indexes'} | ${g.seconds.indexes} |`,
    `| ${g.database === 'postgres' ? 'VACUUM (ANALYZE)' : 'ANALYZE'} | ${g.seconds.analyze} |`,
    `| **total** | **${g.seconds.total}** (${(g.seconds.total / 60).toFixed(1)} min) |`,
    '',
    ...(g.loadBefore && g.loadAfter
      ? [
          `Load average (1/5/15 min) ${g.loadBefore.map((x) => x.toFixed(1)).join(' / ')} at the start, ${g.loadAfter.map((x) => x.toFixed(1)).join(' / ')} at the end (2 cores).`,
          '',
        ]
      : []),
    `Written: ${n0(g.counts.persons)} persons, ${n0(g.counts.settledClaims)} settled claims (plus ${n0(g.counts.reversals)} reversed ones and their reversals), ${n0(g.counts.cases)} reimbursement cases.`,
    '',
    '| table | rows | COPY text MB | rows/s over the generation |',
    '|---|---:|---:|---:|',
    ...g.tables.map((t) => `| ${t.table} | ${n0(t.rows)} | ${t.megabytes.toFixed(1)} | ${n0(t.rowsPerSecond)} |`),
    '',
  ];
}

function sizesSection(r: TargetResult): string[] {
  const tables = r.targets.tables.filter((t) => t.rows > 0 || t.totalMb > 0.1);
  const total = tables.reduce((a, t) => a + t.totalMb, 0);
  return [
    '| table | rows | table (with TOAST) | indexes | total |',
    '|---|---:|---:|---:|---:|',
    ...tables.map((t) => `| ${t.table} | ${n0(t.rows)} | ${mb(t.tableMb)} | ${mb(t.indexMb)} | ${mb(t.totalMb)} |`),
    `| **all tables** | | | | **${mb(total)}** |`,
    '',
  ];
}

/** One line per read or save, p95 at each connection count (the shape of the issue's table), then req/s at the middle count. */
export function summaryTable(r: TargetResult): string[] {
  const conns = [...new Set(r.runs.map((x) => x.connections))].sort((a, b) => a - b);
  const titles = [...new Set(r.runs.map((x) => x.title))];
  const mid = conns[Math.min(1, conns.length - 1)];
  const cell = (title: string, c: number) => {
    const run = r.runs.find((x) => x.title === title && x.connections === c);
    if (!run) return '—';
    const failed = run.result.non2xx + run.result.errors + run.result.timeouts;
    if (!run.result.requests) return `no answer in ${Math.round(run.result.seconds)} s`;
    return `${pct(run.result, run.result.p95, 95)}${failed ? ` (${n0(failed)} of ${n0(run.result.requests + run.result.timeouts)} failed)` : ''}`;
  };
  return [
    `| p95 ms | ${conns.map((c) => `${c} connection${c === 1 ? '' : 's'}`).join(' | ')} | req/s at ${mid} |`,
    `|---|${conns.map(() => '---:').join('|')}|---:|`,
    ...titles.map((t) => {
      const run = r.runs.find((x) => x.title === t && x.connections === mid);
      const rps = run ? (run.result.rps < 10 ? run.result.rps.toFixed(1) : n0(run.result.rps)) : '—';
      return `| ${t} | ${conns.map((c) => cell(t, c)).join(' | ')} | ${rps} |`;
    }),
    '',
  ];
}

function runsSection(r: TargetResult): string[] {
  const lines = [
    '| read / write | conns | req/s | p50 ms | p95 ms | p99 ms | max ms | answered | open at the stop (oldest ms) | failed | busy after, s | server peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const run of r.runs) {
    const x = run.result;
    const failed = x.non2xx + x.errors + x.timeouts;
    lines.push(
      `| ${run.title} | ${run.connections} | ${x.rps < 10 ? x.rps.toFixed(1) : n0(x.rps)} | ${pct(x, x.p50, 50)} | ${pct(x, x.p95, 95)} | ${pct(x, x.p99, 99)} | ${pct(x, x.max, 100)} | ${n0(x.requests)} | ${x.unanswered ? `${x.unanswered} (${ms(x.oldestUnansweredMs)})` : 0} | ${failed ? `${failed}${x.timeouts ? ` (${x.timeouts} timeouts)` : ''}` : 0} | ${run.drainSeconds >= 1 ? run.drainSeconds.toFixed(0) : 0} | ${run.peakRssMb ? mb(run.peakRssMb) : '—'} |`,
    );
  }
  return [...lines, ''];
}

function operationsSection(r: TargetResult): string[] {
  if (!r.operations.length) return ['Not run.', ''];
  return [
    '| operation | user | result | seconds | rows | size | s per 1 M rows | server RSS before | server peak RSS (VmHWM) |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|',
    ...r.operations.map(
      (o) =>
        `| ${o.title} | ${o.user} | ${o.ok ? 'ok' : `HTTP ${o.status}`} | ${o.seconds.toFixed(1)} | ${n0(o.rows)} | ${mb(o.bytes / 1024 / 1024)} | ${o.secondsPerMillion === null ? '—' : o.secondsPerMillion.toFixed(0)} | ${mb(o.baselineRssMb)} | ${mb(o.peakRssMb)} |`,
    ),
    '',
    ...r.operations.filter((o) => o.note).map((o) => `- ${o.title}: ${o.note}`),
    '',
  ];
}

function statementsSection(r: TargetResult): string[] {
  if (!r.statements.length) return ['No statement statistics (pg_stat_statements missing).', ''];
  const out = [
    'Ranked by mean execution time in `pg_stat_statements` over the whole run above (reset at its start). The plans are',
    '`EXPLAIN (ANALYZE, BUFFERS)` of one real execution each, logged by `auto_explain` in a separate pass (one connection,',
    'a few requests per read, after the timed runs, so the instrumentation did not slow the figures); the ledger export’s page',
    'query was captured on the county clerk’s export (same statement, smaller scope).',
    '',
  ];
  r.statements.forEach((s, i) => {
    out.push(
      `### ${i + 1}. mean ${ms(s.meanMs)} ms, max ${ms(s.maxMs)} ms, ${n0(s.calls)} calls, ${s.rowsPerCall.toFixed(0)} rows/call, ${n0(s.sharedHitPerCall + s.sharedReadPerCall)} buffers/call (${n0(s.sharedReadPerCall)} read)`,
      '',
      '```sql',
      s.query.length > 700 ? `${s.query.slice(0, 700)} …` : s.query,
      '```',
      '',
      s.plan
        ? `Plan (${ms(s.planMs ?? NaN)} ms):`
        : 'No plan captured (faster than the auto_explain threshold in the capture pass, or not run in it).',
      '',
    );
    if (s.plan) out.push('```text', s.plan, '```', '');
  });
  return out;
}

function budgetsSection(outcomes: BudgetOutcome[], tolerance: number): string[] {
  const over = outcomes.filter((o) => !o.ok && !o.missing);
  return [
    `${over.length} of ${outcomes.filter((o) => !o.missing).length} measured figures are over budget (tolerance ${Math.round(tolerance * 100)} %; \`pnpm bench --check\` exits 1 when any is).`,
    '',
    '| budget | subject | measured | limit | |',
    '|---|---|---:|---:|---|',
    ...outcomes.map(
      (o) =>
        `| ${o.budget} | ${o.subject} | ${o.value === null ? '—' : o.value < 100 ? o.value.toFixed(1) : n0(o.value)} | ${o.limit} | ${o.missing ? 'not run' : o.ok ? 'ok' : '**over**'} |`,
    ),
    '',
  ];
}

/** p95 of each read at each connection count: the baseline's, then this run's. */
function baselineSection(r: TargetResult, base: TargetResult, baseAt: string): string[] {
  const conns = [...new Set(r.runs.map((x) => x.connections))].sort((a, b) => a - b);
  const sized = (t: TargetResult) =>
    `${n0(t.targets.national.persons)} persons, ${n0(t.targets.tables.find((x) => x.table === 'claims')?.rows ?? 0)} claims`;
  const p95 = (t: TargetResult, title: string, c: number) => {
    const run = t.runs.find((x) => x.title === title && x.connections === c);
    return run ? pct(run.result, run.result.p95, 95) : '—';
  };
  return [
    `p95 in ms, baseline → this run. Baseline: ${baseAt.slice(0, 10)} on ${sized(base)}; this run on ${sized(r)}.`,
    '',
    `| read / write | ${conns.map((c) => `${c} conn.`).join(' | ')} |`,
    `|---|${conns.map(() => '---:').join('|')}|`,
    ...[...new Set(r.runs.map((x) => x.title))].map(
      (t) => `| ${t} | ${conns.map((c) => `${p95(base, t, c)} → ${p95(r, t, c)}`).join(' | ')} |`,
    ),
    '',
  ];
}

/**
 * docs/benchmarks.md from a run (and the committed baseline, when it is another run). `notes`:
 * the hand-written reading of the figures (bench/notes.md), placed after the budgets.
 */
export function renderReport(
  results: BenchResults,
  budgets: { tolerance: number; outcomes: BudgetOutcome[] },
  baseline: BenchResults | null = null,
  notes: string | null = null,
): string {
  const pg = results.results.find((r) => r.database === 'postgres');
  const lite = results.results.find((r) => r.database === 'pglite');
  const load = (r: TargetResult) =>
    `${r.loadBefore.map((x) => x.toFixed(1)).join(' / ')} → ${r.loadAfter.map((x) => x.toFixed(1)).join(' / ')}`;
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Measured by \`pnpm bench\` on ${results.finishedAt.slice(0, 10)} (${(results.durationSeconds / 60).toFixed(0)} min). ` +
      (!baseline || baseline.startedAt === results.startedAt
        ? 'This run is the **baseline** (`bench/baseline.json`): the portal as it was before the query work of issue 13, which the later runs are compared with.'
        : `Each p95 is set beside the baseline of ${baseline.startedAt.slice(0, 10)} (\`bench/baseline.json\`, before the query work of issue 13).`),
    '`bench/budgets.json` holds the targets of issue 13; `pnpm bench --check` runs everything again and exits 1 when a figure is',
    'over its budget. The plans at the end show where the time goes.',
    '',
    '## How to reproduce',
    '',
    '```sh',
    'bash bench/scripts/pg.sh start load && bash bench/scripts/pg.sh reset         # own cluster on port 55542, bulk-load settings',
    'DATABASE_URL=postgres://postgres@127.0.0.1:55542/portal pnpm seed:scale --persons 1000000 --claims 3000000',
    'bash bench/scripts/pg.sh stop && bash bench/scripts/pg.sh start bench        # durable settings for the measurements',
    'PGLITE_DIR=.data/scale-pglite pnpm seed:scale --persons 100000 --claims 300000',
    'pnpm bench                  # both databases; writes this file and .data/bench-results.json',
    'pnpm bench --check          # the same, then compares with bench/budgets.json (exit 1 when over)',
    '```',
    '',
    'Load comes from autocannon 9 in a separate process (bench/src/http/load.ts) against the production server',
    '(`NODE_ENV=production`), signed in like the web: every procedure is a `POST /trpc/<path>?batch=1` with the body `{"0": input}`',
    'and `x-portal-request: 1`. Each read runs 3 s at one connection to warm up, then 10 s at each connection count. The saves',
    'are outpatient visits on the data set’s last day (today, if earlier) for a different enrolled person of the county each time (settle, accumulators, audit row).',
    '',
    '## Machine and versions',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${results.machine.cpu}, ${results.machine.cores} cores (shared with other work: load average below) |`,
    `| memory | ${results.machine.memoryGb.toFixed(0)} GB |`,
    `| OS | ${results.machine.os} |`,
    ...Object.entries(results.versions).map(([k, v]) => `| ${k} | ${v} |`),
    `| server | \`${results.server.command}\` (${results.server.mode === 'dist' ? 'the esbuild bundle apps/server/dist/main.js' : 'from source with tsx: apps/server/dist/main.js was not built'}) |`,
    ...(pg ? [`| load average (1/5/15 min) during the PostgreSQL run | ${load(pg)} |`] : []),
    ...(lite ? [`| load average during the PGlite run | ${load(lite)} |`] : []),
    '',
    'The PostgreSQL cluster is the benchmark’s own (bench/scripts/pg.sh): shared_buffers 4 GB, work_mem 32 MB,',
    'default_toast_compression lz4, pg_stat_statements and auto_explain preloaded. It was loaded with fsync, full_page_writes',
    'and synchronous_commit off, wal_level minimal and autovacuum off, then restarted with the durable defaults for the measurements.',
    '',
    '## Against the budgets',
    '',
    ...budgetsSection(budgets.outcomes, budgets.tolerance),
    ...(notes ? [notes.trim(), ''] : []),
  ];
  for (const r of [pg, lite]) {
    if (!r) continue;
    const label = r.database === 'postgres' ? 'PostgreSQL' : 'PGlite';
    lines.push(
      `## ${label}: data`,
      '',
      `${r.version}. Signed in as \`${r.targets.clerk.username}\` (clerk of ${r.targets.clerk.unitName}, the prefecture’s largest county: ${n0(r.targets.clerk.persons)} persons)` +
        (r.database === 'postgres'
          ? `, \`${r.targets.supervisor.username}\` (${r.targets.supervisor.unitName}: ${n0(r.targets.supervisor.persons)} persons), \`${r.targets.province.username}\` (${r.targets.province.unitName}: ${n0(r.targets.province.persons)}) and \`${r.targets.national.username}\` (the system root: ${n0(r.targets.national.persons)} persons, ${n0(r.targets.ledgerRows)} of them in the ${r.targets.year} ledger).`
          : '.'),
      '',
      '### Generation',
      '',
      ...generationSection(r.generation, label),
      '### Sizes',
      '',
      ...sizesSection(r),
      `## ${label}: reads and saves`,
      '',
      `Ledger year ${r.targets.year}, board month ${r.targets.month}; server peak RSS over these runs ${mb(Math.max(r.serverPeakRssMb, ...r.runs.map((x) => x.peakRssMb ?? 0)))}.`,
      '',
      ...summaryTable(r),
      ...(() => {
        const base =
          baseline && baseline.startedAt !== results.startedAt ? baseline.results.find((b) => b.database === r.database) : undefined;
        return base ? [`### ${label}: against the baseline`, '', ...baselineSection(r, base, baseline!.startedAt)] : [];
      })(),
      'Every run in full:',
      '',
      ...runsSection(r),
    );
    if (r.database === 'postgres') {
      lines.push(
        '## PostgreSQL: export and import',
        '',
        ...operationsSection(r),
        '## PostgreSQL: slowest statements',
        '',
        ...statementsSection(r),
      );
    }
  }
  lines.push(
    '## What the data set does not have',
    '',
    '- Premium-subsidy runs (参保资助) and responsibility tables are not generated: the ledger’s subsidy column is empty, so',
    '  its subsidy lookup is cheaper than it will be in production.',
    '- Claims are written person by person, so the claims table is ordered by person rather than by time as a live',
    '  system’s would be; reads by date range may be slower here than there, reads by person faster.',
    '- Persons are registered at the county org unit (township and village codes are filled in), not at township units.',
    '',
  );
  return lines.join('\n');
}
