import type { z } from 'zod';
import { and, eq, gte, inArray, persons, referrals, sql } from '@portal/db';
import { type TReferral, type ZCreateReferralInput, formatRegistrationNo, issuingHospitalProblem, referralValidUntil } from '@portal/rules';
import { assertEnrolledOn } from '../enrollment/index.js';
import { beneficiaryCategories, findPersonByIdNumber, hospitalOnPersonList, nextSequence, resolveValidityDays } from './internal.js';
import { getReferralDto } from './get.js';
import { type ActorContext, chinaDate, conflict, invalid, writeAudit, withTransaction } from '../../core/index.js';

/**
 * Files a hospital's referral certificate. With `registerNow` (the window case) the agency
 * registers it at once and it gets its electronic referral number; otherwise it waits as
 * submitted for a colleague to register or reject.
 */
export async function createReferral({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateReferralInput>;
}): Promise<TReferral> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  if (data.issueDate > today) throw invalid('开具日期不能晚于今天', 'issueDate');
  const id = await withTransaction(ctx, async (ctx) => {
    const facts = await findPersonByIdNumber(ctx, data.idNumber, data.plannedAdmissionDate);
    const { person } = facts;
    // Serialises registrations of one person so two windows cannot both pass the overlap check.
    await ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.id, person.id)).for('update');

    const held = beneficiaryCategories(facts);
    if (!held.length) throw invalid(`${person.name}在计划入院日期不具有有效的医保扶贫对象身份，不能办理转诊备案`, 'idNumber');
    // The rule of claim entry (应保尽保, decision 0004): refused in a year marked not enrolled or
    // before the enrollment date; a year with no register entry yet is accepted.
    await assertEnrolledOn(ctx, person.id, data.plannedAdmissionDate, {
      field: 'idNumber',
      action: '办理转诊备案',
      who: person.name,
      dateLabel: '计划入院日期',
    });

    const issuer = await hospitalOnPersonList(ctx.db, person.regionPath, data.issuingHospitalId, 'issuingHospitalId');
    const problem = issuingHospitalProblem(facts.profile, issuer, facts.countyCode);
    if (problem) throw invalid(problem, 'issuingHospitalId');

    const destination = await hospitalOnPersonList(ctx.db, person.regionPath, data.destinationHospitalId, 'destinationHospitalId');
    if (!destination.referralTier || !destination.isActive)
      throw invalid('转往医院不在指定转诊定点医疗机构名单内', 'destinationHospitalId');

    const { validityDays } = await resolveValidityDays(ctx.db, person.regionPath);
    const validUntil = referralValidUntil(data.issueDate, validityDays);
    if (data.plannedAdmissionDate > validUntil) {
      throw invalid(`计划入院日期超出转诊有效期（开具之日起 ${validityDays} 天，至 ${validUntil}）`, 'plannedAdmissionDate');
    }
    if (validUntil < today) throw invalid(`该转诊证明已于 ${validUntil} 过期（有效期 ${validityDays} 天），请医院重新开具`, 'issueDate');

    const overlapping = await ctx.db
      .select({ referralNo: referrals.referralNo, issueDate: referrals.issueDate, validUntil: referrals.validUntil })
      .from(referrals)
      .where(
        and(
          eq(referrals.personId, person.id),
          inArray(referrals.status, ['submitted', 'registered']),
          gte(referrals.validUntil, today),
          sql`${referrals.issueDate} <= ${validUntil} and ${referrals.validUntil} >= ${data.issueDate}`,
        ),
      )
      .limit(1);
    const clash = overlapping[0];
    if (clash) {
      throw conflict(
        `${person.name}已有有效期重叠的转诊备案${clash.referralNo ? ` ${clash.referralNo}` : '（待备案）'}（${clash.issueDate} 至 ${clash.validUntil}），请先撤销原备案`,
        'issueDate',
      );
    }

    const now = ctx.now();
    const referralNo = data.registerNow
      ? formatRegistrationNo('ZZ', Number(today.slice(0, 4)), await nextSequence(ctx.db, 'ZZ', Number(today.slice(0, 4))))
      : null;
    const [row] = await ctx.db
      .insert(referrals)
      .values({
        referralNo,
        status: data.registerNow ? 'registered' : 'submitted',
        personId: person.id,
        orgUnitId: person.orgUnitId,
        regionPath: person.regionPath,
        profile: facts.profile,
        issuingHospitalId: issuer.id,
        destinationHospitalId: destination.id,
        destinationTier: destination.referralTier,
        diagnosis: data.diagnosis,
        reason: data.reason,
        issueDate: data.issueDate,
        plannedAdmissionDate: data.plannedAdmissionDate,
        validityDays,
        validUntil,
        submittedBy: me.id,
        registeredBy: data.registerNow ? me.id : null,
        registeredAt: data.registerNow ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: data.registerNow ? 'referral.register' : 'referral.submit',
      entity: 'referral',
      entityId: row.id,
      regionPath: row.regionPath,
      after: {
        referralNo: row.referralNo,
        status: row.status,
        person: person.name,
        issuingHospital: issuer.name,
        destinationHospital: destination.name,
        issueDate: row.issueDate,
        plannedAdmissionDate: row.plannedAdmissionDate,
        validUntil: row.validUntil,
        beneficiaryCategories: held,
      },
    });
    return row.id;
  });
  return getReferralDto(ctx.db, me, id, today);
}
