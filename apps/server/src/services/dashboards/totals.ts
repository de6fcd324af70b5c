import { claimTotalsUpsert, sql, type DbOrTx } from '@portal/db';

/** Adds one claim row (a settlement, or a reversal with its negated amounts) to the aggregates, in the caller's transaction. */
export async function addClaimToTotals(tx: DbOrTx, claimId: string): Promise<void> {
  await tx.execute(claimTotalsUpsert(sql`id = ${claimId}`));
}

/**
 * Recomputes the aggregates of the claims under `regionPath` for one year. The table lock waits
 * for settlements in flight and holds new ones back for the few statements of one county, so
 * none is counted twice or missed.
 */
export async function recomputeClaimTotals(tx: DbOrTx, regionPath: string, year: number): Promise<void> {
  await tx.execute(sql`lock table claim_month_totals in share row exclusive mode`);
  await tx.execute(sql`delete from claim_month_totals where year = ${year} and region_path like ${`${regionPath}%`}`);
  await tx.execute(claimTotalsUpsert(sql`year = ${year} and region_path like ${`${regionPath}%`}`));
}
