import { claimTotalsUpsert, sql, type DbOrTx } from '@portal/db';

export { recomputeClaimTotals } from '@portal/db';

/** Adds one claim row (a settlement, or a reversal with its negated amounts) to the aggregates, in the caller's transaction. */
export async function addClaimToTotals(tx: DbOrTx, claimId: string): Promise<void> {
  await tx.execute(claimTotalsUpsert(sql`id = ${claimId}`));
}
