import { desc, eq, households, orgUnits, personCategories, persons, sql, type DbOrTx } from '@portal/db';
import { categoriesOn, PROFILE_CATEGORIES, sortCategories, type TCategoryId, type TProfileId } from '@portal/rules';
import { type ActorContext, findScopedById, preconditionFailed } from '../../core/index.js';

type PersonRow = typeof persons.$inferSelect;
type OrgUnitRow = typeof orgUnits.$inferSelect;

/** What every domain that acts for a person on a date needs to know about them. */
export interface PersonFacts {
  person: PersonRow;
  /** The org unit the person is registered at (a county or a township). */
  orgUnit: OrgUnitRow;
  profile: TProfileId;
  /** The person's county (six-digit GB/T 2260 code): see `getPersonFacts` for the rule. */
  countyCode: string;
  countyName: string;
  /** The date the categories were read on. */
  date: string;
  /**
   * The categories held on `date` (start and end inclusive) that the profile recognises (RULES §2),
   * in order of precedence; `ordinary` only when it is recorded.
   */
  categories: TCategoryId[];
  household: { id: string; householdNo: string | null; headPersonId: string | null; relationship: string | null } | null;
}

/**
 * The one loader of a person's facts on a date: the person (refused when missing — 参保人不存在 —
 * or outside the caller's region — 不在您的管辖范围内), their org unit, policy profile and county,
 * the categories they held on `date`, and their household.
 *
 * **County rule.** The county code is the code of the county-level org unit the person belongs to:
 * their own unit's code when they are registered at a county (区县), the first six digits of it
 * when they are registered at a township (乡镇 codes extend their county's six digits, GB/T 2260,
 * which `admin.createOrgUnit` enforces). A person registered above county level has no county and
 * is refused (persons are registered at a county or a township).
 *
 * **Profile rule.** The person's own unit's profile, else the nearest ancestor's (a unit created
 * under a jurisdiction inherits it).
 */
export async function getPersonFacts(ctx: ActorContext, personId: string, date: string): Promise<PersonFacts> {
  const person = await findScopedById(ctx, persons, personId, '参保人');
  const [units, facts, household] = await Promise.all([
    unitsOnPath(ctx.db, person.regionPath),
    ctx.db
      .select({ category: personCategories.category, startDate: personCategories.startDate, endDate: personCategories.endDate })
      .from(personCategories)
      .where(eq(personCategories.personId, person.id)),
    person.householdId
      ? ctx.db
          .select({ id: households.id, householdNo: households.householdNo, headPersonId: households.headPersonId })
          .from(households)
          .where(eq(households.id, person.householdId))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const { orgUnit, profile } = orgFactsOf(person, units);
  if (!profile) throw preconditionFailed('参保人所属机构未设定政策口径');
  const countyCode = countyCodeOf(orgUnit);
  if (!countyCode) {
    throw preconditionFailed(`参保人登记在${orgUnit.name}（县级以上机构），无法确定所属县（市、区），请先将其所属区划改为县或乡镇`);
  }
  const allowed = new Set<TCategoryId>(PROFILE_CATEGORIES[profile]);
  const h = household[0];
  return {
    person,
    orgUnit,
    profile,
    countyCode,
    countyName: units.find((u) => u.code === countyCode)?.name ?? orgUnit.name,
    date,
    categories: sortCategories(categoriesOn(facts, date).filter((c) => allowed.has(c))),
    household: h ? { ...h, relationship: person.relationship } : null,
  };
}

/** The county code of an org unit by the rule of `getPersonFacts`, or null above county level. */
export function countyCodeOf(unit: Pick<OrgUnitRow, 'level' | 'code'>): string | null {
  if (unit.level === 'county') return unit.code;
  if (unit.level === 'township') return unit.code.slice(0, 6);
  return null;
}

/** The person's org unit and profile (the profile rule of `getPersonFacts`), for pages that need no county. */
export async function getPersonOrgFacts(db: DbOrTx, person: Pick<PersonRow, 'orgUnitId' | 'regionPath'>) {
  return orgFactsOf(person, await unitsOnPath(db, person.regionPath));
}

/** The org units whose region contains `regionPath`, nearest first. */
async function unitsOnPath(db: DbOrTx, regionPath: string): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(sql`${regionPath} like ${orgUnits.path} || '%'`)
    .orderBy(desc(sql`length(${orgUnits.path})`));
}

function orgFactsOf(person: Pick<PersonRow, 'orgUnitId'>, units: OrgUnitRow[]): { orgUnit: OrgUnitRow; profile: TProfileId | null } {
  const orgUnit = units.find((u) => u.id === person.orgUnitId);
  if (!orgUnit) throw preconditionFailed('参保人所属机构信息不完整');
  const profile = units.find((u) => u.profile)?.profile ?? null;
  return { orgUnit, profile };
}
