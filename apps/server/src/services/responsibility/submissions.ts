import { and, asc, eq, responsibilitySubmissions, responsibilityVersions, type DbOrTx } from '@portal/db';
import {
  DEFAULT_CALENDAR,
  EXTRA_ITEM_KEY,
  type TDraftSaved,
  type TRecordRef,
  type TResponsibilityRow,
  type TResponsibilityTemplate,
  type TSubmissionDetail,
  type TTableSubmitted,
  type TVersionDiffView,
  type ZReturnInput,
  type ZSaveDraftInput,
  type ZSubmitInput,
  computeReportingStatus,
  diffVersions,
  maskPhone,
  orderRows,
  validateRowsForSubmit,
} from '@portal/rules';
import { z } from 'zod';
import { canSeePhones, canSuperviseRound, getVisibleSubmission, presentRows } from './internal.js';
import {
  type Actor,
  type ActorContext,
  chinaDate,
  forbidden,
  invalid,
  notFound,
  preconditionFailed,
  writeAudit,
  isAllowed,
  withTransaction,
} from '../../core/index.js';

export const ZSubmissionIdInput = z.object({ id: z.uuid() });

/** A unit's table with what the caller may do with it. */
export async function getSubmission({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZSubmissionIdInput>;
}): Promise<TSubmissionDetail> {
  const user = ctx.actor;
  const { id } = input;
  const { submission: sub, round, unitName, unitCode } = await getVisibleSubmission(ctx.db, user, id);
  const today = chinaDate(ctx.now());
  const showPhones = canSeePhones(user, sub.orgUnitId);
  const isOwnClerk = isAllowed(user, 'responsibility.fill') && user.orgUnitId === sub.orgUnitId;
  const versions = await listVersionRows(ctx.db, sub.id);
  return {
    id: sub.id,
    round: { id: round.id, title: round.title, dueDate: round.dueDate, instructions: round.instructions },
    template: round.template,
    unitName,
    unitCode,
    ...computeReportingStatus(DEFAULT_CALENDAR, {
      stage: sub.stage,
      dueDate: round.dueDate,
      today,
      submittedOn: sub.submittedAt ? chinaDate(sub.submittedAt) : null,
    }),
    rows: presentRows(orderRows(round.template, sub.rows), showPhones),
    filledDate: sub.filledDate,
    currentVersion: sub.currentVersion,
    submittedAt: sub.submittedAt?.toISOString() ?? null,
    returnComment: sub.stage === 'returned' ? sub.returnComment : null,
    returnedAt: sub.stage === 'returned' ? (sub.returnedAt?.toISOString() ?? null) : null,
    phonesMasked: !showPhones,
    canEdit: isOwnClerk && sub.stage !== 'submitted',
    canReturn: sub.stage === 'submitted' && isAllowed(user, 'responsibility.return') && canSuperviseRound(user, round),
    canSupervise: canSuperviseRound(user, round),
    today,
    versions: versions.map((v) => ({
      version: v.version,
      filledDate: v.filledDate,
      sealConfirmedBy: v.sealConfirmedBy,
      submittedByName: v.submittedByName,
      submittedAt: v.submittedAt.toISOString(),
      returnComment: v.returnComment,
      returnedByName: v.returnedByName,
      returnedAt: v.returnedAt?.toISOString() ?? null,
    })),
  };
}

async function listVersionRows(tx: DbOrTx, submissionId: string) {
  return tx
    .select()
    .from(responsibilityVersions)
    .where(eq(responsibilityVersions.submissionId, submissionId))
    .orderBy(asc(responsibilityVersions.version));
}

/** Only the reporting unit's own clerk edits, and only while the table is not with the supervisor. */
function assertCanEdit(user: Actor, sub: { orgUnitId: string; stage: string }) {
  if (sub.orgUnitId !== user.orgUnitId) throw forbidden('只能填报本单位的责任分工表');
  if (sub.stage === 'submitted') throw preconditionFailed('本表已报送，上级退回后方可修改');
}

/** Rows must name responsibilities of the round's template (extra rows only where allowed). */
function checkRowKeys(template: TResponsibilityTemplate, rows: readonly TResponsibilityRow[]) {
  const keys = new Set(template.items.map((i) => i.key));
  rows.forEach((row, index) => {
    if (row.itemKey === EXTRA_ITEM_KEY) {
      if (!template.allowExtraRows) throw invalid('本模板不允许加行', `rows.${index}.itemKey`);
    } else if (!keys.has(row.itemKey)) throw invalid('责任项不属于本模板', `rows.${index}.itemKey`);
  });
}

function checkFilledDate(filledDate: string | undefined, today: string) {
  if (filledDate && filledDate > today) throw invalid('填报时间不能晚于今天', 'filledDate');
}

/** Saves the working copy; a returned table stays "returned" until it is submitted again. */
export async function saveDraft({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZSaveDraftInput> }): Promise<TDraftSaved> {
  const user = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  return withTransaction(ctx, async (ctx) => {
    const { submission: sub, round } = await getVisibleSubmission(ctx.db, user, data.submissionId, { forUpdate: true });
    assertCanEdit(user, sub);
    checkRowKeys(round.template, data.rows);
    checkFilledDate(data.filledDate, today);
    const stage = sub.stage === 'returned' ? 'returned' : 'draft';
    const rows = orderRows(round.template, data.rows);
    await ctx.db
      .update(responsibilitySubmissions)
      .set({ rows, filledDate: data.filledDate ?? null, stage, updatedBy: user.id, updatedAt: ctx.now() })
      .where(eq(responsibilitySubmissions.id, sub.id));
    await writeAudit(ctx, {
      action: 'responsibility_submission.save_draft',
      entity: 'responsibility_submission',
      entityId: sub.id,
      regionPath: sub.regionPath,
      before: { stage: sub.stage, rows: sub.rows.length },
      after: { stage, rows: rows.length },
    });
    return { id: sub.id, stage };
  });
}

/**
 * Submits the table with the seal confirmation (盖章确认). Every submission becomes a new kept
 * version; the working copy and the version are the same rows.
 */
export async function submitTable({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZSubmitInput> }): Promise<TTableSubmitted> {
  const user = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  return withTransaction(ctx, async (ctx) => {
    const { submission: sub, round } = await getVisibleSubmission(ctx.db, user, data.submissionId, { forUpdate: true });
    assertCanEdit(user, sub);
    checkRowKeys(round.template, data.rows);
    checkFilledDate(data.filledDate, today);
    const rows = orderRows(round.template, data.rows);
    const issues = validateRowsForSubmit(round.template, rows);
    const first = issues[0];
    if (first) throw invalid(issues.length > 1 ? `${first.message}（共 ${issues.length} 处需修改）` : first.message, first.path);
    const version = sub.currentVersion + 1;
    const now = ctx.now();
    await ctx.db.insert(responsibilityVersions).values({
      submissionId: sub.id,
      version,
      rows,
      filledDate: data.filledDate,
      sealConfirmedBy: data.sealConfirmedBy,
      submittedBy: user.id,
      submittedByName: user.displayName,
      submittedAt: now,
    });
    await ctx.db
      .update(responsibilitySubmissions)
      .set({
        rows,
        filledDate: data.filledDate,
        stage: 'submitted',
        currentVersion: version,
        submittedAt: now,
        returnComment: null,
        returnedAt: null,
        updatedBy: user.id,
        updatedAt: now,
      })
      .where(eq(responsibilitySubmissions.id, sub.id));
    await writeAudit(ctx, {
      action: 'responsibility_submission.submit',
      entity: 'responsibility_submission',
      entityId: sub.id,
      regionPath: sub.regionPath,
      before: { stage: sub.stage, version: sub.currentVersion },
      after: { stage: 'submitted', version, sealConfirmedBy: data.sealConfirmedBy, round: round.title },
    });
    return { id: sub.id, version };
  });
}

/** A supervisor of the round sends a submitted table back with its comment. */
export async function returnTable({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZReturnInput> }): Promise<TRecordRef> {
  const user = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const { submission: sub, round } = await getVisibleSubmission(ctx.db, user, data.submissionId, { forUpdate: true });
    if (!canSuperviseRound(user, round)) throw forbidden('只有发起本次填报的单位可以退回');
    if (sub.stage !== 'submitted') throw preconditionFailed('只有已报送的表可以退回');
    const now = ctx.now();
    await ctx.db
      .update(responsibilityVersions)
      .set({ returnComment: data.comment, returnedBy: user.id, returnedByName: user.displayName, returnedAt: now })
      .where(and(eq(responsibilityVersions.submissionId, sub.id), eq(responsibilityVersions.version, sub.currentVersion)));
    await ctx.db
      .update(responsibilitySubmissions)
      .set({ stage: 'returned', returnComment: data.comment, returnedAt: now, updatedAt: now })
      .where(eq(responsibilitySubmissions.id, sub.id));
    await writeAudit(ctx, {
      action: 'responsibility_submission.return',
      entity: 'responsibility_submission',
      entityId: sub.id,
      regionPath: sub.regionPath,
      before: { stage: 'submitted' },
      after: { stage: 'returned', version: sub.currentVersion, comment: data.comment },
    });
    return { id: sub.id };
  });
}

export const ZDiffInput = z.object({
  submissionId: z.uuid(),
  from: z.number().int().min(1),
  /** A version number, or 0 for the current working copy. */
  to: z.number().int().min(0),
});

/** Two versions of a unit's table side by side: what was added, removed or changed. */
export async function diffSubmissionVersions({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZDiffInput>;
}): Promise<TVersionDiffView> {
  const user = ctx.actor;
  const data = input;
  const { submission: sub, round } = await getVisibleSubmission(ctx.db, user, data.submissionId);
  const versions = await listVersionRows(ctx.db, sub.id);
  const pick = (n: number) => {
    if (n === 0) return { rows: sub.rows, filledDate: sub.filledDate };
    const v = versions.find((x) => x.version === n);
    if (!v) throw notFound(`第 ${n} 版不存在`);
    return { rows: v.rows, filledDate: v.filledDate };
  };
  const diff = diffVersions(round.template, pick(data.from), pick(data.to));
  if (canSeePhones(user, sub.orgUnitId)) return diff;
  const mask = (phone: string) => (phone ? maskPhone(phone) : phone);
  return {
    ...diff,
    changes: diff.changes.map((c) =>
      c.kind === 'changed'
        ? { ...c, fields: c.fields.map((f) => (f.field === 'phone' ? { ...f, before: mask(f.before), after: mask(f.after) } : f)) }
        : { ...c, row: { ...c.row, phone: mask(c.row.phone) } },
    ),
  };
}
