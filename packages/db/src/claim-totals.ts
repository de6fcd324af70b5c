import { sql, type SQL } from 'drizzle-orm';

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
