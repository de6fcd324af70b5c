import { desc, eq, hospitals, persons, referralOverrides, users } from '@portal/db';
import { type TReferralOverride, type TReferralOverrideCreated, type ZCreateReferralOverrideInput, maskIdNumber } from '@portal/rules';
import { z } from 'zod';
import { getPersonFacts } from '../persons/index.js';
import { decideVisitReferral } from './decide-visit.js';
import { hospitalOnPersonList } from './internal.js';
import { type ActorContext, inUserRegion, preconditionFailed, writeAudit, withTransaction } from '../../core/index.js';

/**
 * A reviewer rules that a visit counts as referred although nothing in the registry covers it.
 * Only reviewers may, with a written reason; claim entry reads it through `decideVisitReferral`.
 * Refused where nothing needs overriding: an in-county stay needs no referral, and a registration
 * that counts already covers the visit.
 */
export async function createReferralOverride({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateReferralOverrideInput>;
}): Promise<TReferralOverrideCreated> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const facts = await getPersonFacts(ctx, data.personId, data.admissionDate);
    const { person } = facts;
    // Serialises overrides of one person, so two reviewers cannot both find nothing to override.
    await ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.id, person.id)).for('update');
    const hospital = await hospitalOnPersonList(ctx.db, person.regionPath, data.hospitalId, 'hospitalId');
    // An override stands for a referral of an inpatient stay (RULES §3), the only visit that needs one.
    const existing = await decideVisitReferral(ctx, { person: facts, hospital, visitType: 'inpatient', admissionDate: data.admissionDate });
    if (!existing.isRequired) throw preconditionFailed('该医院在参保地县域内，住院无需转诊，无需认定');
    if (existing.source !== 'none') throw preconditionFailed(`${existing.note}，无需认定`);
    const [row] = await ctx.db
      .insert(referralOverrides)
      .values({
        personId: person.id,
        hospitalId: hospital.id,
        admissionDate: data.admissionDate,
        reason: data.reason,
        regionPath: person.regionPath,
        createdBy: me.id,
        createdAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'referral.override',
      entity: 'referral_override',
      entityId: row.id,
      regionPath: person.regionPath,
      after: { person: person.name, hospital: hospital.name, admissionDate: row.admissionDate, reason: row.reason },
    });
    return { id: row.id, personName: person.name, hospitalName: hospital.name, admissionDate: row.admissionDate, reason: row.reason };
  });
}

export const ZListOverridesInput = z.object({ page: z.number().int().min(1).default(1) }).default({ page: 1 });

export async function listReferralOverrides({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListOverridesInput>;
}): Promise<TReferralOverride[]> {
  const me = ctx.actor;
  const { page } = input;
  const rows = await ctx.db
    .select({
      o: referralOverrides,
      personName: persons.name,
      idNumber: persons.idNumber,
      hospitalName: hospitals.name,
      createdByName: users.displayName,
    })
    .from(referralOverrides)
    .innerJoin(persons, eq(persons.id, referralOverrides.personId))
    .innerJoin(hospitals, eq(hospitals.id, referralOverrides.hospitalId))
    .innerJoin(users, eq(users.id, referralOverrides.createdBy))
    .where(inUserRegion(me, referralOverrides.regionPath))
    .orderBy(desc(referralOverrides.createdAt))
    .limit(50)
    .offset((page - 1) * 50);
  return rows.map((r) => ({
    id: r.o.id,
    personName: r.personName,
    idNumberMasked: maskIdNumber(r.idNumber),
    hospitalName: r.hospitalName,
    admissionDate: r.o.admissionDate,
    reason: r.o.reason,
    createdByName: r.createdByName,
    createdAt: r.o.createdAt.toISOString(),
    isUsed: r.o.claimId !== null,
  }));
}
