import { asc, desc, eq, orgUnits, policyParamVersions, users } from '@portal/db';
import { type TParamVersion, describeSettleParams, resolveSettleParams } from '@portal/rules';
import { type ActorContext, visibleToUser } from '../../core/index.js';

/** Every parameter version visible to the caller, newest first, with the resolved table. */
export async function listParamVersions({ ctx }: { ctx: ActorContext }): Promise<TParamVersion[]> {
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
    override: v.settle,
    subsidyOverride: v.subsidy,
    table: describeSettleParams(v.profile, resolveSettleParams(v.profile, v.settle)),
  }));
}
