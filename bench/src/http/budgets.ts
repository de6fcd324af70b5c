import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../env.js';
import type { BenchResults } from './results.js';

interface Budget {
  name: string;
  target: 'postgres' | 'pglite';
  groups?: string[];
  connections?: number;
  operation?: 'ledger-export' | 'list-import';
  metric: 'p95' | 'rps' | 'seconds' | 'secondsPerMillion' | 'peakRssMb';
  max?: number;
  min?: number;
}

export interface BudgetOutcome {
  budget: string;
  subject: string;
  value: number | null;
  limit: string;
  ok: boolean;
  /** Not measured in this run (that target or operation was skipped). */
  missing: boolean;
}

export const BUDGETS_FILE = resolve(REPO_ROOT, 'bench/budgets.json');

/** Compares a run with bench/budgets.json: one outcome per budget and measured subject. */
export function checkBudgets(results: BenchResults): { tolerance: number; outcomes: BudgetOutcome[] } {
  const file = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8')) as { tolerance: number; budgets: Budget[] };
  const tol = file.tolerance;
  const outcomes: BudgetOutcome[] = [];
  for (const b of file.budgets) {
    const limit = b.max !== undefined ? `≤ ${b.max}` : `≥ ${b.min}`;
    const judge = (v: number) => (b.max !== undefined ? v <= b.max * (1 + tol) : v >= (b.min ?? 0) * (1 - tol));
    const target = results.results.find((r) => r.database === b.target);
    if (!target) {
      outcomes.push({ budget: b.name, subject: `(${b.target} not run)`, value: null, limit, ok: true, missing: true });
      continue;
    }
    if (b.operation) {
      const op = target.operations.find((o) => o.id === b.operation);
      const v = op ? (op[b.metric as 'seconds' | 'secondsPerMillion' | 'peakRssMb'] ?? null) : null;
      outcomes.push({
        budget: b.name,
        subject: op?.title ?? `(${b.operation} not run)`,
        value: v,
        limit,
        ok: v === null ? !op : op!.ok && judge(v),
        missing: !op,
      });
      continue;
    }
    const runs = target.runs.filter((r) => b.groups?.includes(r.group) && r.connections === b.connections);
    for (const r of runs) {
      const v = b.metric === 'rps' ? r.result.rps : r.result[b.metric as 'p95'];
      const failedRequests = r.result.non2xx + r.result.errors + r.result.timeouts;
      outcomes.push({
        budget: b.name,
        subject: `${r.title} @${r.connections}`,
        value: v,
        limit,
        ok: failedRequests === 0 && v !== null && Number.isFinite(v) && judge(v),
        missing: false,
      });
    }
    if (!runs.length) outcomes.push({ budget: b.name, subject: '(not run)', value: null, limit, ok: true, missing: true });
  }
  return { tolerance: tol, outcomes };
}
