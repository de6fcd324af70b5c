import { asc, eq, orgUnits, personCategories, persons } from '@portal/db';
import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { notFound, unauthorized } from '../../errors.js';
import { assertInUserRegion } from '../../lib/scope.js';
import { toPersonSummary } from './internal.js';

export const ZGetPersonInput = z.object({ id: z.uuid('记录编号格式不正确') });

/** One person with every dated category; refused outside the caller's region. */
export async function getPerson({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  if (!ctx.user) throw unauthorized();
  const { id } = ZGetPersonInput.parse(input);
  const row = (
    await ctx.db
      .select({ person: persons, orgUnitName: orgUnits.name })
      .from(persons)
      .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
      .where(eq(persons.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('人员不存在');
  assertInUserRegion(ctx.user, row.person.regionPath, '该人员');
  const categories = await ctx.db
    .select()
    .from(personCategories)
    .where(eq(personCategories.personId, id))
    .orderBy(asc(personCategories.startDate));
  return {
    ...toPersonSummary({ ...row.person, orgUnitName: row.orgUnitName }),
    categoryHistory: categories.map((c) => ({
      id: c.id,
      category: c.category,
      startDate: c.startDate,
      endDate: c.endDate,
      sourceDepartment: c.sourceDepartment,
      sourceDocument: c.sourceDocument,
    })),
  };
}
