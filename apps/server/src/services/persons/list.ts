import { and, asc, count, enrollments, eq, ilike, like, or, orgUnits, personCategories, persons, sql } from '@portal/db';
import { type TPersonListPage, ZCategoryId } from '@portal/rules';
import { z } from 'zod';
import { toPersonSummary } from './internal.js';
import { type ActorContext, chinaDate, inUserRegion } from '../../core/index.js';

export const ZListPersonsInput = z.object({
  q: z.string().trim().max(32, '检索词过长').optional(),
  orgUnitId: z.uuid().optional(),
  category: ZCategoryId.optional(),
  /** Enrollment status for `year` (default: this year): enrolled, not enrolled, or nothing recorded yet. */
  enrollmentStatus: z.enum(['enrolled', 'not_enrolled', 'unrecorded']).optional(),
  year: z.number().int().min(2017).max(2100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** Persons in the caller's region subtree; `q` matches name, full ID number or its last digits. */
export async function listPersons({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListPersonsInput>;
}): Promise<TPersonListPage> {
  const { q, orgUnitId, category, enrollmentStatus, year, page, pageSize } = input;
  const today = chinaDate(ctx.now());
  const enrollmentYear = year ?? Number(today.slice(0, 4));
  const unitPath = orgUnitId
    ? (await ctx.db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, orgUnitId)).limit(1))[0]?.path
    : undefined;
  const where = and(
    inUserRegion(ctx.actor, persons.regionPath),
    unitPath ? like(persons.regionPath, `${unitPath}%`) : undefined,
    q
      ? /^[0-9xX]{4,18}$/.test(q)
        ? q.length === 18
          ? eq(persons.idNumber, q.toUpperCase())
          : like(persons.idNumber, `%${q.toUpperCase()}`)
        : or(ilike(persons.name, `%${q}%`))
      : undefined,
    category
      ? sql`exists (select 1 from ${personCategories} pc where pc.person_id = ${persons.id} and pc.category = ${category}
          and pc.start_date <= ${today} and (pc.end_date is null or pc.end_date >= ${today}))`
      : undefined,
    enrollmentStatus === 'enrolled'
      ? sql`exists (select 1 from ${enrollments} e where e.person_id = ${persons.id} and e.year = ${enrollmentYear} and e.basic_enrolled)`
      : enrollmentStatus === 'not_enrolled'
        ? sql`exists (select 1 from ${enrollments} e where e.person_id = ${persons.id} and e.year = ${enrollmentYear} and not e.basic_enrolled)`
        : enrollmentStatus === 'unrecorded'
          ? sql`not exists (select 1 from ${enrollments} e where e.person_id = ${persons.id} and e.year = ${enrollmentYear})`
          : undefined,
  );
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ person: persons, orgUnitName: orgUnits.name })
      .from(persons)
      .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
      .where(where)
      .orderBy(asc(persons.regionPath), asc(persons.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(persons).where(where),
  ]);
  const ids = rows.map((r) => r.person.id);
  const years = ids.length
    ? await ctx.db
        .select({ personId: enrollments.personId, basicEnrolled: enrollments.basicEnrolled })
        .from(enrollments)
        .where(and(sql`${enrollments.personId} in ${ids}`, eq(enrollments.year, enrollmentYear)))
    : [];
  const cats = ids.length
    ? await ctx.db
        .select()
        .from(personCategories)
        .where(
          and(
            sql`${personCategories.personId} in ${ids}`,
            sql`${personCategories.startDate} <= ${today}`,
            sql`(${personCategories.endDate} is null or ${personCategories.endDate} >= ${today})`,
          ),
        )
    : [];
  return {
    items: rows.map((r) => ({
      ...toPersonSummary({ ...r.person, orgUnitName: r.orgUnitName }),
      categories: cats.filter((c) => c.personId === r.person.id).map((c) => c.category),
      enrollmentStatus: ((e) => (e ? (e.basicEnrolled ? 'enrolled' : 'not_enrolled') : 'unrecorded'))(
        years.find((y) => y.personId === r.person.id),
      ) as 'enrolled' | 'not_enrolled' | 'unrecorded',
    })),
    enrollmentYear,
    total: total[0]?.n ?? 0,
    page,
    pageSize,
  };
}
