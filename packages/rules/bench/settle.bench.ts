/**
 * Settlement throughput on one core, over pre-validated requests (validation is outside the loop,
 * as in a batch re-check where requests come from the database already parsed):
 *
 * - `settle` — the full result with lines, explanations, notices and the ytd delta. Target ≥ 500 000/s.
 * - `settleAmountsBatch` — amounts and applied category only, into columns. Target ≥ 2 000 000/s.
 *
 * Two request sets, each 2 000 visits over all profiles, visit types, up to three categories,
 * random costs and ytd:
 * - "varied": every request carries its own random partial parameter override (the worst case:
 *   one merge per visit, objects of many shapes);
 * - "year of claims": the way the server builds requests — full parameters — with the claims of a
 *   region sharing its parameter version (4 versions per profile, 100 claims each, in region order).
 *
 * Run: pnpm --filter @portal/rules bench   (add `-- --strict` to exit 1 below a target)
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { resolveSettleParams } from '../src/params/merge.js';
import { PROFILE_IDS } from '../src/profiles.js';
import { arbCategories, arbParams, arbRequest } from '../src/settlement/arbitraries.js';
import { createSettleAmountsBatch, settle, settleAmountsBatch } from '../src/settlement/pipeline.js';
import type { TSettleRequest } from '../src/settlement/schema.js';

const FULL_TARGET = 500_000;
const AMOUNTS_TARGET = 2_000_000;
const SET_SIZE = 2_000;
const VERSIONS = 4;

function buildVaried(): TSettleRequest[] {
  const requests: TSettleRequest[] = [];
  for (const profile of PROFILE_IDS) {
    requests.push(
      ...fc.sample(arbRequest(profile, { categories: arbCategories(profile, 3) }), { numRuns: SET_SIZE / PROFILE_IDS.length, seed: 42 }),
    );
  }
  return requests;
}

function buildYear(): TSettleRequest[] {
  const requests: TSettleRequest[] = [];
  const perVersion = SET_SIZE / PROFILE_IDS.length / VERSIONS;
  for (const profile of PROFILE_IDS) {
    const versions = fc.sample(arbParams, { numRuns: VERSIONS, seed: 7 }).map((override) => resolveSettleParams(profile, override));
    versions.forEach((params, v) => {
      const claims = fc.sample(arbRequest(profile, { categories: arbCategories(profile, 3) }), { numRuns: perVersion, seed: 100 + v });
      for (const claim of claims) requests.push({ ...claim, params });
    });
  }
  return requests;
}

/**
 * Visits per second of `run` over `requests`, after a warm-up: per second of this process's CPU
 * time (what one core does, however many other processes share the machine) and per second of
 * wall time.
 */
function measure(requests: TSettleRequest[], run: (requests: TSettleRequest[]) => number, durationMs: number) {
  let sink = 0;
  const warmUpEnd = performance.now() + 500;
  while (performance.now() < warmUpEnd) sink += run(requests);
  let count = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < durationMs) {
    sink += run(requests);
    count += requests.length;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  if (sink === -1) console.log(sink); // keeps the work observable to the optimiser
  return { cpu: (count * 1e6) / (cpu.user + cpu.system), wall: (count * 1000) / (now - start) };
}

function runFull(requests: TSettleRequest[]): number {
  let sum = 0;
  for (const request of requests) sum += settle(request).totals.patientPays;
  return sum;
}

const batch = createSettleAmountsBatch(SET_SIZE);

function runAmounts(requests: TSettleRequest[]): number {
  settleAmountsBatch(requests, batch);
  return batch.patientPays[requests.length - 1]!;
}

const SETS = { varied: buildVaried, 'year of claims': buildYear };
const MODES = { 'settle (full result)': runFull, settleAmountsBatch: runAmounts };
type TSetName = keyof typeof SETS;
type TModeName = keyof typeof MODES;

/** One figure per child process, so that no measurement inherits the JIT feedback of another. */
function measureInChild(setName: TSetName, modeName: TModeName): { cpu: number; wall: number } {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', setName, modeName], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { cpu: number; wall: number };
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const setName = process.argv[childAt + 1] as TSetName;
  const modeName = process.argv[childAt + 2] as TModeName;
  console.log(JSON.stringify(measure(SETS[setName](), MODES[modeName], 2_000)));
} else {
  const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
  const before = loadavg()[0]!;
  const rows: { name: string; rate: { cpu: number; wall: number }; target: number | null }[] = [];
  for (const setName of Object.keys(SETS) as TSetName[]) {
    for (const modeName of Object.keys(MODES) as TModeName[]) {
      const target =
        modeName === 'settleAmountsBatch'
          ? setName === 'year of claims'
            ? AMOUNTS_TARGET
            : null
          : setName === 'varied'
            ? FULL_TARGET
            : null;
      rows.push({ name: `${modeName}, ${setName}`, rate: measureInChild(setName, modeName), target });
    }
  }
  const after = loadavg()[0]!;
  for (const row of rows) {
    const target = row.target === null ? '' : ` (target ${row.target.toLocaleString('en-US')}/s)`;
    console.log(
      `${row.name.padEnd(40)} ${format(row.rate.cpu)} visits per CPU-second (${format(row.rate.wall).trim()} per wall second)${target}`,
    );
  }
  console.log(`load average (1 min) ${before.toFixed(2)} before, ${after.toFixed(2)} after, on ${availableParallelism()} cores`);
  const below = rows.filter((r) => r.target !== null && r.rate.cpu < r.target);
  if (below.length) {
    // A shared machine can dip below a target; `--strict` turns the warning into a failure.
    const strict = process.argv.includes('--strict');
    console.error(`below target: ${below.map((r) => r.name).join('; ')}${strict ? '' : ' (warning only; run with --strict to fail)'}`);
    if (strict) process.exitCode = 1;
  }
}
