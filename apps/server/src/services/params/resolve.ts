import { and, desc, lte, policyParamVersions, sql, type DbOrTx } from '@portal/db';
import { type TProfileId, type TSettleParams, resolveSettleParams } from '@portal/rules';

export interface ResolvedParams {
  /** The version applied, or null when the profile defaults apply (no version on file). */
  versionId: string | null;
  version: number | null;
  effectiveFrom: string | null;
  settle: TSettleParams;
  subsidyOverride: Record<string, unknown>;
}

/**
 * The local parameters in force for an org unit on a date: the latest version effective on that
 * date of the nearest org unit (the unit itself or an ancestor) that has one.
 */
export async function resolvePolicyParams(
  db: DbOrTx,
  options: { regionPath: string; profile: TProfileId; date: string },
): Promise<ResolvedParams> {
  const rows = await db
    .select()
    .from(policyParamVersions)
    .where(
      and(sql`${options.regionPath} like ${policyParamVersions.regionPath} || '%'`, lte(policyParamVersions.effectiveFrom, options.date)),
    )
    .orderBy(
      desc(sql`length(${policyParamVersions.regionPath})`),
      desc(policyParamVersions.effectiveFrom),
      desc(policyParamVersions.version),
    )
    .limit(1);
  const row = rows[0];
  return {
    versionId: row?.id ?? null,
    version: row?.version ?? null,
    effectiveFrom: row?.effectiveFrom ?? null,
    settle: resolveSettleParams(options.profile, row?.settle ?? {}),
    subsidyOverride: row?.subsidy ?? {},
  };
}
