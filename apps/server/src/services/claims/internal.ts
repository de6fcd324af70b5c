import { and, eq, gte, isNull, lte, or, orgUnits, personCategories, personYearAccumulators, persons, sql, type DbOrTx } from '@portal/db';
import { createEmptyYtd, PROFILE_CATEGORIES, sortCategories, ZYtd, type TCategoryId, type TProfileId, type TYtd } from '@portal/rules';
import { type Actor, assertInUserRegion, notFound, preconditionFailed } from '../../core/index.js';

/** Loads a person the user may settle for, with the org unit facts the settlement needs. */
export async function loadPerson(tx: DbOrTx, user: Actor, personId: string) {
  const row = (
    await tx
      .select({ person: persons, unit: orgUnits })
      .from(persons)
      .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
      .where(eq(persons.id, personId))
      .limit(1)
  )[0];
  if (!row) throw notFound('参保人不存在');
  assertInUserRegion(user, row.person.regionPath, '该参保人');
  if (!row.unit.profile) throw preconditionFailed('参保人所属机构未设定政策口径');
  return {
    person: row.person,
    orgUnit: row.unit,
    profile: row.unit.profile as TProfileId,
    /** County code: the person's county org unit (a township's first six digits). */
    countyCode: row.unit.code.slice(0, 6),
  };
}

/** The categories the person held on a date that the profile recognises (RULES §2). */
export async function categoriesOnDate(tx: DbOrTx, personId: string, date: string, profile: TProfileId): Promise<TCategoryId[]> {
  const rows = await tx
    .select({ category: personCategories.category })
    .from(personCategories)
    .where(
      and(
        eq(personCategories.personId, personId),
        lte(personCategories.startDate, date),
        or(isNull(personCategories.endDate), gte(personCategories.endDate, date)),
      ),
    );
  const allowed = new Set<string>(PROFILE_CATEGORIES[profile]);
  return sortCategories(rows.map((r) => r.category as TCategoryId).filter((c) => allowed.has(c)));
}

/** The person's accumulators for a year (zeros when there are none yet). */
export async function readYtd(tx: DbOrTx, personId: string, year: number): Promise<TYtd> {
  const row = (
    await tx
      .select()
      .from(personYearAccumulators)
      .where(and(eq(personYearAccumulators.personId, personId), eq(personYearAccumulators.year, year)))
      .limit(1)
  )[0];
  return row ? ZYtd.parse(row.ytd) : createEmptyYtd();
}

/**
 * Reads the accumulators under a row lock (created first if missing), so concurrent settlements
 * of the same person queue behind each other and each sees the other's result.
 */
export async function lockYtd(tx: DbOrTx, personId: string, year: number): Promise<{ id: string; ytd: TYtd; claimCount: number }> {
  await tx.insert(personYearAccumulators).values({ personId, year, ytd: createEmptyYtd() }).onConflictDoNothing();
  const row = (
    await tx
      .select()
      .from(personYearAccumulators)
      .where(and(eq(personYearAccumulators.personId, personId), eq(personYearAccumulators.year, year)))
      .for('update')
      .limit(1)
  )[0];
  if (!row) throw new Error('accumulator row missing after insert');
  return { id: row.id, ytd: ZYtd.parse(row.ytd), claimCount: row.claimCount };
}

export async function nextClaimNo(tx: DbOrTx, year: number): Promise<string> {
  const result = await tx.execute(sql`select nextval('claim_no_seq') as n`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: string | number }[];
  return `JS${year}${String(rows[0]?.n ?? 0).padStart(7, '0')}`;
}
