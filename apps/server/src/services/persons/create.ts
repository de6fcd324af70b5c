import type { z } from 'zod';
import { eq, persons, type DbOrTx } from '@portal/db';
import {
  EXISTENCE_QUOTA_SPENT,
  REGISTERED_ELSEWHERE,
  type TRecordRef,
  type ZPersonCreateInput,
  maskIdNumber,
  parseIdNumber,
} from '@portal/rules';
import { refuseUniqueViolation } from '../../lib/db-errors.js';
import { spendExistenceChecks } from './existence.js';
import { auditablePerson } from './internal.js';
import {
  type Actor,
  type ActorContext,
  chinaDate,
  conflict,
  DomainError,
  invalid,
  isInUserRegion,
  writeAudit,
  getScopedOrgUnit,
  withTransaction,
} from '../../core/index.js';

/**
 * Registers a person. Sex and birth date come from the ID number; a number already registered is
 * refused with the existing record's id (only when the caller may open it) so the page links to it.
 */
export async function createPerson({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZPersonCreateInput> }): Promise<TRecordRef> {
  const me = ctx.actor;
  const data = input;
  const id = parseIdNumber(data.idNumber, chinaDate(ctx.now()));
  if (!id.ok) throw invalid(id.error, 'idNumber');
  await refuseIfRegisteredElsewhere(ctx, data.idNumber);
  return withTransaction(ctx, async (ctx) => {
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    if (unit.level !== 'county' && unit.level !== 'township') throw invalid('请选择县（市、区）或乡镇级区划', 'orgUnitId');
    await assertNotRegistered(ctx.db, me, data.idNumber);
    const [row] = await ctx.db
      .insert(persons)
      .values({
        name: data.name,
        idNumber: data.idNumber,
        sex: id.value.sex,
        birthDate: id.value.birthDate,
        hukouType: data.hukouType,
        address: data.address ?? null,
        orgUnitId: unit.id,
        regionPath: unit.path,
        townshipCode: data.townshipCode ?? null,
        villageCode: data.villageCode ?? null,
        phone: data.phone ?? null,
        bankName: data.bankName ?? null,
        bankAccount: data.bankAccount ?? null,
        insuranceCardNo: data.insuranceCardNo ?? null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'person.create',
      entity: 'person',
      entityId: row.id,
      regionPath: row.regionPath,
      after: auditablePerson(row),
    });
    return { id: row.id };
  }).catch(
    // The same number registered by another window at the same moment: the answer the check gives.
    refuseUniqueViolation('persons_id_number', async () => {
      await refuseIfRegisteredElsewhere(ctx, data.idNumber);
      return assertNotRegistered(ctx.db, me, data.idNumber).then(() => conflict('该身份证号已登记，请刷新后查看', 'idNumber'));
    }),
  );
}

export async function assertNotRegistered(tx: DbOrTx, me: Actor, idNumber: string) {
  const existing = (
    await tx
      .select({ id: persons.id, name: persons.name, regionPath: persons.regionPath })
      .from(persons)
      .where(eq(persons.idNumber, idNumber))
      .limit(1)
  )[0];
  if (!existing) return;
  if (isInUserRegion(me, existing.regionPath)) {
    throw conflict(`该身份证号已登记（${existing.name}），请打开已有记录`, 'idNumber', { existingId: existing.id });
  }
  throw conflict(REGISTERED_ELSEWHERE, 'idNumber');
}

/**
 * A number registered in another region is answered with REGISTERED_ELSEWHERE only (no name, no
 * region), within the daily allowance, and the lookup is audited even though the request fails.
 */
async function refuseIfRegisteredElsewhere(ctx: ActorContext, idNumber: string) {
  const existing = (
    await ctx.db.select({ regionPath: persons.regionPath }).from(persons).where(eq(persons.idNumber, idNumber)).limit(1)
  )[0];
  if (!existing || isInUserRegion(ctx.actor, existing.regionPath)) return;
  const allowed = await spendExistenceChecks(ctx, 1, { idNumbersMasked: [maskIdNumber(idNumber)], source: 'persons.create' });
  if (allowed === 0) throw new DomainError('rate_limited', EXISTENCE_QUOTA_SPENT, { field: 'idNumber' });
  throw conflict(REGISTERED_ELSEWHERE, 'idNumber');
}
