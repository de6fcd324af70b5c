import type { z } from 'zod';
import { and, asc, desc, eq, orgUnits, premiums, sql, users, type DbOrTx } from '@portal/db';
import { PROFILES, type TPremium, type TRecordRef, type ZPremiumInput } from '@portal/rules';
import { type ActorContext, conflict, invalid, visibleToUser, writeAudit, getScopedOrgUnit, withTransaction } from '../../core/index.js';
import { refuseUniqueViolation } from '../../lib/db-errors.js';

/** Premium rows visible to the caller (their jurisdiction's and those above it), newest year first. */
export async function listPremiums({ ctx }: { ctx: ActorContext }): Promise<TPremium[]> {
  const rows = await ctx.db
    .select({ p: premiums, orgUnitName: orgUnits.name, profile: orgUnits.profile, updatedByName: users.displayName })
    .from(premiums)
    .innerJoin(orgUnits, eq(orgUnits.id, premiums.orgUnitId))
    .leftJoin(users, eq(users.id, premiums.updatedBy))
    .where(visibleToUser(ctx.actor, premiums.regionPath))
    .orderBy(desc(premiums.year), asc(premiums.regionPath));
  return rows.map(({ p, orgUnitName, profile, updatedByName }) => ({
    id: p.id,
    orgUnitId: p.orgUnitId,
    orgUnitName,
    profile,
    year: p.year,
    tier1: p.tier1,
    tier2: p.tier2,
    note: p.note,
    updatedByName,
    updatedAt: p.updatedAt.toISOString(),
  }));
}

/** Sets the premium of a jurisdiction for a year (a correction overwrites it; the audit keeps the old value). */
export async function setPremium({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZPremiumInput> }): Promise<TRecordRef> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    if (!unit.profile) throw invalid('该机构未设定政策口径，不能设置缴费标准', 'orgUnitId');
    const profile = PROFILES[unit.profile];
    if (data.tier2 !== null && !profile.capabilities.hasTwoPremiumTiers) {
      throw invalid(`${profile.label}只有一档缴费标准，请留空二档`, 'tier2');
    }
    const before = (
      await ctx.db
        .select()
        .from(premiums)
        .where(and(eq(premiums.orgUnitId, unit.id), eq(premiums.year, data.year)))
        .for('update')
        .limit(1)
    )[0];
    const values = {
      orgUnitId: unit.id,
      regionPath: unit.path,
      year: data.year,
      tier1: data.tier1,
      tier2: data.tier2,
      note: data.note,
      updatedBy: me.id,
      updatedAt: ctx.now(),
    };
    const [row] = before
      ? await ctx.db.update(premiums).set(values).where(eq(premiums.id, before.id)).returning()
      : await ctx.db.insert(premiums).values(values).returning();
    if (!row) throw new Error('write returned no row');
    await writeAudit(ctx, {
      action: before ? 'premium.update' : 'premium.create',
      entity: 'premium',
      entityId: row.id,
      regionPath: unit.path,
      before: before ? { year: before.year, tier1: before.tier1, tier2: before.tier2, note: before.note } : null,
      after: { year: row.year, tier1: row.tier1, tier2: row.tier2, note: row.note },
    });
    return { id: row.id };
  }).catch(
    refuseUniqueViolation('premiums_org_unit_id_year', () => conflict(`该机构 ${data.year} 年度的缴费标准刚被他人保存，请刷新后重试`)),
  );
}

/** The premium in force for a region and year: the nearest org unit (itself or an ancestor) that set one. */
export async function resolvePremium(db: DbOrTx, regionPath: string, year: number) {
  return (
    await db
      .select()
      .from(premiums)
      .where(and(sql`${regionPath} like ${premiums.regionPath} || '%'`, eq(premiums.year, year)))
      .orderBy(desc(sql`length(${premiums.regionPath})`))
      .limit(1)
  )[0];
}
