import {
  and,
  asc,
  claims,
  enrollments,
  eq,
  gt,
  like,
  orgUnits,
  personCategories,
  persons,
  sql,
  subsidyRunItems,
  subsidyRuns,
  type DbOrTx,
} from '@portal/db';
import {
  EMPTY_BENEFIT,
  LEDGER_GROUPS,
  LEDGER_GROUP_VISIT_TYPES,
  type LedgerBenefit,
  type TCategoryId,
  heldDuringYear,
} from '@portal/rules';
import { type Actor, inUserRegion } from '../../core/index.js';

/** Categories that annex 1 column 6 counts as 建档立卡 (含脱贫继续享受扶贫政策人员). */
const REGISTERED_POOR_LIKE: readonly TCategoryId[] = ['registered_poor', 'relapsed_poverty', 'unstable_exit', 'stable_exit'];

export interface LedgerRow {
  personId: string;
  poolingRegion: string;
  divisionCode: string;
  divisionName: string;
  name: string;
  idNumber: string;
  flags: {
    registeredPoor: boolean;
    urbanSubsistence: boolean;
    ruralSubsistence: boolean;
    urbanExtreme: boolean;
    ruralExtreme: boolean;
    urbanLowIncome: boolean;
    ruralLowIncome: boolean;
    urbanOtherHardship: boolean;
    ruralOtherHardship: boolean;
  };
  basicEnrolled: boolean | null;
  criticalEnrolled: boolean | null;
  subsidy: number | null;
  commercialSupplementary: boolean | null;
  benefits: Record<(typeof LEDGER_GROUPS)[number], LedgerBenefit>;
}

export interface LedgerScope {
  user: Actor;
  year: number;
  /** Path of the chosen org unit (inside the user's region), or the user's own region. */
  unitPath: string;
}

/** Beneficiaries of the ledger: people in the region who held a category on some day of the year. */
export function ledgerWhere(scope: LedgerScope) {
  return and(
    inUserRegion(scope.user, persons.regionPath),
    like(persons.regionPath, `${scope.unitPath}%`),
    sql`exists (select 1 from ${personCategories} pc where pc.person_id = ${persons.id} and pc.category <> 'ordinary' and pc.start_date <= ${`${scope.year}-12-31`} and (pc.end_date is null or pc.end_date >= ${`${scope.year}-01-01`}))`,
  );
}

/** Org units by path, to name the pooling region (the prefecture) and the division of each row. */
export async function loadUnits(db: DbOrTx, rootPath: string) {
  const top = rootPath.split('/').filter(Boolean).slice(0, 2).join('/');
  const rows = await db
    .select({ path: orgUnits.path, code: orgUnits.code, name: orgUnits.name, level: orgUnits.level })
    .from(orgUnits)
    .where(like(orgUnits.path, `/${top}/%`));
  return new Map(rows.map((r) => [r.path, r]));
}

function poolingRegion(units: Map<string, { name: string; level: string }>, path: string): string {
  const parts = path.split('/').filter(Boolean);
  let fallback = '';
  for (let i = parts.length; i >= 1; i--) {
    const u = units.get(`/${parts.slice(0, i).join('/')}/`);
    if (!u) continue;
    if (u.level === 'city') return u.name;
    if (u.level === 'province' && !fallback) fallback = u.name;
  }
  return fallback || (units.get(path)?.name ?? '');
}

/**
 * One page of ledger rows. `afterId` pages by person id (for streaming exports of any size);
 * `offset` pages for the screen.
 */
export async function queryLedgerPage(
  db: DbOrTx,
  scope: LedgerScope,
  units: Map<string, { code: string; name: string; level: string }>,
  page: { afterId?: string; offset?: number; limit: number },
): Promise<LedgerRow[]> {
  const people = await db
    .select({
      id: persons.id,
      name: persons.name,
      idNumber: persons.idNumber,
      hukouType: persons.hukouType,
      regionPath: persons.regionPath,
      townshipCode: persons.townshipCode,
      villageCode: persons.villageCode,
    })
    .from(persons)
    .where(and(ledgerWhere(scope), page.afterId ? gt(persons.id, page.afterId) : undefined))
    .orderBy(
      ...(page.afterId !== undefined || page.offset === undefined
        ? [asc(persons.id)]
        : [asc(persons.regionPath), asc(persons.name), asc(persons.id)]),
    )
    .limit(page.limit)
    .offset(page.offset ?? 0);
  if (!people.length) return [];
  const ids = people.map((p) => p.id);
  const idList = sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const [facts, years, subsidies, sums] = await Promise.all([
    db
      .select()
      .from(personCategories)
      .where(sql`${personCategories.personId} in ${idList}`),
    db
      .select()
      .from(enrollments)
      .where(and(sql`${enrollments.personId} in ${idList}`, eq(enrollments.year, scope.year))),
    db
      .selectDistinctOn([subsidyRunItems.personId], { personId: subsidyRunItems.personId, amount: subsidyRunItems.amount })
      .from(subsidyRunItems)
      .innerJoin(subsidyRuns, eq(subsidyRuns.id, subsidyRunItems.runId))
      .where(and(sql`${subsidyRunItems.personId} in ${idList}`, eq(subsidyRuns.year, scope.year)))
      .orderBy(subsidyRunItems.personId, sql`${subsidyRuns.createdAt} desc`),
    // Reversal rows carry negated amounts, so plain sums are what was paid; a reversal also un-counts its visit.
    db
      .select({
        personId: claims.personId,
        visitType: claims.visitType,
        visits: sql<number>`sum(case when ${claims.kind} = 'reversal' then -1 else 1 end)`.mapWith(Number),
        totalCost: sql<number>`sum(${claims.totalCost})`.mapWith(Number),
        basic: sql<number>`sum(${claims.basic})`.mapWith(Number),
        critical: sql<number>`sum(${claims.critical})`.mapWith(Number),
        assistance: sql<number>`sum(${claims.assistance})`.mapWith(Number),
        other: sql<number>`sum(${claims.tilted} + ${claims.hospitalReduction})`.mapWith(Number),
      })
      .from(claims)
      .where(and(sql`${claims.personId} in ${idList}`, eq(claims.year, scope.year)))
      .groupBy(claims.personId, claims.visitType),
  ]);
  return people.map((p) => {
    const held = new Set(facts.filter((f) => f.personId === p.id && heldDuringYear(f, scope.year)).map((f) => f.category));
    const urban = p.hukouType === 'urban';
    const e = years.find((y) => y.personId === p.id);
    const unit = units.get(p.regionPath);
    const benefits = Object.fromEntries(
      LEDGER_GROUPS.map((g) => {
        const s = sums.find((x) => x.personId === p.id && x.visitType === LEDGER_GROUP_VISIT_TYPES[g]);
        return [
          g,
          s
            ? { visits: s.visits, totalCost: s.totalCost, basic: s.basic, critical: s.critical, assistance: s.assistance, other: s.other }
            : EMPTY_BENEFIT,
        ];
      }),
    ) as LedgerRow['benefits'];
    return {
      personId: p.id,
      poolingRegion: poolingRegion(units, p.regionPath),
      divisionCode: p.villageCode ?? p.townshipCode ?? unit?.code ?? '',
      divisionName: unit?.name ?? '',
      name: p.name,
      idNumber: p.idNumber,
      flags: {
        registeredPoor: REGISTERED_POOR_LIKE.some((c) => held.has(c)),
        urbanSubsistence: urban && held.has('subsistence_allowance'),
        ruralSubsistence: !urban && held.has('subsistence_allowance'),
        urbanExtreme: urban && held.has('extreme_poverty'),
        ruralExtreme: !urban && held.has('extreme_poverty'),
        urbanLowIncome: urban && held.has('low_income'),
        ruralLowIncome: !urban && held.has('low_income'),
        urbanOtherHardship: urban && held.has('other_hardship'),
        ruralOtherHardship: !urban && held.has('other_hardship'),
      },
      basicEnrolled: e ? e.basicEnrolled : null,
      criticalEnrolled: e ? e.criticalEnrolled : null,
      subsidy: subsidies.find((s) => s.personId === p.id)?.amount ?? null,
      commercialSupplementary: e ? e.commercialSupplementary : null,
      benefits,
    };
  });
}

const yesNo = (b: boolean | null) => (b === null ? '' : b ? '是' : '否');

/** The 36 cells of a row in column order (money in fen; the exporter turns it into yuan). */
export function ledgerCells(r: LedgerRow, idNumber: string): (string | number | null)[] {
  const f = r.flags;
  return [
    r.poolingRegion,
    r.divisionCode,
    r.divisionName,
    r.name,
    idNumber,
    yesNo(f.registeredPoor),
    yesNo(f.urbanSubsistence),
    yesNo(f.ruralSubsistence),
    yesNo(f.urbanExtreme),
    yesNo(f.ruralExtreme),
    yesNo(f.urbanLowIncome),
    yesNo(f.ruralLowIncome),
    yesNo(f.urbanOtherHardship),
    yesNo(f.ruralOtherHardship),
    yesNo(r.basicEnrolled),
    yesNo(r.criticalEnrolled),
    r.subsidy,
    yesNo(r.commercialSupplementary),
    ...LEDGER_GROUPS.flatMap((g) => {
      const b = r.benefits[g];
      return [b.visits, b.totalCost, b.basic, b.critical, b.assistance, b.other];
    }),
  ];
}
