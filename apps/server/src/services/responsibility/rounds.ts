import { asc, desc, eq, inArray, like, or, orgUnits, responsibilityRounds, responsibilitySubmissions, users } from '@portal/db';
import {
  DEFAULT_CALENDAR,
  REPORTING_STATUS_LABELS,
  type TRecordRef,
  type TReportingStatus,
  type TRoundListItem,
  type TRoundSupervision,
  type ZOpenRoundInput,
  buildReminderText,
  computeReportingStatus,
} from '@portal/rules';
import { z } from 'zod';
import { getSupervisedRound, resolveTemplate, seesSubtree, type Round } from './internal.js';
import { type ActorContext, chinaDate, forbidden, invalid, writeAudit, withTransaction } from '../../core/index.js';

/**
 * A province or city supervisor opens a round for units of its own region (below its own unit).
 * One submission per unit is created at once, so "not started" is a row, not an absence.
 */
export async function openRound({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZOpenRoundInput> }): Promise<TRecordRef> {
  const user = ctx.actor;
  if (user.orgLevel !== 'province' && user.orgLevel !== 'city') throw forbidden('只有省级或市（州）级可以发起责任分工表填报');
  const data = input;
  const today = chinaDate(ctx.now());
  if (data.dueDate < today) throw invalid('截止日期不能早于今天', 'dueDate');
  const unitIds = [...new Set(data.orgUnitIds)];
  return withTransaction(ctx, async (ctx) => {
    const template = await resolveTemplate(ctx.db, user, data.templateKey);
    if (!template) throw invalid('模板不存在或无权使用', 'templateKey');
    const units = await ctx.db.select().from(orgUnits).where(inArray(orgUnits.id, unitIds));
    if (units.length !== unitIds.length) throw invalid('所选填报单位不存在', 'orgUnitIds');
    const outside = units.find((u) => !u.path.startsWith(user.regionPath) || u.id === user.orgUnitId);
    if (outside) throw forbidden(`${outside.name}不是本单位的下级单位，不能作为填报单位`);
    const [round] = await ctx.db
      .insert(responsibilityRounds)
      .values({
        title: data.title,
        templateKey: template.key,
        template,
        dueDate: data.dueDate,
        instructions: data.instructions,
        orgUnitId: user.orgUnitId,
        regionPath: user.regionPath,
        openedBy: user.id,
      })
      .returning();
    if (!round) throw new Error('insert returned no row');
    await ctx.db.insert(responsibilitySubmissions).values(units.map((u) => ({ roundId: round.id, orgUnitId: u.id, regionPath: u.path })));
    await writeAudit(ctx, {
      action: 'responsibility_round.open',
      entity: 'responsibility_round',
      entityId: round.id,
      regionPath: round.regionPath,
      after: { title: round.title, template: template.key, dueDate: round.dueDate, units: units.map((u) => u.name) },
    });
    return { id: round.id };
  });
}

/**
 * Rounds the caller deals with: those opened in its subtree (supervisors, admins) and those in
 * which its own unit — or, for supervisors, a unit of its subtree — has to report.
 */
export async function listRounds({ ctx }: { ctx: ActorContext }): Promise<TRoundListItem[]> {
  const user = ctx.actor;
  const mine = seesSubtree(user)
    ? like(responsibilitySubmissions.regionPath, `${user.regionPath}%`)
    : eq(responsibilitySubmissions.orgUnitId, user.orgUnitId);
  const reporting = ctx.db.select({ id: responsibilitySubmissions.roundId }).from(responsibilitySubmissions).where(mine);
  const rows = await ctx.db
    .select({ round: responsibilityRounds, openerName: orgUnits.name })
    .from(responsibilityRounds)
    .innerJoin(orgUnits, eq(orgUnits.id, responsibilityRounds.orgUnitId))
    .where(
      or(
        seesSubtree(user) ? like(responsibilityRounds.regionPath, `${user.regionPath}%`) : undefined,
        inArray(responsibilityRounds.id, reporting),
      ),
    )
    .orderBy(desc(responsibilityRounds.createdAt));
  const ids = rows.map((r) => r.round.id);
  const subs = ids.length
    ? await ctx.db
        .select({
          roundId: responsibilitySubmissions.roundId,
          id: responsibilitySubmissions.id,
          orgUnitId: responsibilitySubmissions.orgUnitId,
          regionPath: responsibilitySubmissions.regionPath,
          stage: responsibilitySubmissions.stage,
          submittedAt: responsibilitySubmissions.submittedAt,
        })
        .from(responsibilitySubmissions)
        .where(inArray(responsibilitySubmissions.roundId, ids))
    : [];
  const today = chinaDate(ctx.now());
  return rows.map(({ round, openerName }) => {
    const all = subs.filter((s) => s.roundId === round.id);
    const supervised = seesSubtree(user) && round.regionPath.startsWith(user.regionPath);
    const statuses = all.map((s) => statusOf(round, s, today).status);
    const own = all.find((s) => s.orgUnitId === user.orgUnitId);
    return {
      id: round.id,
      title: round.title,
      templateName: round.template.name,
      dueDate: round.dueDate,
      openerName,
      createdAt: round.createdAt.toISOString(),
      canSupervise: supervised,
      counts: supervised ? countStatuses(statuses) : null,
      ownSubmission: own ? { id: own.id, ...statusOf(round, own, today) } : null,
    };
  });
}

function statusOf(
  round: Round,
  sub: { stage: 'not_started' | 'draft' | 'submitted' | 'returned'; submittedAt: Date | null },
  today: string,
) {
  return computeReportingStatus(DEFAULT_CALENDAR, {
    stage: sub.stage,
    dueDate: round.dueDate,
    today,
    submittedOn: sub.submittedAt ? chinaDate(sub.submittedAt) : null,
  });
}

function countStatuses(statuses: TReportingStatus[]) {
  const counts: Record<TReportingStatus, number> = { not_started: 0, draft: 0, submitted: 0, returned: 0, overdue: 0 };
  for (const s of statuses) counts[s] += 1;
  return { ...counts, total: statuses.length };
}

export const ZGetRoundInput = z.object({ id: z.uuid() });

/** The supervision table of a round: every unit with its status, and the reminder to copy. */
export async function getRoundSupervision({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZGetRoundInput>;
}): Promise<TRoundSupervision> {
  const user = ctx.actor;
  const { id } = input;
  const round = await getSupervisedRound(ctx.db, user, id);
  const today = chinaDate(ctx.now());
  const subs = await ctx.db
    .select({ sub: responsibilitySubmissions, unitName: orgUnits.name, unitCode: orgUnits.code, updatedByName: users.displayName })
    .from(responsibilitySubmissions)
    .innerJoin(orgUnits, eq(orgUnits.id, responsibilitySubmissions.orgUnitId))
    .leftJoin(users, eq(users.id, responsibilitySubmissions.updatedBy))
    .where(eq(responsibilitySubmissions.roundId, round.id))
    .orderBy(asc(orgUnits.code));
  const units = subs.map(({ sub, unitName, unitCode, updatedByName }) => ({
    submissionId: sub.id,
    orgUnitId: sub.orgUnitId,
    unitName,
    unitCode,
    ...statusOf(round, sub, today),
    currentVersion: sub.currentVersion,
    submittedAt: sub.submittedAt?.toISOString() ?? null,
    returnComment: sub.stage === 'returned' ? sub.returnComment : null,
    updatedAt: sub.stage === 'not_started' ? null : sub.updatedAt.toISOString(),
    updatedByName: sub.stage === 'not_started' ? null : updatedByName,
  }));
  const [opener] = await ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, round.orgUnitId));
  return {
    id: round.id,
    title: round.title,
    dueDate: round.dueDate,
    instructions: round.instructions,
    openerName: opener?.name ?? '',
    template: round.template,
    today,
    units,
    counts: countStatuses(units.map((u) => u.status)),
    statusLabels: REPORTING_STATUS_LABELS,
    reminder: buildReminderText({
      roundTitle: round.title,
      tableTitle: round.template.title,
      dueDate: round.dueDate,
      units: units.map((u) => ({ name: u.unitName, status: u.status, stage: u.stage, workingDaysOverdue: u.workingDaysOverdue })),
    }),
  };
}
