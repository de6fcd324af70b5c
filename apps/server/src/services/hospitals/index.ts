import { and, asc, eq, hospitals, type DbOrTx } from '@portal/db';
import { type THospital, ZHospitalInput } from '@portal/rules';
import { z } from 'zod';
import { refuseUniqueViolation } from '../../lib/db-errors.js';
import {
  type Actor,
  type ActorContext,
  conflict,
  notFound,
  visibleToUser,
  writeAudit,
  getScopedOrgUnit,
  withTransaction,
} from '../../core/index.js';

export const ZListHospitalsInput = z
  .object({ includeInactive: z.boolean().default(false), referralOnly: z.boolean().default(false) })
  .default({ includeInactive: false, referralOnly: false });

function toDto(h: typeof hospitals.$inferSelect): THospital {
  return {
    id: h.id,
    ownerOrgUnitId: h.ownerOrgUnitId,
    code: h.code,
    name: h.name,
    level: h.level,
    regionCode: h.regionCode,
    regionName: h.regionName,
    isNetworked: h.isNetworked,
    isSpecialDiseaseDesignated: h.isSpecialDiseaseDesignated,
    referralTier: h.referralTier,
    isActive: h.isActive,
  };
}

/** Hospitals on the lists visible to the caller (its jurisdiction's list). */
export async function listHospitals({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListHospitalsInput>;
}): Promise<THospital[]> {
  const { includeInactive, referralOnly } = input;
  const rows = await ctx.db
    .select()
    .from(hospitals)
    .where(and(visibleToUser(ctx.actor, hospitals.regionPath), includeInactive ? undefined : eq(hospitals.isActive, true)))
    .orderBy(asc(hospitals.code));
  return rows.filter((h) => !referralOnly || h.referralTier !== null).map(toDto);
}

/** Loads a hospital the user may use, or throws. */
export async function getVisibleHospital(tx: DbOrTx, user: Actor, id: string): Promise<THospital> {
  const row = (
    await tx
      .select()
      .from(hospitals)
      .where(and(eq(hospitals.id, id), visibleToUser(user, hospitals.regionPath)))
      .limit(1)
  )[0];
  if (!row) throw notFound('医院不存在或不在本辖区名单内');
  return toDto(row);
}

/**
 * Where a hospital lies as seen from the person's county (RULES §3 `location`): the rules
 * package's pure function, so the browser preview and the server place a hospital alike.
 */
export { locateHospital } from '@portal/rules';

export const ZCreateHospitalInput = ZHospitalInput.extend({ ownerOrgUnitId: z.uuid('请选择名单所属机构') });
export const ZUpdateHospitalInput = z.object({ id: z.uuid(), data: ZHospitalInput });

export async function createHospital({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateHospitalInput>;
}): Promise<THospital> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const owner = await getScopedOrgUnit(ctx.db, me, data.ownerOrgUnitId);
    const dup = await ctx.db
      .select({ id: hospitals.id })
      .from(hospitals)
      .where(and(eq(hospitals.ownerOrgUnitId, owner.id), eq(hospitals.code, data.code)))
      .limit(1);
    if (dup.length) throw conflict(`医院编码 ${data.code} 已存在`, 'code');
    const [row] = await ctx.db
      .insert(hospitals)
      .values({ ...data, ownerOrgUnitId: owner.id, regionPath: owner.path })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'hospital.create',
      entity: 'hospital',
      entityId: row.id,
      regionPath: owner.path,
      after: toDto(row),
    });
    return toDto(row);
  }).catch(refuseUniqueViolation('hospitals_owner_org_unit_id_code', () => conflict(`医院编码 ${data.code} 已存在`, 'code')));
}

export async function updateHospital({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZUpdateHospitalInput>;
}): Promise<THospital> {
  const me = ctx.actor;
  const { id, data } = input;
  return withTransaction(ctx, async (ctx) => {
    const current = (await ctx.db.select().from(hospitals).where(eq(hospitals.id, id)).limit(1))[0];
    if (!current) throw notFound('医院不存在');
    const owner = await getScopedOrgUnit(ctx.db, me, current.ownerOrgUnitId);
    if (data.code !== current.code) {
      const dup = await ctx.db
        .select({ id: hospitals.id })
        .from(hospitals)
        .where(and(eq(hospitals.ownerOrgUnitId, owner.id), eq(hospitals.code, data.code)))
        .limit(1);
      if (dup.length) throw conflict(`医院编码 ${data.code} 已存在`, 'code');
    }
    const [row] = await ctx.db
      .update(hospitals)
      .set({ ...data, updatedAt: ctx.now() })
      .where(eq(hospitals.id, id))
      .returning();
    if (!row) throw notFound('医院不存在');
    await writeAudit(ctx, {
      action: 'hospital.update',
      entity: 'hospital',
      entityId: id,
      regionPath: owner.path,
      before: toDto(current),
      after: toDto(row),
    });
    return toDto(row);
  }).catch(refuseUniqueViolation('hospitals_owner_org_unit_id_code', () => conflict(`医院编码 ${data.code} 已存在`, 'code')));
}
