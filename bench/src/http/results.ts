import type { ScaleReport } from '../seed-scale/generate.js';
import type { Statement } from './explain.js';
import type { LoadResult } from './load-types.js';
import type { Scenario } from './scenarios.js';
import type { Targets } from './targets.js';

export interface Run {
  scenario: string;
  title: string;
  group: Scenario['group'];
  role: Scenario['role'];
  connections: number;
  result: LoadResult;
  /** The server's peak resident set during this run (VmHWM, reset at its start). */
  peakRssMb: number;
  /** How long the database and server stayed busy after the load stopped (requests still running). */
  drainSeconds: number;
}

export interface Operation {
  id: 'ledger-export' | 'list-import';
  title: string;
  user: string;
  ok: boolean;
  status: number;
  seconds: number;
  rows: number;
  bytes: number;
  secondsPerMillion: number | null;
  baselineRssMb: number;
  peakRssMb: number;
  note: string;
}

export interface TargetResult {
  database: 'postgres' | 'pglite';
  version: string;
  startedAt: string;
  loadBefore: number[];
  loadAfter: number[];
  targets: Omit<Targets, 'claimEntries' | 'countyPersons' | 'clerkInputs' | 'supervisorInputs'>;
  generation: ScaleReport | null;
  runs: Run[];
  operations: Operation[];
  serverPeakRssMb: number;
  statements: Statement[];
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string };
  versions: Record<string, string>;
  server: { mode: 'dist' | 'tsx'; command: string };
  durationSeconds: number;
  results: TargetResult[];
}
