import { type TCaseSettlement, payableToPatient } from '@portal/rules';
import { settleVisit, type SettledVisit } from '../claims/index.js';
import type { CaseRow } from './internal.js';
import { type ActorContext } from '../../core/index.js';

/** What a settled visit means for a case: the figures kept on it, the amount payable to the patient, and whose override it rests on. */
export function toCaseSettlement(
  row: Pick<CaseRow, 'kind'>,
  settled: Pick<SettledVisit, 'request' | 'result' | 'prepared'>,
): TCaseSettlement {
  return {
    request: settled.request,
    result: settled.result,
    payable: payableToPatient(row.kind, settled.result.lines),
    overrideGrantedBy: settled.prepared.referral.override?.grantedBy ?? null,
  };
}

/** The case's visit settled by claims' own path on the person's current accumulators (初审, 复核). */
export async function settleCase(ctx: ActorContext, row: CaseRow): Promise<TCaseSettlement> {
  return toCaseSettlement(row, await settleVisit(ctx, row.visit));
}

/** Same money, tier by tier: what 复核 and 支付 check against the 初审 figures. */
export function sameSettlement(a: TCaseSettlement, b: TCaseSettlement): boolean {
  // Field by field: the stored copy went through jsonb, which does not keep key order.
  const key = (s: TCaseSettlement) =>
    JSON.stringify([
      s.payable,
      s.result.appliedCategory,
      s.result.totals.fundPaid,
      s.result.totals.patientPays,
      s.result.totals.hospitalBorne,
      s.result.lines.map((l) => [l.tier, l.amount]),
    ]);
  return key(a) === key(b);
}
