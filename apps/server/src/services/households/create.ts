import { eq, households, persons } from '@portal/db';
import { ZCreateHouseholdInput } from '@portal/rules';
import { loadScopedPerson, repairHead } from './internal.js';
import { type ActorContext, conflict, writeAudit } from '../../core/index.js';

/** Starts a household with the person as its head (建档立卡 is recorded by household). */
export async function createHousehold({ ctx, input }: { ctx: ActorContext; input: unknown }) {
  const me = ctx.actor;
  const data = ZCreateHouseholdInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const person = await loadScopedPerson(tx, me, data.personId);
    if (data.householdNo) {
      const dup = (await tx.select({ id: households.id }).from(households).where(eq(households.householdNo, data.householdNo)).limit(1))[0];
      if (dup) throw conflict('该户编号已存在', 'householdNo');
    }
    const [h] = await tx
      .insert(households)
      .values({
        householdNo: data.householdNo ?? null,
        orgUnitId: person.orgUnitId,
        regionPath: person.regionPath,
        address: data.address ?? person.address,
        headPersonId: person.id,
      })
      .returning();
    if (!h) throw new Error('insert returned no row');
    await tx.update(persons).set({ householdId: h.id, relationship: '户主' }).where(eq(persons.id, person.id));
    if (person.householdId) await repairHead(tx, person.householdId);
    await writeAudit(tx, ctx, {
      action: 'household.create',
      entity: 'household',
      entityId: h.id,
      regionPath: h.regionPath,
      after: { householdNo: h.householdNo, headPersonId: person.id, fromHouseholdId: person.householdId },
    });
    return { id: h.id };
  });
}
