import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

const SUMMED = [
  'claims',
  'referred',
  'overrides',
  'total_cost',
  'in_scope_cost',
  'special_drug_cost',
  'basic',
  'critical',
  'hospital_reduction',
  'assistance',
  'tilted',
  'hospital_borne',
  'fund_paid',
  'patient_pays',
] as const;

/**
 * The one definition of how claims fold into `claim_month_totals`: an INSERT … SELECT over the
 * claims that `where` picks, added onto existing rows. Settle and reverse call it for the row they
 * just wrote, the rebuild for a unit and year, the scale seed for everything — so the incremental
 * and the recomputed aggregates cannot drift apart by a different formula.
 */
export function claimTotalsUpsert(where: SQL): SQL {
  const sign = sql.raw(`(case when kind = 'reversal' then -1 else 1 end)`);
  return sql`
    insert into claim_month_totals as t (
      region_path, profile, year, month, applied_category, visit_type, location, hospital_id, hospital_level,
      ${sql.raw(SUMMED.join(', '))}
    )
    select region_path, min(profile), year, extract(month from discharge_date)::int, applied_category, visit_type, location,
      hospital_id, hospital_level,
      sum(${sign})::int,
      sum(case when referred then ${sign} else 0 end)::int,
      sum(case when referral_source = 'override' then ${sign} else 0 end)::int,
      ${sql.raw(
        SUMMED.slice(3)
          .map((c) => `sum(${c})::bigint`)
          .join(', '),
      )}
    from claims
    where ${where}
    group by region_path, year, extract(month from discharge_date)::int, applied_category, visit_type, location, hospital_id, hospital_level
    on conflict (region_path, year, month, applied_category, visit_type, location, hospital_id, hospital_level) do update set
      ${sql.raw(SUMMED.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '))}`;
}

/**
 * Recomputes the aggregates of the claims under `regionPath` for one year, inside the caller's
 * transaction. The table lock waits for settlements in flight and holds new ones back for the few
 * statements of one county, so none is counted twice or missed.
 */
export async function recomputeClaimTotals(tx: DbOrTx, regionPath: string, year: number): Promise<void> {
  await tx.execute(sql`lock table claim_month_totals in share row exclusive mode`);
  await tx.execute(sql`delete from claim_month_totals where year = ${year} and region_path like ${`${regionPath}%`}`);
  await tx.execute(claimTotalsUpsert(sql`year = ${year} and region_path like ${`${regionPath}%`}`));
}
