import { asc, desc, eq, orgUnits, policyParamVersions, users } from '@portal/db';
import { describeSettleParams, resolveSettleParams, type TProfileId, type TSettleParamsOverride } from '@portal/rules';
import { type ActorContext, visibleToUser } from '../../core/index.js';

/** Every parameter version visible to the caller, newest first, with the resolved table. */
export async function listParamVersions({ ctx }: { ctx: ActorContext }) {
  const rows = await ctx.db
    .select({ v: policyParamVersions, orgUnitName: orgUnits.name, createdByName: users.displayName })
    .from(policyParamVersions)
    .innerJoin(orgUnits, eq(orgUnits.id, policyParamVersions.orgUnitId))
    .leftJoin(users, eq(users.id, policyParamVersions.createdBy))
    .where(visibleToUser(ctx.actor, policyParamVersions.regionPath))
    .orderBy(asc(policyParamVersions.regionPath), desc(policyParamVersions.effectiveFrom), desc(policyParamVersions.version));
  return rows.map(({ v, orgUnitName, createdByName }) => ({
    id: v.id,
    orgUnitId: v.orgUnitId,
    orgUnitName,
    profile: v.profile,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    createdByName,
    createdAt: v.createdAt.toISOString(),
    override: v.settle as TSettleParamsOverride,
    subsidyOverride: v.subsidy as Record<string, unknown>,
    table: describeSettleParams(v.profile as TProfileId, resolveSettleParams(v.profile as TProfileId, v.settle as TSettleParamsOverride)),
  }));
}
