import { and, asc, count, desc, eq, orgUnits, persons, sql, subsidyRunItems, subsidyRuns, sum, users } from '@portal/db';
import { type TSubsidyRunDetail, type TSubsidyRunSummary, maskIdNumber } from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, assertInUserRegion, inUserRegion, notFound } from '../../core/index.js';

/** Runs in the caller's region, newest first. */
export async function listSubsidyRuns({ ctx }: { ctx: ActorContext }): Promise<TSubsidyRunSummary[]> {
  const rows = await ctx.db
    .select({ r: subsidyRuns, orgUnitName: orgUnits.name, createdByName: users.displayName })
    .from(subsidyRuns)
    .innerJoin(orgUnits, eq(orgUnits.id, subsidyRuns.orgUnitId))
    .innerJoin(users, eq(users.id, subsidyRuns.createdBy))
    .where(inUserRegion(ctx.actor, subsidyRuns.regionPath))
    .orderBy(desc(subsidyRuns.createdAt))
    .limit(50);
  return rows.map(({ r, orgUnitName, createdByName }) => ({
    id: r.id,
    year: r.year,
    orgUnitName,
    profile: r.profile,
    personCount: r.personCount,
    subsidisedCount: r.subsidisedCount,
    totalAmount: r.totalAmount,
    createdByName,
    createdAt: r.createdAt.toISOString(),
  }));
}

export const ZGetSubsidyRunInput = z.object({
  id: z.uuid(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export async function loadScopedRun(ctx: ActorContext, id: string) {
  const row = (
    await ctx.db
      .select({ r: subsidyRuns, orgUnitName: orgUnits.name, createdByName: users.displayName })
      .from(subsidyRuns)
      .innerJoin(orgUnits, eq(orgUnits.id, subsidyRuns.orgUnitId))
      .innerJoin(users, eq(users.id, subsidyRuns.createdBy))
      .where(eq(subsidyRuns.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('资助计算记录不存在');
  assertInUserRegion(ctx.actor, row.r.regionPath, '该计算记录');
  return row;
}

/** Summary of a run by county and applied category (sums in fen). */
export async function summariseRun(ctx: ActorContext, runId: string) {
  const rows = await ctx.db
    .select({
      countyName: subsidyRunItems.countyName,
      category: subsidyRunItems.appliedCategory,
      persons: count(),
      amount: sum(subsidyRunItems.amount).mapWith(Number),
      personPays: sum(subsidyRunItems.personPays).mapWith(Number),
      province: sql<number>`coalesce(sum(${subsidyRunItems.shareProvince}), 0)`.mapWith(Number),
      prefecture: sql<number>`coalesce(sum(${subsidyRunItems.sharePrefecture}), 0)`.mapWith(Number),
      county: sql<number>`coalesce(sum(${subsidyRunItems.shareCounty}), 0)`.mapWith(Number),
      assistanceFund: sql<number>`coalesce(sum(${subsidyRunItems.assistanceFund}), 0)`.mapWith(Number),
      fiscal: sql<number>`coalesce(sum(${subsidyRunItems.fiscal}), 0)`.mapWith(Number),
    })
    .from(subsidyRunItems)
    .where(eq(subsidyRunItems.runId, runId))
    .groupBy(subsidyRunItems.countyName, subsidyRunItems.appliedCategory)
    .orderBy(asc(subsidyRunItems.countyName), asc(subsidyRunItems.appliedCategory));
  return rows;
}

/** A run with its summary and one page of its people. */
export async function getSubsidyRun({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZGetSubsidyRunInput>;
}): Promise<TSubsidyRunDetail> {
  const { id, page, pageSize } = input;
  const { r, orgUnitName, createdByName } = await loadScopedRun(ctx, id);
  const [summary, items, total] = await Promise.all([
    summariseRun(ctx, id),
    ctx.db
      .select({ i: subsidyRunItems, name: persons.name, idNumber: persons.idNumber })
      .from(subsidyRunItems)
      .innerJoin(persons, eq(persons.id, subsidyRunItems.personId))
      .where(eq(subsidyRunItems.runId, id))
      .orderBy(asc(subsidyRunItems.countyName), asc(persons.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db
      .select({ n: count() })
      .from(subsidyRunItems)
      .where(and(eq(subsidyRunItems.runId, id))),
  ]);
  return {
    id: r.id,
    year: r.year,
    profile: r.profile,
    orgUnitName,
    createdByName,
    createdAt: r.createdAt.toISOString(),
    personCount: r.personCount,
    subsidisedCount: r.subsidisedCount,
    totalAmount: r.totalAmount,
    summary,
    items: items.map(({ i, name, idNumber }) => ({
      id: i.id,
      personId: i.personId,
      name,
      idNumberMasked: maskIdNumber(idNumber),
      countyName: i.countyName,
      categories: i.categories,
      appliedCategory: i.appliedCategory,
      premium: i.premium,
      amount: i.amount,
      personPays: i.personPays,
      shares:
        i.shareProvince === null ? null : { province: i.shareProvince, prefecture: i.sharePrefecture ?? 0, county: i.shareCounty ?? 0 },
      funding: i.assistanceFund === null ? null : { assistanceFund: i.assistanceFund, fiscal: i.fiscal ?? 0 },
      explain: i.explain,
      clause: i.clause,
    })),
    total: total[0]?.n ?? 0,
    page,
    pageSize,
  };
}
