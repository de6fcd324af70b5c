import type { DbOrTx } from '@portal/db';
import { payableToPatient, settle, type TClaimEntry, type TSettleRequest, type TSettleResult, type TYtd } from '@portal/rules';
import { buildSettleRequest, prepareVisit, type PreparedVisit } from '../claims/index.js';
import type { CaseRow } from './internal.js';
import { type ActorContext } from '../../core/index.js';

export interface CaseSettlement {
  request: TSettleRequest;
  result: TSettleResult;
  payable: number;
}

/** The case's visit settled by the rules package with the given accumulators (claims' own path). */
export async function settleCase(
  tx: DbOrTx,
  ctx: ActorContext,
  row: CaseRow,
  ytdOf: (p: PreparedVisit) => Promise<TYtd>,
): Promise<CaseSettlement & { prepared: PreparedVisit }> {
  const prepared = await prepareVisit(tx, ctx, ctx.actor, row.visit as TClaimEntry);
  const request = buildSettleRequest(prepared, await ytdOf(prepared));
  const result = settle(request);
  return { prepared, request, result, payable: payableToPatient(row.kind, result.lines) };
}

/** Same money, tier by tier: what 复核 and 支付 check against the 初审 figures. */
export function sameSettlement(a: CaseSettlement, b: CaseSettlement): boolean {
  // Field by field: the stored copy went through jsonb, which does not keep key order.
  const key = (s: CaseSettlement) =>
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
