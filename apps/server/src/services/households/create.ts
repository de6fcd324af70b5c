import type { z } from 'zod';
import { eq, households, persons, sql } from '@portal/db';
import type { TRecordRef, ZCreateHouseholdInput } from '@portal/rules';
import { loadScopedPerson, repairHead } from './internal.js';
import { type ActorContext, conflict, writeAudit, withTransaction } from '../../core/index.js';

/** Starts a household with the person as its head (建档立卡 is recorded by household). */
export async function createHousehold({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateHouseholdInput>;
}): Promise<TRecordRef> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const person = await loadScopedPerson(ctx.db, me, data.personId, true);
    if (data.householdNo) {
      // Two windows giving one number at once queue here, so the check sees the other's household.
      await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`household:${data.householdNo}`}))`);
      const dup = (
        await ctx.db.select({ id: households.id }).from(households).where(eq(households.householdNo, data.householdNo)).limit(1)
      )[0];
      if (dup) throw conflict('该户编号已存在', 'householdNo');
    }
    const [h] = await ctx.db
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
    await ctx.db.update(persons).set({ householdId: h.id, relationship: '户主' }).where(eq(persons.id, person.id));
    if (person.householdId) await repairHead(ctx.db, person.householdId);
    await writeAudit(ctx, {
      action: 'household.create',
      entity: 'household',
      entityId: h.id,
      regionPath: h.regionPath,
      after: { householdNo: h.householdNo, headPersonId: person.id, fromHouseholdId: person.householdId },
    });
    return { id: h.id };
  });
}
