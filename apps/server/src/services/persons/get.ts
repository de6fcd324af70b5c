import { asc, desc, enrollments, eq, orgUnits, personCategories, persons } from '@portal/db';
import { type TPersonDetail, enrollmentYearFor } from '@portal/rules';
import { z } from 'zod';
import { describeHousehold } from '../households/index.js';
import { getPersonOrgFacts } from './facts.js';
import { toPersonSummary } from './internal.js';
import { toEnrollmentDto } from '../enrollment/index.js';
import { type ActorContext, assertInUserRegion, notFound } from '../../core/index.js';

export const ZGetPersonInput = z.object({ id: z.uuid('记录编号格式不正确') });

/** One person with every dated category; refused outside the caller's region. */
export async function getPerson({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZGetPersonInput> }): Promise<TPersonDetail> {
  const { id } = input;
  const row = (
    await ctx.db
      .select({ person: persons, orgUnitName: orgUnits.name })
      .from(persons)
      .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
      .where(eq(persons.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('人员不存在');
  assertInUserRegion(ctx.actor, row.person.regionPath, '该人员');
  const categories = await ctx.db
    .select()
    .from(personCategories)
    .where(eq(personCategories.personId, id))
    .orderBy(asc(personCategories.startDate));
  const { profile } = await getPersonOrgFacts(ctx.db, row.person);
  const household = row.person.householdId ? await describeHousehold(ctx.db, row.person.householdId) : null;
  const years = await ctx.db.select().from(enrollments).where(eq(enrollments.personId, id)).orderBy(desc(enrollments.year));
  return {
    ...toPersonSummary({ ...row.person, orgUnitName: row.orgUnitName }),
    profile,
    household,
    enrollments: years.map(toEnrollmentDto),
    categoryHistory: categories.map((c) => ({
      id: c.id,
      category: c.category,
      startDate: c.startDate,
      endDate: c.endDate,
      sourceDepartment: c.sourceDepartment,
      sourceDocument: c.sourceDocument,
      /** Which insurance year this identification is enrolled in (RULES §5). */
      enrollmentYear: profile && c.category !== 'ordinary' ? enrollmentYearFor({ profile, identifiedOn: c.startDate }).year : null,
    })),
  };
}
