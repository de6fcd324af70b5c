import type { z } from 'zod';
import { and, asc, eq, hospitals, orgUnits, referralSettings } from '@portal/db';
import {
  DEFAULT_REFERRAL_VALIDITY_DAYS,
  type TReferralAdmin,
  type TReferralTierSet,
  type TReferralValiditySet,
  type ZReferralSettingsInput,
  type ZSetReferralTierInput,
} from '@portal/rules';
import {
  type ActorContext,
  assertInUserRegion,
  inUserRegion,
  notFound,
  visibleToUser,
  writeAudit,
  getScopedOrgUnit,
  withTransaction,
} from '../../core/index.js';

/** Hospitals on the admin's lists with their referral tier, and the validity settings. */
export async function listReferralAdmin({ ctx }: { ctx: ActorContext }): Promise<TReferralAdmin> {
  const me = ctx.actor;
  const [list, settings, units] = await Promise.all([
    ctx.db
      .select({ h: hospitals, ownerName: orgUnits.name })
      .from(hospitals)
      .innerJoin(orgUnits, eq(orgUnits.id, hospitals.ownerOrgUnitId))
      .where(visibleToUser(me, hospitals.regionPath))
      .orderBy(asc(hospitals.regionPath), asc(hospitals.code)),
    ctx.db
      .select({ s: referralSettings, orgUnitName: orgUnits.name })
      .from(referralSettings)
      .innerJoin(orgUnits, eq(orgUnits.id, referralSettings.orgUnitId))
      .where(inUserRegion(me, referralSettings.regionPath))
      .orderBy(asc(referralSettings.regionPath)),
    ctx.db
      .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, level: orgUnits.level })
      .from(orgUnits)
      .where(and(inUserRegion(me, orgUnits.path)))
      .orderBy(asc(orgUnits.path)),
  ]);
  return {
    defaultValidityDays: DEFAULT_REFERRAL_VALIDITY_DAYS,
    hospitals: list.map(({ h, ownerName }) => ({
      id: h.id,
      code: h.code,
      name: h.name,
      level: h.level,
      regionName: h.regionName,
      ownerName,
      isActive: h.isActive,
      referralTier: h.referralTier,
      canEdit: h.regionPath.startsWith(me.regionPath),
    })),
    settings: settings.map(({ s, orgUnitName }) => ({
      orgUnitId: s.orgUnitId,
      orgUnitName,
      validityDays: s.validityDays,
      updatedAt: s.updatedAt.toISOString(),
    })),
    orgUnits: units.filter((u) => u.level !== 'system' && u.level !== 'township'),
  };
}

/** Flags a hospital on the admin's own list as a city or provincial referral destination, or clears it. */
export async function setReferralTier({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZSetReferralTierInput>;
}): Promise<TReferralTierSet> {
  const me = ctx.actor;
  const { hospitalId, referralTier } = input;
  return withTransaction(ctx, async (ctx) => {
    const row = (await ctx.db.select().from(hospitals).where(eq(hospitals.id, hospitalId)).limit(1))[0];
    if (!row) throw notFound('医院不存在');
    assertInUserRegion(me, row.regionPath, '该医院名单');
    await ctx.db.update(hospitals).set({ referralTier, updatedAt: ctx.now() }).where(eq(hospitals.id, hospitalId));
    await writeAudit(ctx, {
      action: 'hospital.set_referral_tier',
      entity: 'hospital',
      entityId: hospitalId,
      regionPath: row.regionPath,
      before: { name: row.name, referralTier: row.referralTier },
      after: { name: row.name, referralTier },
    });
    return { id: hospitalId, referralTier };
  });
}

/** Sets an org unit's referral validity (applies to referrals issued after the change). */
export async function setReferralValidity({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReferralSettingsInput>;
}): Promise<TReferralValiditySet> {
  const me = ctx.actor;
  const { orgUnitId, validityDays } = input;
  return withTransaction(ctx, async (ctx) => {
    const unit = await getScopedOrgUnit(ctx.db, me, orgUnitId);
    const before = (await ctx.db.select().from(referralSettings).where(eq(referralSettings.orgUnitId, unit.id)).limit(1))[0];
    await ctx.db
      .insert(referralSettings)
      .values({ orgUnitId: unit.id, regionPath: unit.path, validityDays, updatedBy: me.id, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: referralSettings.orgUnitId, set: { validityDays, updatedBy: me.id, updatedAt: ctx.now() } });
    await writeAudit(ctx, {
      action: 'referral_settings.update',
      entity: 'referral_settings',
      entityId: unit.id,
      regionPath: unit.path,
      before: before ? { validityDays: before.validityDays } : { validityDays: null },
      after: { orgUnit: unit.name, validityDays },
    });
    return { orgUnitId: unit.id, validityDays };
  });
}
