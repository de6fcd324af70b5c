import { eq, orgUnits, persons, referrals, type DbOrTx } from '@portal/db';
import type { TReferral } from '@portal/rules';
import { z } from 'zod';
import { hospitalNames, toReferralDto } from './internal.js';
import { type Actor, type ActorContext, assertInUserRegion, chinaDate, notFound } from '../../core/index.js';

export const ZGetReferralInput = z.object({ id: z.uuid('记录编号格式不正确') });

export async function getReferralDto(db: DbOrTx, user: Actor, id: string, today: string): Promise<TReferral> {
  const row = (
    await db
      .select({ r: referrals, personName: persons.name, idNumber: persons.idNumber, countyName: orgUnits.name })
      .from(referrals)
      .innerJoin(persons, eq(persons.id, referrals.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, referrals.orgUnitId))
      .where(eq(referrals.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('转诊备案不存在');
  assertInUserRegion(user, row.r.regionPath, '该转诊备案');
  const names = await hospitalNames(db, [row.r.issuingHospitalId, row.r.destinationHospitalId]);
  return toReferralDto(row.r, { personName: row.personName, idNumber: row.idNumber, countyName: row.countyName, hospitals: names }, today);
}

export async function getReferral({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZGetReferralInput> }): Promise<TReferral> {
  const me = ctx.actor;
  const { id } = input;
  return getReferralDto(ctx.db, me, id, chinaDate(ctx.now()));
}
