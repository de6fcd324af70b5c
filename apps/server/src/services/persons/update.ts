import type { z } from 'zod';
import { eq, persons } from '@portal/db';
import type { TRecordRef, ZPersonUpdateInput } from '@portal/rules';
import { auditablePerson } from './internal.js';
import { transferOpenRecords } from './transfer.js';
import {
  type ActorContext,
  assertInUserRegion,
  invalid,
  notFound,
  writeAudit,
  getScopedOrgUnit,
  withTransaction,
} from '../../core/index.js';

/**
 * Edits a person's attributes (not the ID number); a blank bank account keeps the stored one. A
 * new county moves the person's open records with them.
 */
export async function updatePerson({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZPersonUpdateInput> }): Promise<TRecordRef> {
  const me = ctx.actor;
  const { id, data } = input;
  return withTransaction(ctx, async (ctx) => {
    const before = (await ctx.db.select().from(persons).where(eq(persons.id, id)).for('update').limit(1))[0];
    if (!before) throw notFound('人员不存在');
    assertInUserRegion(me, before.regionPath, '该人员');
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    if (unit.level !== 'county' && unit.level !== 'township') throw invalid('请选择县（市、区）或乡镇级区划', 'orgUnitId');
    const bankAccount = data.clearBankAccount ? null : (data.bankAccount ?? before.bankAccount);
    const [after] = await ctx.db
      .update(persons)
      .set({
        name: data.name,
        hukouType: data.hukouType,
        address: data.address ?? null,
        orgUnitId: unit.id,
        regionPath: unit.path,
        townshipCode: data.townshipCode ?? null,
        villageCode: data.villageCode ?? null,
        // The form shows the phone masked, so a blank field keeps the stored number.
        phone: data.phone ?? before.phone,
        bankName: data.bankName ?? null,
        bankAccount,
        // Shown masked too: a blank field keeps the stored card number.
        insuranceCardNo: data.insuranceCardNo ?? before.insuranceCardNo,
        updatedAt: ctx.now(),
      })
      .where(eq(persons.id, id))
      .returning();
    if (!after) throw new Error('update returned no row');
    // A move to another county takes the person's open work with them (transfer.ts).
    await transferOpenRecords(ctx, id, { path: before.regionPath }, unit);
    await writeAudit(ctx, {
      action: 'person.update',
      entity: 'person',
      entityId: id,
      regionPath: after.regionPath,
      before: auditablePerson(before),
      after: auditablePerson(after),
    });
    return { id };
  });
}
