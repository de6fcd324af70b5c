import {
  and,
  asc,
  eq,
  inArray,
  reimbursementCases,
  reimbursementEvents,
  reimbursementPayeeChanges,
  reimbursementSuspensions,
  sql,
  type DbOrTx,
} from '@portal/db';
import {
  type DutyRecord,
  provisionalReason,
  REIMBURSEMENT_STATUS_LABELS,
  type TCaseClock,
  type TReimbursementStatus,
  type WorkingCalendar,
  clockTone,
  computeReimbursementClock,
  workingDaysBetween,
} from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import {
  type Actor,
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  conflict,
  invalid,
  notFound,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

export type CaseRow = typeof reimbursementCases.$inferSelect;
export type SuspensionRow = typeof reimbursementSuspensions.$inferSelect;

/** Loads a case in the user's region; `lock` takes the row lock for an action. */
export async function loadCase(tx: DbOrTx, user: Actor, id: string, lock = false): Promise<CaseRow> {
  const q = tx.select().from(reimbursementCases).where(eq(reimbursementCases.id, id)).limit(1);
  const row = (lock ? await q.for('update') : await q)[0];
  if (!row) throw notFound('报销案件不存在');
  assertInUserRegion(user, row.regionPath, '该报销案件');
  return row;
}

const EVENT_ACTS = {
  intake: 'reimbursement.intake',
  first_review: 'reimbursement.first_review',
  second_review: 'reimbursement.second_review',
} as const;

/**
 * Who did what on a case, for the separation table, from the stored events (every 受理, 初审 and
 * 复核 ever recorded, including one later returned: the person still took part) and from the
 * approved payee changes (who proposed and who approved the account that will be paid).
 */
export async function loadCaseHistory(db: DbOrTx, caseId: string): Promise<DutyRecord[]> {
  const [events, changes] = await Promise.all([
    db
      .select({ action: reimbursementEvents.action, actorId: reimbursementEvents.actorId })
      .from(reimbursementEvents)
      .where(and(eq(reimbursementEvents.caseId, caseId), inArray(reimbursementEvents.action, Object.keys(EVENT_ACTS)))),
    db
      .select({ proposedBy: reimbursementPayeeChanges.proposedBy, decidedBy: reimbursementPayeeChanges.decidedBy })
      .from(reimbursementPayeeChanges)
      .where(and(eq(reimbursementPayeeChanges.caseId, caseId), eq(reimbursementPayeeChanges.status, 'approved'))),
  ]);
  const history: DutyRecord[] = events.map((e) => ({ act: EVENT_ACTS[e.action as keyof typeof EVENT_ACTS], actorId: e.actorId }));
  for (const c of changes) {
    history.push({ act: 'reimbursement.payee_propose', actorId: c.proposedBy });
    if (c.decidedBy) history.push({ act: 'reimbursement.payee_approve', actorId: c.decidedBy });
  }
  return history;
}

/** The payee change of a case waiting for approval, if any. */
export async function loadPendingPayeeChange(db: DbOrTx, caseId: string) {
  return (
    await db
      .select()
      .from(reimbursementPayeeChanges)
      .where(and(eq(reimbursementPayeeChanges.caseId, caseId), eq(reimbursementPayeeChanges.status, 'pending')))
      .limit(1)
  )[0];
}

export async function loadSuspensions(db: DbOrTx, caseIds: string[]): Promise<Map<string, SuspensionRow[]>> {
  const map = new Map<string, SuspensionRow[]>();
  if (!caseIds.length) return map;
  const rows = await db
    .select()
    .from(reimbursementSuspensions)
    .where(sql`${reimbursementSuspensions.caseId} in ${caseIds}`)
    .orderBy(asc(reimbursementSuspensions.fromDate));
  for (const r of rows) map.set(r.caseId, [...(map.get(r.caseId) ?? []), r]);
  return map;
}

/**
 * The 25-working-day clock of a case (`000 §二(五)3`): from the day materials were complete,
 * extended by every hold, read at the end of today — or frozen on the payment date.
 */
export function caseClock(
  row: Pick<CaseRow, 'materialsCompleteOn' | 'paidOn' | 'status' | 'holdKind'>,
  suspensions: Pick<SuspensionRow, 'fromDate' | 'toDate'>[],
  today: string,
  calendar: WorkingCalendar,
): TCaseClock {
  const empty: TCaseClock = {
    started: false,
    start: null,
    due: null,
    used: 0,
    left: 25,
    overdue: false,
    overdueWorkingDays: 0,
    isSuspended: false,
    suspendedWorkingDays: 0,
    tone: 'none',
    paidOnTime: null,
    error: null,
    provisional: false,
    provisionalReason: null,
  };
  if (!row.materialsCompleteOn) return empty;
  const asOf = row.paidOn ?? today;
  const susp = suspensions.map((s) => ({ from: s.fromDate, to: s.toDate }));
  {
    const clock = computeReimbursementClock({ start: row.materialsCompleteOn, suspensions: susp, today: asOf }, calendar);
    const plain = computeReimbursementClock({ start: row.materialsCompleteOn, today: row.materialsCompleteOn }, calendar);
    const missing = new Set([...clock.missingYears, ...plain.missingYears]);
    const paid = row.status === 'paid';
    const paidOnTime = paid ? asOf <= clock.due : null;
    const suspendedWorkingDays = Math.max(0, workingDaysBetween(calendar, plain.due, clock.due, undefined, missing));
    const missingYears = [...missing].sort((a, b) => a - b);
    return {
      started: true,
      start: row.materialsCompleteOn,
      due: clock.due,
      used: clock.used,
      left: clock.left,
      overdue: clock.overdue,
      overdueWorkingDays: clock.overdueWorkingDays,
      // Held now, not merely inside a closed interval (the day a hold is cleared is not counted either).
      isSuspended: Boolean(row.holdKind) && !paid,
      suspendedWorkingDays,
      tone: clockTone(clock, paid, paid && !paidOnTime),
      paidOnTime,
      error: null,
      provisional: missingYears.length > 0,
      provisionalReason: missingYears.length ? provisionalReason(missingYears) : null,
    };
  }
}

/** A key that sorts the work queue: fewest working days left first, overdue before that. */
export function queueSortKey(clock: TCaseClock, status: TReimbursementStatus): number {
  if (status === 'paid') return 10_000;
  if (!clock.started) return 5_000;
  if (clock.error) return -10_000;
  return clock.left - clock.overdueWorkingDays;
}

export interface ActionArgs {
  id: string;
  version: number;
  requestKey: string;
}

export interface ActionOutcome {
  action: string;
  to: TReimbursementStatus;
  note?: string | null;
  patch?: Partial<typeof reimbursementCases.$inferInsert>;
  audit?: Record<string, unknown>;
}

/**
 * Runs one action on a case, exactly once:
 * - the same `requestKey` again (double click, retry) returns without doing anything;
 * - a stale `version` (someone else acted first) is refused with a Chinese conflict message;
 * - the case row is locked for the transaction, so two users acting at once queue and the
 *   second sees the first's version.
 * The event row and the audit row are written in the same transaction as the change.
 */
export async function runAction(
  ctx: ActorContext,
  args: ActionArgs,
  /** Runs inside the action's transaction: `ctx.db` is the transaction (a service it calls joins it). */
  decide: (ctx: ActorContext, row: CaseRow, today: string) => Promise<ActionOutcome>,
): Promise<void> {
  const me = ctx.actor;
  const today = chinaDate(ctx.now());
  const done = async () =>
    (
      await ctx.db
        .select({ caseId: reimbursementEvents.caseId })
        .from(reimbursementEvents)
        .where(eq(reimbursementEvents.requestKey, args.requestKey))
        .limit(1)
    )[0];
  const prior = await done();
  if (prior) {
    if (prior.caseId !== args.id) throw invalid('请求编号已被其他案件使用');
    return;
  }
  try {
    await withTransaction(ctx, async (ctx) => {
      const row = await loadCase(ctx.db, me, args.id, true);
      const again = (
        await ctx.db
          .select({ id: reimbursementEvents.id })
          .from(reimbursementEvents)
          .where(eq(reimbursementEvents.requestKey, args.requestKey))
          .limit(1)
      )[0];
      if (again) return;
      if (row.version !== args.version) {
        throw conflict(`该案件已被他人处理（当前状态：${REIMBURSEMENT_STATUS_LABELS[row.status]}），您的操作未执行，请刷新后查看`);
      }
      const outcome = await decide(ctx, row, today);
      const updated = await ctx.db
        .update(reimbursementCases)
        .set({ ...outcome.patch, status: outcome.to, version: row.version + 1, updatedAt: ctx.now() })
        .where(and(eq(reimbursementCases.id, row.id), eq(reimbursementCases.version, args.version)))
        .returning({ id: reimbursementCases.id });
      if (!updated.length) throw conflict('该案件已被他人处理，您的操作未执行，请刷新后查看');
      await ctx.db.insert(reimbursementEvents).values({
        caseId: row.id,
        action: outcome.action,
        fromStatus: row.status,
        toStatus: outcome.to,
        note: outcome.note || null,
        actorId: me.id,
        actorName: me.displayName,
        onDate: today,
        requestKey: args.requestKey,
      });
      await writeAudit(ctx, {
        action: `reimbursement.${outcome.action}`,
        entity: 'reimbursement_case',
        entityId: row.id,
        regionPath: row.regionPath,
        before: { status: row.status, version: row.version },
        after: { status: outcome.to, version: row.version + 1, note: outcome.note ?? null, ...outcome.audit },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'request_key') && (await done())) return;
    throw error;
  }
}
