import type { z } from 'zod';
import { and, eq, offsiteRegistrations, orgUnits, persons, sql } from '@portal/db';
import {
  type TOffsiteRegistration,
  type ZCancelRegistrationInput,
  type ZCreateOffsiteInput,
  formatRegistrationNo,
  provinceName,
} from '@portal/rules';
import { findPersonByIdNumber, nextSequence, toOffsiteDto } from './internal.js';
import {
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  conflict,
  notFound,
  preconditionFailed,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

async function getOffsiteDto(ctx: ActorContext, id: string): Promise<TOffsiteRegistration> {
  const row = (
    await ctx.db
      .select({ r: offsiteRegistrations, personName: persons.name, idNumber: persons.idNumber, countyName: orgUnits.name })
      .from(offsiteRegistrations)
      .innerJoin(persons, eq(persons.id, offsiteRegistrations.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, offsiteRegistrations.orgUnitId))
      .where(eq(offsiteRegistrations.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('异地就医备案不存在');
  return toOffsiteDto(row.r, { personName: row.personName, idNumber: row.idNumber, countyName: row.countyName }, chinaDate(ctx.now()));
}

/**
 * 异地就医备案 (Qiannan `000 §二(八)`, Weihai `004 §四(二)1`). The agency files it directly at
 * the window on the evidence shown, so it is registered at once; one person may not hold two
 * registrations whose periods overlap.
 */
export async function createOffsiteRegistration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateOffsiteInput>;
}): Promise<TOffsiteRegistration> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  const id = await withTransaction(ctx, async (ctx) => {
    const facts = await findPersonByIdNumber(ctx, data.idNumber, today);
    const { person } = facts;
    await ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.id, person.id)).for('update');
    const clash = (
      await ctx.db
        .select({
          registrationNo: offsiteRegistrations.registrationNo,
          startDate: offsiteRegistrations.startDate,
          endDate: offsiteRegistrations.endDate,
        })
        .from(offsiteRegistrations)
        .where(
          and(
            eq(offsiteRegistrations.personId, person.id),
            eq(offsiteRegistrations.status, 'registered'),
            sql`${offsiteRegistrations.startDate} <= ${data.endDate} and ${offsiteRegistrations.endDate} >= ${data.startDate}`,
          ),
        )
        .limit(1)
    )[0];
    if (clash) {
      throw conflict(
        `${person.name}已有期间重叠的异地就医备案 ${clash.registrationNo}（${clash.startDate} 至 ${clash.endDate}），请先撤销原备案`,
        'startDate',
      );
    }
    const year = Number(today.slice(0, 4));
    const registrationNo = formatRegistrationNo('YD', year, await nextSequence(ctx.db, 'YD', year));
    const [row] = await ctx.db
      .insert(offsiteRegistrations)
      .values({
        registrationNo,
        type: data.type,
        personId: person.id,
        orgUnitId: person.orgUnitId,
        regionPath: person.regionPath,
        profile: facts.profile,
        provinceCode: data.provinceCode,
        provinceName: provinceName(data.provinceCode) ?? data.provinceCode,
        cityCode: data.cityCode,
        cityName: data.cityCode ? data.cityName : null,
        startDate: data.startDate,
        endDate: data.endDate,
        documentType: data.documentType,
        documentNo: data.documentNo,
        createdBy: me.id,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'offsite_registration.create',
      entity: 'offsite_registration',
      entityId: row.id,
      regionPath: row.regionPath,
      after: {
        registrationNo,
        type: row.type,
        person: person.name,
        province: row.provinceName,
        city: row.cityName,
        startDate: row.startDate,
        endDate: row.endDate,
        document: `${row.documentType} ${row.documentNo}`,
      },
    });
    return row.id;
  });
  return getOffsiteDto(ctx, id);
}

export async function cancelOffsiteRegistration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCancelRegistrationInput>;
}): Promise<TOffsiteRegistration> {
  const me = ctx.actor;
  const { id, reason } = input;
  await withTransaction(ctx, async (ctx) => {
    const row = (await ctx.db.select().from(offsiteRegistrations).where(eq(offsiteRegistrations.id, id)).for('update').limit(1))[0];
    if (!row) throw notFound('异地就医备案不存在');
    assertInUserRegion(me, row.regionPath, '该异地就医备案');
    if (row.status !== 'registered') throw preconditionFailed('该备案已撤销');
    const now = ctx.now();
    await ctx.db
      .update(offsiteRegistrations)
      .set({ status: 'cancelled', cancelReason: reason, closedBy: me.id, closedAt: now, updatedAt: now })
      .where(eq(offsiteRegistrations.id, id));
    await writeAudit(ctx, {
      action: 'offsite_registration.cancel',
      entity: 'offsite_registration',
      entityId: id,
      regionPath: row.regionPath,
      before: { status: row.status },
      after: { status: 'cancelled', reason },
    });
  });
  return getOffsiteDto(ctx, id);
}
