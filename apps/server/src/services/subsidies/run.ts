import type { z } from 'zod';
import { and, asc, eq, like, orgUnits, personCategories, persons, sql, subsidyRunItems, subsidyRuns } from '@portal/db';
import {
  PROFILES,
  type TSubsidyRunCreated,
  ZSubsidyParamsPatch,
  type ZSubsidyRunInput,
  categoriesForPremiumYear,
  computeSubsidy,
} from '@portal/rules';
import { resolvePolicyParams } from '../params/index.js';
import { resolvePremium } from './premiums.js';
import { type ActorContext, invalid, preconditionFailed, writeAudit, getScopedOrgUnit, withTransaction } from '../../core/index.js';

const CHUNK = 1000;

/**
 * Computes every beneficiary's premium subsidy for a year in a county (or every county of a
 * city) with the rules package, using the premium and the subsidy parameters in force on 1
 * January of the year, and stores the run. Everything is computed before anything is written, so
 * a missing premium or a person the rules refuse leaves no half-made run.
 */
export async function runSubsidies({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZSubsidyRunInput>;
}): Promise<TSubsidyRunCreated> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    if (unit.level !== 'county' && unit.level !== 'city') throw invalid('请选择县（市、区）或市（州）', 'orgUnitId');
    const profile = unit.profile;
    if (!profile) throw invalid('该机构未设定政策口径', 'orgUnitId');
    if (data.year < PROFILES[profile].fromYear)
      throw invalid(`${PROFILES[profile].label}政策自 ${PROFILES[profile].fromYear} 年起适用`, 'year');
    const counties =
      unit.level === 'county'
        ? [unit]
        : await ctx.db
            .select()
            .from(orgUnits)
            .where(and(like(orgUnits.path, `${unit.path}%`), eq(orgUnits.level, 'county')))
            .orderBy(asc(orgUnits.code));
    const items: (typeof subsidyRunItems.$inferInsert)[] = [];
    let personCount = 0;
    for (const county of counties) {
      const premium = await resolvePremium(ctx.db, county.path, data.year);
      if (!premium)
        throw preconditionFailed(
          `${county.name}尚未设置 ${data.year} 年度个人缴费标准，请由管理员在“缴费标准与资助参数”页设置后再计算`,
          'year',
          {
            fixPath: '/admin/premiums',
            fixLabel: '前往“缴费标准与资助参数”页',
          },
        );
      const params = await resolvePolicyParams(ctx.db, { regionPath: county.path, profile, date: `${data.year}-01-01` });
      const subsidyParams = ZSubsidyParamsPatch.parse(params.subsidyOverride);
      const people = await ctx.db
        .select({ id: persons.id, idNumber: persons.idNumber })
        .from(persons)
        .where(
          and(
            like(persons.regionPath, `${county.path}%`),
            sql`exists (select 1 from ${personCategories} pc where pc.person_id = ${persons.id} and pc.start_date <= ${`${data.year}-12-31`} and (pc.end_date is null or pc.end_date >= ${`${data.year}-01-01`}))`,
          ),
        )
        .orderBy(asc(persons.id));
      for (let i = 0; i < people.length; i += CHUNK) {
        const slice = people.slice(i, i + CHUNK);
        const facts = await ctx.db
          .select()
          .from(personCategories)
          .where(sql`${personCategories.personId} in ${slice.map((p) => p.id)}`);
        for (const p of slice) {
          const categories = categoriesForPremiumYear(
            profile,
            data.year,
            facts.filter((f) => f.personId === p.id),
          );
          if (!categories.length) continue;
          personCount++;
          const countyCode = /^\d{6}$/.test(county.code) ? county.code : p.idNumber.slice(0, 6);
          const r = computeSubsidy({
            profile,
            year: data.year,
            premium: premium.tier1,
            params: { subsidy: subsidyParams },
            person: { categories, countyCode },
          });
          items.push({
            runId: '',
            personId: p.id,
            countyName: county.name,
            premium: premium.tier1,
            paramVersionId: params.versionId,
            categories,
            appliedCategory: r.appliedCategory,
            amount: r.amount,
            personPays: r.personPays,
            shareProvince: r.shares?.province ?? null,
            sharePrefecture: r.shares?.prefecture ?? null,
            shareCounty: r.shares?.county ?? null,
            assistanceFund: r.funding?.assistanceFund ?? null,
            fiscal: r.funding?.fiscal ?? null,
            explain: r.explain,
            clause: r.clause,
          });
        }
      }
    }
    const totalAmount = items.reduce((s, i) => s + (i.amount ?? 0), 0);
    const [run] = await ctx.db
      .insert(subsidyRuns)
      .values({
        orgUnitId: unit.id,
        regionPath: unit.path,
        year: data.year,
        profile,
        personCount,
        subsidisedCount: items.filter((i) => (i.amount ?? 0) > 0).length,
        totalAmount,
        createdBy: me.id,
      })
      .returning();
    if (!run) throw new Error('insert returned no row');
    for (let i = 0; i < items.length; i += CHUNK)
      await ctx.db.insert(subsidyRunItems).values(items.slice(i, i + CHUNK).map((it) => ({ ...it, runId: run.id })));
    await writeAudit(ctx, {
      action: 'subsidy.run',
      entity: 'subsidy_run',
      entityId: run.id,
      regionPath: unit.path,
      after: { year: data.year, orgUnitId: unit.id, personCount, totalAmount },
    });
    return { id: run.id, personCount, totalAmount };
  });
}
