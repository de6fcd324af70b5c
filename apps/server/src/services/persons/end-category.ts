import type { z } from 'zod';
import { eq, personCategories, persons } from '@portal/db';
import type { TRecordRef, ZEndCategoryInput } from '@portal/rules';
import {
  type ActorContext,
  assertInUserRegion,
  invalid,
  notFound,
  preconditionFailed,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

/** Ends a held category on a date; the fact stays on record so earlier dates still answer correctly. */
export async function endPersonCategory({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZEndCategoryInput>;
}): Promise<TRecordRef> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const row = (
      await ctx.db
        .select({ fact: personCategories, regionPath: persons.regionPath })
        .from(personCategories)
        .innerJoin(persons, eq(persons.id, personCategories.personId))
        .where(eq(personCategories.id, data.id))
        // Locked: two clerks ending the same fact at once would both pass the check below.
        .for('update', { of: personCategories })
        .limit(1)
    )[0];
    if (!row) throw notFound('身份类别记录不存在');
    assertInUserRegion(me, row.regionPath, '该人员');
    if (row.fact.endDate) throw preconditionFailed(`该身份类别已于 ${row.fact.endDate} 终止`);
    if (data.endDate < row.fact.startDate) throw invalid(`终止日期不能早于认定日期 ${row.fact.startDate}`, 'endDate');
    await ctx.db.update(personCategories).set({ endDate: data.endDate }).where(eq(personCategories.id, data.id));
    await writeAudit(ctx, {
      action: 'person.end_category',
      entity: 'person',
      entityId: row.fact.personId,
      regionPath: row.regionPath,
      before: { factId: data.id, category: row.fact.category, endDate: null },
      after: { factId: data.id, category: row.fact.category, endDate: data.endDate, reason: data.reason },
    });
    return { id: data.id };
  });
}
