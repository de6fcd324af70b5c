import { advanceApprovals, advanceDeclarations, advancePayments, advanceRecoveries, and, eq, type DbOrTx } from '@portal/db';
import { type TAdvanceDeclaration } from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { loadServerCalendar } from '../calendar/index.js';
import { advanceView, ledgerOf, loadAdvanceRecords, loadDeclaration, type AdvanceRecords, type DeclarationRow } from './internal.js';
import { type ActorContext, chinaDate, conflict, invalid, writeAudit, withTransaction } from '../../core/index.js';

/** The declaration a request key was already used on (in any of the three record tables), if any. */
async function declarationOfKey(db: DbOrTx, requestKey: string): Promise<string | null> {
  const [a, p, r] = await Promise.all([
    db.select({ id: advanceApprovals.declarationId }).from(advanceApprovals).where(eq(advanceApprovals.requestKey, requestKey)).limit(1),
    db.select({ id: advancePayments.declarationId }).from(advancePayments).where(eq(advancePayments.requestKey, requestKey)).limit(1),
    db.select({ id: advanceRecoveries.declarationId }).from(advanceRecoveries).where(eq(advanceRecoveries.requestKey, requestKey)).limit(1),
  ]);
  return a[0]?.id ?? p[0]?.id ?? r[0]?.id ?? null;
}

export interface AdvanceOutcome {
  /** Audit action (`advance.*`). */
  action: string;
  /** The day the money moved (or the approval was given): completes an instalment on that day. */
  onDate: string;
  patch?: Partial<typeof advanceDeclarations.$inferInsert>;
  audit: Record<string, unknown>;
}

/**
 * Runs one action on a declaration exactly once, like a reimbursement's `runAction`: the same
 * request key again returns without acting; a stale version is refused; the declaration row is
 * locked, so `decide` sees the stored approvals and movements (never the browser's) and writes its
 * own row. Afterwards the status, the day the 70 % was paid in full and the day of settlement follow
 * from the ledger; the audit row commits with the change.
 */
export async function runAdvanceAction(
  ctx: ActorContext,
  args: { id: string; version: number; requestKey: string },
  decide: (ctx: ActorContext, row: DeclarationRow, records: AdvanceRecords, today: string) => Promise<AdvanceOutcome>,
): Promise<TAdvanceDeclaration> {
  const today = chinaDate(ctx.now());
  const prior = await declarationOfKey(ctx.db, args.requestKey);
  if (prior && prior !== args.id) throw invalid('请求编号已被其他申报使用');
  if (!prior) {
    try {
      await withTransaction(ctx, async (ctx) => {
        const row = await loadDeclaration(ctx, args.id, { forUpdate: true });
        if (await declarationOfKey(ctx.db, args.requestKey)) return;
        if (row.version !== args.version) throw conflict('该申报已被他人处理，您的操作未执行，请刷新后查看');
        const records = (await loadAdvanceRecords(ctx.db, [row.id])).get(row.id)!;
        const before = ledgerOf(row, records);
        const outcome = await decide(ctx, row, records, today);
        const approvedTotal = outcome.patch?.approvedTotal !== undefined ? outcome.patch.approvedTotal : row.approvedTotal;
        const after = ledgerOf({ total: row.total, approvedTotal }, (await loadAdvanceRecords(ctx.db, [row.id])).get(row.id)!);
        const isFirstPaid = after.netPaid >= after.firstAmount && after.firstAmount > 0;
        const updated = await ctx.db
          .update(advanceDeclarations)
          .set({
            ...outcome.patch,
            status: after.status,
            firstPaidOn: row.firstPaidOn ?? (isFirstPaid ? outcome.onDate : null),
            restPaidOn: after.status === 'settled' ? (row.restPaidOn ?? outcome.onDate) : null,
            version: row.version + 1,
            updatedAt: ctx.now(),
          })
          .where(and(eq(advanceDeclarations.id, row.id), eq(advanceDeclarations.version, args.version)))
          .returning({ id: advanceDeclarations.id });
        if (!updated.length) throw conflict('该申报已被他人处理，您的操作未执行，请刷新后查看');
        await writeAudit(ctx, {
          action: outcome.action,
          entity: 'advance_declaration',
          entityId: row.id,
          regionPath: row.regionPath,
          before: { status: before.status, version: row.version, netPaid: before.netPaid, outstanding: before.outstanding },
          after: {
            status: after.status,
            version: row.version + 1,
            netPaid: after.netPaid,
            outstanding: after.outstanding,
            ...outcome.audit,
          },
        });
      });
    } catch (error) {
      if (!(isUniqueViolation(error, 'request_key') && (await declarationOfKey(ctx.db, args.requestKey)))) throw error;
    }
  }
  return getAdvance(ctx, args.id);
}

/** One declaration as the page shows it. */
export async function getAdvance(ctx: ActorContext, id: string): Promise<TAdvanceDeclaration> {
  const row = await loadDeclaration(ctx, id);
  const records = (await loadAdvanceRecords(ctx.db, [id])).get(id)!;
  return advanceView(row, records, ctx.actor, chinaDate(ctx.now()), await loadServerCalendar(ctx.db));
}
