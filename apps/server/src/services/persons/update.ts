import { eq, persons } from '@portal/db';
import { ZPersonUpdateInput } from '@portal/rules';
import type { ServiceContext } from '../../context.js';
import { invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../lib/audit.js';
import { REGISTRY_WRITERS, requireRole } from '../../lib/authorise.js';
import { assertInUserRegion } from '../../lib/scope.js';
import { getScopedOrgUnit } from '../admin/internal.js';
import { auditablePerson } from './internal.js';

/** Edits a person's attributes (not the ID number); a blank bank account keeps the stored one. */
export async function updatePerson({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  const me = requireRole(ctx, REGISTRY_WRITERS, '只有经办、审核人员可以修改人员信息');
  const { id, data } = ZPersonUpdateInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = (await tx.select().from(persons).where(eq(persons.id, id)).for('update').limit(1))[0];
    if (!before) throw notFound('人员不存在');
    assertInUserRegion(me, before.regionPath, '该人员');
    const unit = await getScopedOrgUnit(tx, me, data.orgUnitId);
    if (unit.level === 'system' || unit.level === 'province') throw invalid('请选择县（市、区）或乡镇级区划', 'orgUnitId');
    const bankAccount = data.clearBankAccount ? null : (data.bankAccount ?? before.bankAccount);
    const [after] = await tx
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
        insuranceCardNo: data.insuranceCardNo ?? null,
        updatedAt: ctx.now(),
      })
      .where(eq(persons.id, id))
      .returning();
    if (!after) throw new Error('update returned no row');
    await writeAudit(tx, ctx, {
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
