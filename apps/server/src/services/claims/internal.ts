import { nextDocumentNo } from '../../core/index.js';
import { and, eq, personYearAccumulators, type DbOrTx } from '@portal/db';
import { createEmptyYtd, ZYtd, type TYtd } from '@portal/rules';

/** The person's accumulators for a year (zeros when there are none yet). */
export async function readYtd(tx: DbOrTx, personId: string, year: number): Promise<TYtd> {
  const row = (
    await tx
      .select()
      .from(personYearAccumulators)
      .where(and(eq(personYearAccumulators.personId, personId), eq(personYearAccumulators.year, year)))
      .limit(1)
  )[0];
  return row ? ZYtd.parse(row.ytd) : createEmptyYtd();
}

/**
 * Reads the accumulators under a row lock (created first if missing), so concurrent settlements
 * of the same person queue behind each other and each sees the other's result.
 */
export async function lockYtd(tx: DbOrTx, personId: string, year: number): Promise<{ id: string; ytd: TYtd; claimCount: number }> {
  await tx.insert(personYearAccumulators).values({ personId, year, ytd: createEmptyYtd() }).onConflictDoNothing();
  const row = (
    await tx
      .select()
      .from(personYearAccumulators)
      .where(and(eq(personYearAccumulators.personId, personId), eq(personYearAccumulators.year, year)))
      .for('update')
      .limit(1)
  )[0];
  if (!row) throw new Error('accumulator row missing after insert');
  return { id: row.id, ytd: ZYtd.parse(row.ytd), claimCount: row.claimCount };
}

export async function nextClaimNo(tx: DbOrTx, year: number): Promise<string> {
  return nextDocumentNo(tx, 'claim_no_seq', `JS${year}`, 7);
}
