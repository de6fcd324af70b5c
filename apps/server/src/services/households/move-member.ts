import type { z } from 'zod';
import { eq, households, persons } from '@portal/db';
import type { THouseholdRef, ZMoveMemberInput, ZSetHeadInput } from '@portal/rules';
import { loadScopedHousehold, loadScopedPerson, repairHead } from './internal.js';
import { type ActorContext, invalid, preconditionFailed, writeAudit, withTransaction } from '../../core/index.js';

/** Moves a person into another household of the region; the old household keeps a head. */
export async function moveHouseholdMember({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZMoveMemberInput>;
}): Promise<THouseholdRef> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const person = await loadScopedPerson(ctx.db, me, data.personId, true);
    const target = await loadScopedHousehold(ctx.db, me, data.householdId, true);
    if (person.householdId === target.id) throw preconditionFailed('该人员已是此家庭户成员');
    if (data.relationship === '户主' && target.headPersonId)
      throw invalid('目标家庭户已有户主，请选择其他关系或先变更户主', 'relationship');
    await ctx.db.update(persons).set({ householdId: target.id, relationship: data.relationship }).where(eq(persons.id, person.id));
    if (!target.headPersonId || data.relationship === '户主')
      await ctx.db.update(households).set({ headPersonId: person.id }).where(eq(households.id, target.id));
    if (person.householdId) await repairHead(ctx.db, person.householdId);
    await writeAudit(ctx, {
      action: 'household.move_member',
      entity: 'person',
      entityId: person.id,
      regionPath: person.regionPath,
      before: { householdId: person.householdId, relationship: person.relationship },
      after: { householdId: target.id, relationship: data.relationship },
    });
    return { householdId: target.id };
  });
}

/** Makes a member the head of their household. */
export async function setHouseholdHead({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZSetHeadInput>;
}): Promise<THouseholdRef> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const h = await loadScopedHousehold(ctx.db, me, data.householdId, true);
    const person = await loadScopedPerson(ctx.db, me, data.personId);
    if (person.householdId !== h.id) throw invalid('该人员不是此家庭户成员', 'personId');
    if (h.headPersonId && h.headPersonId !== person.id)
      await ctx.db.update(persons).set({ relationship: '其他' }).where(eq(persons.id, h.headPersonId));
    await ctx.db.update(households).set({ headPersonId: person.id }).where(eq(households.id, h.id));
    await ctx.db.update(persons).set({ relationship: '户主' }).where(eq(persons.id, person.id));
    await writeAudit(ctx, {
      action: 'household.set_head',
      entity: 'household',
      entityId: h.id,
      regionPath: h.regionPath,
      before: { headPersonId: h.headPersonId },
      after: { headPersonId: person.id },
    });
    return { householdId: h.id };
  });
}
