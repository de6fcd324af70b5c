/**
 * pnpm bench [--check | --check-only | --render] [--postgres URL | --no-postgres] [--pglite DIR | --no-pglite]
 *            [--duration S] [--warmup S] [--only TEXT] [--skip-exports] [--list-rows N] [--port N] [--no-build]
 *            [--out FILE] [--baseline FILE] [--save-baseline]
 *
 * Builds the server (unless --no-build) and benchmarks that production build on the scale data
 * sets (pnpm seed:scale): reads and saves under autocannon at several connection counts, the
 * 1 000 000-row ledger export and the 100 000-row list comparison, the slowest statements with
 * their plans. Prints the p95 table, writes docs/benchmarks.md (a run with --only writes
 * .data/bench-report.md instead) and .data/bench-results.json. The report sets each p95 beside
 * bench/baseline.json, the committed "before" of issue 13 (--save-baseline replaces it with this
 * run, or with --check-only with the last one). --check exits 1 when a figure is over
 * bench/budgets.json; --check-only checks the last results without running anything; --render
 * writes the report again from them (with bench/notes.md, the hand-written reading).
 * Never part of `npm test`. The rules and list-compare micro-benchmarks: pnpm bench:rules,
 * pnpm bench:list-compare.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ScaleReport } from '../seed-scale/generate.js';
import { SCALE_PASSWORD } from '../seed-scale/world.js';
import { benchEnv, REPO_ROOT } from '../env.js';
import { checkBudgets } from './budgets.js';
import { attachPlans, disablePlanCapture, enablePlanCapture, readPlans, resetStatements, slowestStatements } from './explain.js';
import { probePglite, probePostgres, type Probe } from './probe.js';
import { renderReport, summaryTable } from './report.js';
import type { LoadResult } from './load-types.js';
import type { BenchResults, Operation, Run, TargetResult } from './results.js';
import { runLoad } from './run-load.js';
import { buildListFile, buildScenarios, resolveDeepPage, saveScenario, type Role, type Scenario } from './scenarios.js';
import { startServer, type RunningServer } from './server.js';
import { gatherTargets, type Targets } from './targets.js';
import { API_HEADERS, call, login, trpcPath } from './trpc.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'check-only': { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
    postgres: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    pglite: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    'skip-exports': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'list-rows': { type: 'string', default: '100000' },
    port: { type: 'string', default: '3210' },
    out: { type: 'string' },
    baseline: { type: 'string', default: 'bench/baseline.json' },
    'save-baseline': { type: 'boolean', default: false },
  },
  strict: true,
});

const RESULTS_FILE = resolve(REPO_ROOT, '.data/bench-results.json');
const PARTIAL_FILE = resolve(REPO_ROOT, '.data/bench-results.partial.json');
/** The hand-written reading of the figures, put into the report as it is. */
const NOTES_FILE = resolve(REPO_ROOT, 'bench/notes.md');
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:55542/portal';
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const port = Number(values.port);
const log = (line: string) => console.log(line);

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

function machine(): BenchResults['machine'] {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown';
  return { cpu, cores: cpus().length, memoryGb: totalmem() / 1024 ** 3, os: `${type()} ${release()}` };
}

async function versions(): Promise<Record<string, string>> {
  const pkg = (p: string) => readJson<{ version: string }>(resolve(REPO_ROOT, 'bench/node_modules', p, 'package.json'))?.version ?? '?';
  return {
    node: process.version,
    autocannon: pkg('autocannon'),
    '@electric-sql/pglite': pkg('@electric-sql/pglite'),
    'postgres (driver)': pkg('postgres'),
  };
}

const f1 = (n: number | null) => (n === null ? '—' : n.toFixed(1)).padStart(8);
const fmtRun = (r: Run) =>
  `  ${r.scenario.padEnd(36)} @${String(r.connections).padEnd(3)} ${f1(r.result.rps)} req/s  p50 ${f1(r.result.p50)}  p95 ${f1(r.result.p95)}  p99 ${f1(r.result.p99)} ms` +
  (r.result.non2xx + r.result.errors + r.result.timeouts ? `  failed ${r.result.non2xx + r.result.errors + r.result.timeouts}` : '') +
  (r.result.unanswered && r.result.oldestUnansweredMs >= 1000
    ? `  open at the stop ${r.result.unanswered} (oldest ${(r.result.oldestUnansweredMs / 1000).toFixed(1)} s)`
    : '') +
  (r.drainSeconds >= 1 ? `  busy ${r.drainSeconds.toFixed(0)} s after` : '');

async function loadScenario(server: RunningServer, cookie: string, s: Scenario, connections: number, seconds: number, amount?: number) {
  return runLoad({
    url: `${server.url}${trpcPath(s.path)}`,
    method: 'POST',
    headers: { ...API_HEADERS, cookie },
    bodies: s.bodies,
    keyPlaceholder: s.keyPlaceholder,
    connections,
    duration: seconds,
    amount,
    timeoutSeconds: 60,
  });
}

async function signIn(server: RunningServer, t: Targets, database: 'postgres' | 'pglite') {
  const cookies: Partial<Record<Role | 'national', string>> = {};
  cookies.clerk = await login(server.url, t.clerk.username, SCALE_PASSWORD);
  if (database === 'postgres') {
    cookies.supervisor = await login(server.url, t.supervisor.username, SCALE_PASSWORD);
    cookies.province = await login(server.url, t.province.username, SCALE_PASSWORD);
    cookies.national = await login(server.url, t.national.username, SCALE_PASSWORD);
  }
  return cookies;
}

/** Uploads the department list and waits for the comparison (preview), as the web's upload does. */
async function listImport(server: RunningServer, cookie: string, t: Targets, rows: number, user: string): Promise<Operation> {
  log(`  building a ${rows}-row list for ${t.clerk.unitName}…`);
  const file = await buildListFile(t, rows);
  server.resetPeak();
  const baseline = server.rssMb();
  const started = performance.now();
  const q = new URLSearchParams({ sourceDepartment: 'poverty_office', listDate: t.today, fileName: `bench-${rows}.xlsx` });
  const res = await fetch(`${server.url}/api/lists/upload?${q}`, {
    method: 'POST',
    headers: { 'x-portal-request': '1', 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', cookie },
    body: file,
    signal: AbortSignal.timeout(30 * 60_000),
  });
  const body = await res.text();
  const seconds = (performance.now() - started) / 1000;
  let note: string;
  try {
    const r = JSON.parse(body) as Record<string, number>;
    note = res.ok
      ? `new ${r.newCount}, left ${r.leftCount}, changed ${r.changedCount}, invalid ${r.invalidCount}, unchanged ${r.unchangedCount}`
      : String((r as unknown as { message: string }).message);
  } catch {
    note = body.slice(0, 200);
  }
  return {
    id: 'list-import',
    title: `list comparison (preview) of ${rows.toLocaleString('en-US')} rows (.xlsx)`,
    user,
    ok: res.ok,
    status: res.status,
    seconds,
    rows,
    bytes: file.length,
    secondsPerMillion: null,
    baselineRssMb: baseline,
    peakRssMb: server.peakMb(),
    note,
  };
}

/** Downloads the ledger workbook, counting bytes as they stream; the server's peak RSS is sampled from /proc. */
async function ledgerExport(
  server: RunningServer,
  cookie: string,
  year: number,
  rows: number,
  user: string,
  title: string,
): Promise<Operation> {
  server.resetPeak();
  const baseline = server.rssMb();
  const started = performance.now();
  const res = await fetch(`${server.url}/api/exports/ledger.xlsx?year=${year}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(60 * 60_000),
  });
  let bytes = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    id: 'ledger-export',
    title,
    user,
    ok: res.ok,
    status: res.status,
    seconds,
    rows,
    bytes,
    secondsPerMillion: rows ? (seconds * 1_000_000) / rows : null,
    baselineRssMb: baseline,
    peakRssMb: server.peakMb(),
    note: res.ok ? '' : `HTTP ${res.status}`,
  };
}

async function benchTarget(database: 'postgres' | 'pglite', location: string): Promise<TargetResult> {
  const label = database === 'postgres' ? 'PostgreSQL' : 'PGlite';
  log(`\n=== ${label}: ${database === 'postgres' ? location.replace(/\/\/[^@]*@/, '//…@') : location} ===`);
  const generation = readJson<ScaleReport>(resolve(REPO_ROOT, `.data/seed-scale-${database}.json`));
  const probe: Probe = database === 'postgres' ? probePostgres(location) : await probePglite(location);
  const [v] = await probe.q<{ version: string }>('select version()');
  log('  reading targets and table sizes…');
  const targets = await gatherTargets(probe, { until: generation?.options.until ?? '2026-11-15' });
  log(`  clerk ${targets.clerk.username} (${targets.clerk.persons} persons), ledger rows ${targets.ledgerRows}`);
  if (database === 'pglite') await probe.close();
  else await resetStatements(probe);
  const loadBefore = loadavg();
  const logFile = resolve(REPO_ROOT, `.data/bench-server-${database}.log`);
  const db = database === 'postgres' ? { url: location } : { pgliteDir: location };
  let server = await startServer({ port, database: db, logFile });
  log(`  server: ${server.command} (pid ${server.pid})`);
  let cookies = await signIn(server, targets, database);
  const reads = buildScenarios(targets, { reads: database === 'postgres' ? 'all' : 'county' });
  const scenarios = [...reads, saveScenario(targets)].filter((s) => !values.only || s.id.includes(values.only));
  const connections = database === 'postgres' ? [1, 10, 50] : [1, 5];
  const runs: Run[] = [];
  /**
   * Requests still running when autocannon stops (a slow read at 50 connections) keep the
   * database busy: the next run starts only when it has no active statement (two samples apart)
   * and the server answers. Returns the seconds until the first idle sample.
   */
  const quiesce = async (): Promise<number> => {
    const t0 = performance.now();
    const deadline = Date.now() + 300_000;
    let idleSince: number | null = null;
    let idle = 0;
    while (database === 'postgres' && idle < 2) {
      if (Date.now() > deadline) {
        log('  (the database is still busy after 300 s: going on)');
        break;
      }
      const at = performance.now();
      const [r] = await probe.q<{ n: string }>(
        `select count(*)::text as n from pg_stat_activity where datname = current_database() and state = 'active'
            and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      if (Number(r?.n ?? 0) === 0) {
        idleSince ??= at;
        idle++;
      } else {
        idleSince = null;
        idle = 0;
      }
      if (idle < 2) await new Promise((r) => setTimeout(r, 500));
    }
    const end = idleSince ?? performance.now();
    await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(300_000) }).catch(() => undefined);
    return (end - t0) / 1000;
  };
  const resolved: Scenario[] = [];
  for (const planned of scenarios) {
    const cookie = cookies[planned.role]!;
    let s = planned;
    try {
      s = await resolveDeepPage(planned, (input) => call(server.url, cookie, planned.path, input) as Promise<{ nextCursor?: string }>);
      await call(server.url, cookie, s.path, JSON.parse(s.bodies[0]!.replaceAll(s.keyPlaceholder ?? '\u0000', `check-${Date.now()}`))[0]);
    } catch (err) {
      log(`  ${s.id}: check call failed, skipped: ${(err as Error).message}`);
      continue;
    }
    resolved.push(s);
    if (warmup > 0) await loadScenario(server, cookie, s, 1, warmup);
    await quiesce();
    for (const c of connections) {
      server.resetPeak();
      let result: LoadResult;
      try {
        result = await loadScenario(server, cookie, s, c, duration);
      } catch (err) {
        log(`  ${s.id} @${c}: the load generator failed, run skipped: ${(err as Error).message}`);
        continue;
      }
      const peakRssMb = server.peakMb();
      const drainSeconds = await quiesce();
      const run: Run = { scenario: s.id, title: s.title, group: s.group, role: s.role, connections: c, result, peakRssMb, drainSeconds };
      runs.push(run);
      log(fmtRun(run));
      // What is measured so far survives a failure later in the run.
      writeFileSync(PARTIAL_FILE, JSON.stringify({ database, runs }, null, 2));
    }
  }
  // Each run reset the peak: the highest of theirs.
  const serverPeakRssMb = Math.max(server.peakMb(), ...runs.map((r) => r.peakRssMb));
  const operations: Operation[] = [];
  if (database === 'postgres' && !values['skip-exports'] && !values.only) {
    log('  list comparison…');
    operations.push(await listImport(server, cookies.clerk!, targets, Number(values['list-rows']), targets.clerk.username));
    log(
      `    ${operations.at(-1)!.seconds.toFixed(1)} s, peak RSS ${operations.at(-1)!.peakRssMb.toFixed(0)} MB (${operations.at(-1)!.note})`,
    );
    log(`  ledger export of ${targets.ledgerRows} rows…`);
    operations.push(
      await ledgerExport(
        server,
        cookies.national!,
        targets.year,
        targets.ledgerRows,
        targets.national.username,
        `ledger export ${targets.year}, whole data set (${targets.ledgerRows.toLocaleString('en-US')} rows)`,
      ),
    );
    log(`    ${operations.at(-1)!.seconds.toFixed(1)} s, peak RSS ${operations.at(-1)!.peakRssMb.toFixed(0)} MB`);
  }
  let statements: TargetResult['statements'] = [];
  if (database === 'postgres') {
    statements = await slowestStatements(probe, 12);
    log('  capturing plans (auto_explain, one connection)…');
    await server.stop();
    const mark = await enablePlanCapture(probe, 5);
    try {
      server = await startServer({ port, database: db, logFile });
      cookies = await signIn(server, targets, database);
      for (const s of resolved) await loadScenario(server, cookies[s.role]!, s, 1, 30, s.group === 'save' ? 5 : 3).catch(() => undefined);
      if (!values['skip-exports'] && !values.only) {
        await ledgerExport(server, cookies.clerk!, targets.year, 0, targets.clerk.username, 'capture').catch(() => undefined);
      }
    } finally {
      await disablePlanCapture(probe);
    }
    attachPlans(statements, readPlans(mark));
  }
  await server.stop();
  if (database === 'postgres') await probe.close();
  const { claimEntries: _c, countyPersons: _p, clerkInputs: _ci, supervisorInputs: _si, ...kept } = targets;
  return {
    database,
    version: v?.version.split(',')[0] ?? '?',
    startedAt: new Date().toISOString(),
    loadBefore,
    loadAfter: loadavg(),
    targets: kept,
    generation,
    runs,
    operations,
    serverPeakRssMb,
    statements,
  };
}

async function isReachable(url: string) {
  const p = probePostgres(url);
  try {
    await p.q('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await p.close();
  }
}

async function main() {
  // A partial run (--only) never replaces the committed report.
  const out = values.out ? benchEnv.path(values.out)! : resolve(REPO_ROOT, values.only ? '.data/bench-report.md' : 'docs/benchmarks.md');
  if (values['check-only'] || values.render) {
    const last = readJson<BenchResults>(RESULTS_FILE);
    if (!last) throw new Error(`no results at ${RESULTS_FILE}: run pnpm bench first`);
    return report(last, values.render, out);
  }
  const started = Date.now();
  if (!values['no-build']) {
    // The production build of the sources as they are now (a build left from before would be measured otherwise).
    log('building the server (pnpm --filter @portal/server build)…');
    const built = spawnSync('pnpm', ['--filter', '@portal/server', 'run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the server build failed');
  }
  const results: TargetResult[] = [];
  if (!values['no-postgres']) {
    const url = values.postgres ?? benchEnv.DATABASE_URL ?? DEFAULT_PG;
    if (await isReachable(url)) results.push(await benchTarget('postgres', url));
    else log(`PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//…@')} is not reachable: skipped (bash bench/scripts/pg.sh start bench)`);
  }
  if (!values['no-pglite']) {
    const dir = values.pglite ? benchEnv.path(values.pglite)! : (benchEnv.PGLITE_DIR ?? resolve(REPO_ROOT, '.data/scale-pglite'));
    if (existsSync(resolve(dir, 'PG_VERSION'))) results.push(await benchTarget('pglite', dir));
    else log(`no PGlite data folder at ${dir}: skipped (PGLITE_DIR=${dir} pnpm seed:scale …)`);
  }
  if (!results.length) throw new Error('nothing to benchmark: start the PostgreSQL cluster or generate a PGlite data set (see README)');
  const probeServer = existsSync(resolve(REPO_ROOT, 'apps/server/dist/main.js'));
  const serverMode: BenchResults['server'] = probeServer
    ? { mode: 'dist', command: 'node dist/main.js (apps/server)' }
    : { mode: 'tsx', command: 'node --import tsx src/main.ts (apps/server)' };
  const all: BenchResults = {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(),
    versions: await versions(),
    server: serverMode,
    durationSeconds: (Date.now() - started) / 1000,
    results,
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(all, null, 2));
  report(all, true, out);
}

/** The results kept as the baseline: everything but the plans and statement texts (those stay in the report). */
function slim(all: BenchResults): BenchResults {
  return { ...all, results: all.results.map((r) => ({ ...r, statements: [] })) };
}

function report(all: BenchResults, write: boolean, out?: string) {
  const budgets = checkBudgets(all);
  const baselineFile = resolve(REPO_ROOT, values.baseline);
  if (values['save-baseline']) {
    writeFileSync(baselineFile, JSON.stringify(slim(all), null, 2) + '\n');
    log(`baseline saved to ${baselineFile}`);
  }
  const baseline = readJson<BenchResults>(baselineFile);
  for (const r of all.results) {
    log(`\n${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${r.targets.national.persons.toLocaleString('en-US')} persons`);
    for (const line of summaryTable(r)) log(line);
  }
  if (write && out) {
    mkdirSync(dirname(out), { recursive: true });
    const notes = existsSync(NOTES_FILE) ? readFileSync(NOTES_FILE, 'utf8') : null;
    writeFileSync(out, renderReport(all, budgets, baseline, notes));
    log(values.render ? `\nwrote ${out} from ${RESULTS_FILE}` : `\nwrote ${out} and ${RESULTS_FILE}`);
  }
  const over = budgets.outcomes.filter((o) => !o.ok && !o.missing);
  log(
    `\nbudgets: ${over.length} over of ${budgets.outcomes.filter((o) => !o.missing).length} measured (tolerance ${budgets.tolerance * 100} %)`,
  );
  for (const o of over) log(`  over: ${o.budget} — ${o.subject}: ${o.value === null ? 'failed' : o.value.toFixed(1)} (limit ${o.limit})`);
  if ((values.check || values['check-only']) && over.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
