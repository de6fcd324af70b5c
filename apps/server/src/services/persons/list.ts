import { and, enrollments, eq, like, orgUnits, personCategories, persons, sql, type SQL } from '@portal/db';
import { type TPersonListPage, ZCategoryId } from '@portal/rules';
import { z } from 'zod';
import { toPersonSummary } from './internal.js';
import { type ActorContext, boundedCount, chinaDate, getScopedOrgUnit, inUserRegion, paginate, underRegion } from '../../core/index.js';

export const ZListPersonsInput = z.object({
  q: z.string().trim().max(32, '检索词过长').optional(),
  orgUnitId: z.uuid().optional(),
  category: ZCategoryId.optional(),
  /** Enrollment status for `year` (default: this year): enrolled, not enrolled, or nothing recorded yet. */
  enrollmentStatus: z.enum(['enrolled', 'not_enrolled', 'unrecorded']).optional(),
  year: z.number().int().min(2017).max(2100).optional(),
  cursor: z.string().max(400).optional(),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** What the search box holds: a whole ID number, its last digits, or the start of a name. */
function searchOf(q: string | undefined) {
  if (!q) return { kind: 'none' as const };
  if (/^[0-9xX]{4,18}$/.test(q)) {
    const digits = q.toUpperCase();
    return digits.length === 18 ? { kind: 'id' as const, value: digits } : { kind: 'suffix' as const, value: digits };
  }
  return { kind: 'name' as const, value: q };
}

/** `LIKE` pattern matching text that starts with `value` (its own % and _ taken literally). */
export function startsWith(value: string): string {
  return `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The condition on `persons` for what the search box holds: a whole ID number (exact), its last
 * 4–17 digits (a prefix match on the reversed number, indexed) or the start of a name (indexed).
 * Other lists search by person with it (the claim list).
 */
export function personSearchCondition(q: string | undefined): SQL | undefined {
  const search = searchOf(q);
  if (search.kind === 'id') return eq(persons.idNumber, search.value);
  if (search.kind === 'suffix') return sql`reverse(${persons.idNumber}) like ${startsWith([...search.value].reverse().join(''))}`;
  if (search.kind === 'name') return like(persons.name, startsWith(search.value));
  return undefined;
}

/**
 * Persons in the caller's region subtree, by keyset. `q` is a whole ID number, its last 4–17
 * digits (a prefix match on the reversed number), or the start of a name; each shape has an index
 * whose order is the list's order (region, name; name; reversed ID number), so page 500 costs what
 * page 1 costs. The count is exact up to 1 000 and estimated above (约 N 条).
 */
export async function listPersons({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListPersonsInput>;
}): Promise<TPersonListPage> {
  const { q, orgUnitId, category, enrollmentStatus, year, cursor, pageSize } = input;
  const today = chinaDate(ctx.now());
  const enrollmentYear = year ?? Number(today.slice(0, 4));
  const unitPath = orgUnitId ? (await getScopedOrgUnit(ctx.db, ctx.actor, orgUnitId)).path : undefined;
  const search = searchOf(q);
  const where = and(
    inUserRegion(ctx.actor, persons.regionPath),
    unitPath ? underRegion(unitPath, persons.regionPath) : undefined,
    personSearchCondition(q),
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
  const keys = search.kind === 'name' ? [persons.name, persons.id] : [persons.regionPath, persons.name, persons.id];
  const [page, count] = await Promise.all([
    paginate({
      cursor,
      limit: pageSize,
      keys,
      direction: 'asc',
      query: (after, limit, orderBy) =>
        ctx.db
          .select({ person: persons, orgUnitName: orgUnits.name })
          .from(persons)
          .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
          .where(and(where, after))
          .orderBy(...orderBy)
          .limit(limit),
      keyOf: (r) => (search.kind === 'name' ? [r.person.name, r.person.id] : [r.person.regionPath, r.person.name, r.person.id]),
    }),
    boundedCount(ctx.db, persons, where),
  ]);
  const rows = page.items;
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
    nextCursor: page.nextCursor,
    count,
  };
}
