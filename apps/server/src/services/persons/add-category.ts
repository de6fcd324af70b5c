import type { z } from 'zod';
import { and, eq, personCategories, persons } from '@portal/db';
import {
  CATEGORY_LABELS,
  PROFILES,
  PROFILE_CATEGORIES,
  type TAddedCategory,
  type ZCategoryFactInput,
  enrollmentYearFor,
} from '@portal/rules';
import { getPersonOrgFacts } from './facts.js';
import {
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  conflict,
  invalid,
  notFound,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

/**
 * Records a dated category fact. A fact overlapping another of the same category is refused; the
 * answer says which insurance year the new identification is enrolled in (RULES §5).
 */
export async function addPersonCategory({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCategoryFactInput>;
}): Promise<TAddedCategory> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  if (data.startDate > today) throw invalid('认定日期不能晚于今天', 'startDate');
  return withTransaction(ctx, async (ctx) => {
    const person = (await ctx.db.select().from(persons).where(eq(persons.id, data.personId)).for('update').limit(1))[0];
    if (!person) throw notFound('人员不存在');
    assertInUserRegion(me, person.regionPath, '该人员');
    const { profile } = await getPersonOrgFacts(ctx.db, person);
    if (profile && !PROFILE_CATEGORIES[profile].includes(data.category)) {
      throw invalid(`“${CATEGORY_LABELS[data.category]}”不是${PROFILES[profile].label}政策口径的人员类别`, 'category');
    }
    const same = await ctx.db
      .select()
      .from(personCategories)
      .where(and(eq(personCategories.personId, person.id), eq(personCategories.category, data.category)));
    const end = data.endDate ?? '9999-12-31';
    const overlap = same.find((f) => f.startDate <= end && (f.endDate ?? '9999-12-31') >= data.startDate);
    if (overlap) {
      throw conflict(
        `与已有的${CATEGORY_LABELS[data.category]}记录（${overlap.startDate} 至 ${overlap.endDate ?? '今'}）时间重叠，请先终止原记录`,
        'startDate',
      );
    }
    const [row] = await ctx.db
      .insert(personCategories)
      .values({
        personId: person.id,
        category: data.category,
        startDate: data.startDate,
        endDate: data.endDate ?? null,
        sourceDepartment: data.sourceDepartment,
        sourceDocument: data.sourceDocument ?? null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'person.add_category',
      entity: 'person',
      entityId: person.id,
      regionPath: person.regionPath,
      after: {
        factId: row.id,
        category: row.category,
        startDate: row.startDate,
        endDate: row.endDate,
        sourceDepartment: row.sourceDepartment,
        sourceDocument: row.sourceDocument,
      },
    });
    const placement = profile ? enrollmentYearFor({ profile, identifiedOn: data.startDate }) : null;
    return { id: row.id, enrollment: placement ? { year: placement.year, explain: placement.explain, clause: placement.clause } : null };
  });
}
