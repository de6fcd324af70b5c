import type { z } from 'zod';
import {
  asc,
  desc,
  eq,
  inArray,
  like,
  orgUnits,
  responsibilityRounds,
  responsibilitySubmissions,
  responsibilityVersions,
  type DbOrTx,
} from '@portal/db';
import {
  DEFAULT_CALENDAR,
  type TResponsibleSearch,
  type TRoundRollup,
  type ZSearchResponsibleInput,
  computeReportingStatus,
  orderRows,
  rowLabel,
} from '@portal/rules';
import { type ZGetRoundInput } from './rounds.js';
import { canSeePhones, getSupervisedRound, presentRows, seesSubtree, type Round } from './internal.js';
import { type Actor, type ActorContext, chinaDate } from '../../core/index.js';

/** A unit of a supervised round with its latest submitted version (null when it has never submitted). */
export type UnitTable = TRoundRollup['units'][number];

/** Every unit of a supervised round with its latest submitted table. */
export async function loadRoundTables(db: DbOrTx, user: Actor, round: Round, today: string): Promise<UnitTable[]> {
  const subs = await db
    .select({ sub: responsibilitySubmissions, unitName: orgUnits.name, unitCode: orgUnits.code })
    .from(responsibilitySubmissions)
    .innerJoin(orgUnits, eq(orgUnits.id, responsibilitySubmissions.orgUnitId))
    .where(eq(responsibilitySubmissions.roundId, round.id))
    .orderBy(asc(orgUnits.code));
  const ids = subs.map((s) => s.sub.id);
  const versions = ids.length
    ? await db
        .select()
        .from(responsibilityVersions)
        .where(inArray(responsibilityVersions.submissionId, ids))
        .orderBy(desc(responsibilityVersions.version))
    : [];
  return subs.map(({ sub, unitName, unitCode }) => {
    const latest = versions.find((v) => v.submissionId === sub.id);
    const status = computeReportingStatus(DEFAULT_CALENDAR, {
      stage: sub.stage,
      dueDate: round.dueDate,
      today,
      submittedOn: sub.submittedAt ? chinaDate(sub.submittedAt) : null,
    });
    return {
      submissionId: sub.id,
      orgUnitId: sub.orgUnitId,
      unitName,
      unitCode,
      status: status.status,
      stage: status.stage,
      workingDaysOverdue: status.workingDaysOverdue,
      version: latest
        ? {
            version: latest.version,
            filledDate: latest.filledDate,
            sealConfirmedBy: latest.sealConfirmedBy,
            submittedAt: latest.submittedAt.toISOString(),
            rows: presentRows(orderRows(round.template, latest.rows), canSeePhones(user, sub.orgUnitId)),
          }
        : null,
    };
  });
}

/** The roll-up of a round: all units' latest tables in one view. */
export async function getRoundRollup({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZGetRoundInput> }): Promise<TRoundRollup> {
  const user = ctx.actor;
  const { id } = input;
  const round = await getSupervisedRound(ctx.db, user, id);
  const units = await loadRoundTables(ctx.db, user, round, chinaDate(ctx.now()));
  return { id: round.id, title: round.title, dueDate: round.dueDate, template: round.template, units };
}

/**
 * "Who is responsible for X in Y": searches the latest submitted version of every reporting unit
 * in the caller's scope (across rounds), by responsibility, name, post or department.
 */
export async function searchResponsible({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZSearchResponsibleInput>;
}): Promise<TResponsibleSearch> {
  const user = ctx.actor;
  const { q, orgUnitId } = input;
  let scopePath: string | null = null;
  if (orgUnitId) {
    const [unit] = await ctx.db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, orgUnitId)).limit(1);
    scopePath = unit?.path ?? '/nowhere/';
  }
  const rows = await ctx.db
    .select({ version: responsibilityVersions, sub: responsibilitySubmissions, round: responsibilityRounds, unitName: orgUnits.name })
    .from(responsibilityVersions)
    .innerJoin(responsibilitySubmissions, eq(responsibilitySubmissions.id, responsibilityVersions.submissionId))
    .innerJoin(responsibilityRounds, eq(responsibilityRounds.id, responsibilitySubmissions.roundId))
    .innerJoin(orgUnits, eq(orgUnits.id, responsibilitySubmissions.orgUnitId))
    .where(
      seesSubtree(user)
        ? like(responsibilitySubmissions.regionPath, `${user.regionPath}%`)
        : eq(responsibilitySubmissions.orgUnitId, user.orgUnitId),
    )
    .orderBy(desc(responsibilityVersions.submittedAt), desc(responsibilityVersions.version));
  // Newest version per reporting unit, whatever the round.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.sub.orgUnitId)) latest.set(r.sub.orgUnitId, r);
  const needle = q.toLowerCase();
  const hits = [];
  for (const r of latest.values()) {
    if (scopePath && !r.sub.regionPath.startsWith(scopePath)) continue;
    const showPhones = canSeePhones(user, r.sub.orgUnitId);
    for (const row of orderRows(r.round.template, r.version.rows)) {
      const label = rowLabel(r.round.template, row);
      const haystack = [label, row.name, row.post, row.unitAndDepartment].join('\u0001').toLowerCase();
      if (needle && !haystack.includes(needle)) continue;
      hits.push({
        unitName: r.unitName,
        orgUnitId: r.sub.orgUnitId,
        submissionId: r.sub.id,
        roundTitle: r.round.title,
        version: r.version.version,
        submittedAt: r.version.submittedAt.toISOString(),
        isReturned: r.sub.stage === 'returned',
        responsibility: label,
        ...presentRows([row], showPhones)[0]!,
      });
    }
  }
  return { items: hits.slice(0, 500), total: hits.length };
}
