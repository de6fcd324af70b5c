import type { z } from 'zod';
import { and, desc, eq, hospitals, ne, advanceDeclarations, sql, type SQL } from '@portal/db';
import {
  CalendarYearMissingError,
  type TAdvanceDeclaration,
  type TAdvanceList,
  type WorkingCalendar,
  type ZAdvanceDeclarationInput,
  type ZAdvanceListInput,
  type ZAdvancePaymentInput,
  advanceFirstInstalment,
  clockTone,
  computeAdvanceClock,
  formatYuan,
  workingDaysBetween,
} from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { loadServerCalendar } from '../calendar/index.js';
import { getVisibleHospital } from '../hospitals/index.js';
import {
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  conflict,
  inUserRegion,
  invalid,
  notFound,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

type Row = typeof advanceDeclarations.$inferSelect;
const STATUS_LABELS = { received: '待拨付 70%', first_paid: '待审核结清', settled: '已结清' } as const;

/** Both deadlines of a declaration, and whether each was (or is being) missed. */
function advanceView(row: Row & { hospitalName: string }, today: string, calendar: WorkingCalendar): TAdvanceDeclaration {
  let firstDue: string | null = null;
  let restDue: string | null = null;
  let calendarError: string | null = null;
  try {
    const clocks = computeAdvanceClock({ start: row.receivedOn, today }, calendar);
    firstDue = clocks.first.due;
    restDue = clocks.rest.due;
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
    calendarError = error.message;
  }
  const firstOverdue = firstDue !== null && (row.firstPaidOn ?? today) > firstDue;
  const restOverdue = restDue !== null && (row.restPaidOn ?? today) > restDue;
  const firstDueAmount = advanceFirstInstalment(row.total);
  const daysTone = (due: string | null, paidOn: string | null, overdue: boolean) => {
    if (!due) return 'none' as const;
    if (paidOn) return overdue ? ('red' as const) : ('ok' as const);
    let left = 99;
    try {
      left = due <= today ? 0 : workingDaysBetween(calendar, today, due);
    } catch {
      // a due date beyond the calendar's years is far away
    }
    return clockTone({ overdue, left }, false);
  };
  return {
    id: row.id,
    declarationNo: row.declarationNo,
    hospitalId: row.hospitalId,
    hospitalName: row.hospitalName,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    receivedOn: row.receivedOn,
    basic: row.basic,
    critical: row.critical,
    assistance: row.assistance,
    total: row.total,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    version: row.version,
    first: {
      due: firstDue,
      dueAmount: firstDueAmount,
      paidAmount: row.firstPaidAmount,
      paidOn: row.firstPaidOn,
      paymentRef: row.firstPaymentRef,
      overdue: firstOverdue,
      tone: daysTone(firstDue, row.firstPaidOn, firstOverdue),
    },
    rest: {
      due: restDue,
      approvedTotal: row.approvedTotal,
      paidAmount: row.restPaidAmount,
      paidOn: row.restPaidOn,
      paymentRef: row.restPaymentRef,
      overdue: restOverdue,
      tone: daysTone(restDue, row.restPaidOn, restOverdue),
    },
    calendarError,
    note: row.note,
  };
}

async function loadRow(ctx: ActorContext, id: string, db = ctx.db) {
  const row = (
    await db
      .select({ d: advanceDeclarations, hospitalName: hospitals.name })
      .from(advanceDeclarations)
      .innerJoin(hospitals, eq(hospitals.id, advanceDeclarations.hospitalId))
      .where(eq(advanceDeclarations.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('垫付申报不存在');
  assertInUserRegion(ctx.actor!, row.d.regionPath, '该垫付申报');
  return { ...row.d, hospitalName: row.hospitalName };
}

/** Records a hospital's declaration of advanced funds; both deadlines run from its receipt. */
export async function createAdvanceDeclaration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvanceDeclarationInput>;
}): Promise<TAdvanceDeclaration> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  if (data.receivedOn > today) throw invalid('收到申报日期不能晚于今天', 'receivedOn');
  const find = async () =>
    (
      await ctx.db
        .select({ id: advanceDeclarations.id })
        .from(advanceDeclarations)
        .where(eq(advanceDeclarations.idempotencyKey, data.idempotencyKey))
        .limit(1)
    )[0];
  const prior = await find();
  if (prior) return getAdvance(ctx, prior.id);
  const hospital = await getVisibleHospital(ctx.db, me, data.hospitalId).catch(() => {
    throw invalid('所选医院不在本辖区医院名单内', 'hospitalId');
  });
  const id = await withTransaction(ctx, async (ctx) => {
    const seq = await ctx.db.execute(sql`select nextval('advance_no_seq') as n`);
    const rows = (Array.isArray(seq) ? seq : (seq as { rows: unknown[] }).rows) as { n: string | number }[];
    const declarationNo = `DF${data.receivedOn.slice(0, 4)}${String(rows[0]?.n ?? 0).padStart(5, '0')}`;
    const total = data.basic + data.critical + data.assistance;
    const [row] = await ctx.db
      .insert(advanceDeclarations)
      .values({
        declarationNo,
        hospitalId: hospital.id,
        orgUnitId: me.orgUnitId,
        regionPath: me.regionPath,
        periodFrom: data.periodFrom,
        periodTo: data.periodTo,
        receivedOn: data.receivedOn,
        basic: data.basic,
        critical: data.critical,
        assistance: data.assistance,
        total,
        note: data.note || null,
        idempotencyKey: data.idempotencyKey,
        createdBy: me.id,
      })
      .returning({ id: advanceDeclarations.id });
    await writeAudit(ctx, {
      action: 'advance.create',
      entity: 'advance_declaration',
      entityId: row!.id,
      regionPath: me.regionPath,
      after: { declarationNo, hospital: hospital.name, total, receivedOn: data.receivedOn },
    });
    return row!.id;
  }).catch(async (error: unknown) => {
    if (!isUniqueViolation(error, 'idempotency')) throw error;
    const first = await find();
    if (!first) throw error;
    return first.id;
  });
  return getAdvance(ctx, id);
}

async function getAdvance(ctx: ActorContext, id: string): Promise<TAdvanceDeclaration> {
  const row = await loadRow(ctx, id);
  return advanceView(row, chinaDate(ctx.now()), await loadServerCalendar(ctx.db));
}

export async function listAdvanceDeclarations({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvanceListInput>;
}): Promise<TAdvanceList> {
  const { status } = input;
  const where: SQL[] = [inUserRegion(ctx.actor, advanceDeclarations.regionPath)];
  if (status === 'open') where.push(ne(advanceDeclarations.status, 'settled'));
  const rows = await ctx.db
    .select({ d: advanceDeclarations, hospitalName: hospitals.name })
    .from(advanceDeclarations)
    .innerJoin(hospitals, eq(hospitals.id, advanceDeclarations.hospitalId))
    .where(and(...where))
    .orderBy(desc(advanceDeclarations.receivedOn))
    .limit(500);
  const today = chinaDate(ctx.now());
  const calendar = await loadServerCalendar(ctx.db);
  return { today, items: rows.map((r) => advanceView({ ...r.d, hospitalName: r.hospitalName }, today, calendar)) };
}

/**
 * Records a payment. First: exactly 70 % of the declared total (half up to the fen). Rest: after
 * review, the approved total (≤ declared, ≥ what was paid) minus the first payment.
 */
export async function payAdvanceDeclaration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvancePaymentInput>;
}): Promise<TAdvanceDeclaration> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  await withTransaction(ctx, async (ctx) => {
    const row = (await ctx.db.select().from(advanceDeclarations).where(eq(advanceDeclarations.id, data.id)).for('update').limit(1))[0];
    if (!row) throw notFound('垫付申报不存在');
    assertInUserRegion(me, row.regionPath, '该垫付申报');
    // The same click twice: the first one's reference is already recorded.
    if (row.version === data.version + 1 && (row.firstPaymentRef === data.paymentRef || row.restPaymentRef === data.paymentRef)) return;
    if (row.version !== data.version) throw conflict('该申报已被他人处理，您的操作未执行，请刷新后查看');
    let patch: Partial<typeof advanceDeclarations.$inferInsert>;
    if (data.instalment === 'first') {
      if (row.status !== 'received') throw conflict('70% 预付款已支付');
      const due = advanceFirstInstalment(row.total);
      if (data.amount !== due) throw invalid(`预付金额应为申报总额的 70%：${formatYuan(due)} 元`, 'amount');
      patch = { status: 'first_paid', firstPaidAmount: data.amount, firstPaidOn: today, firstPaymentRef: data.paymentRef };
    } else {
      if (row.status !== 'first_paid') throw conflict(row.status === 'settled' ? '该申报已结清' : '请先支付 70% 预付款');
      const approved = data.approvedTotal;
      if (approved === undefined) throw invalid('请填写审核确认总额', 'approvedTotal');
      if (approved > row.total) throw invalid('审核确认总额不能大于申报总额', 'approvedTotal');
      if (approved < row.firstPaidAmount) throw invalid('审核确认总额不能小于已预付金额，多付部分请另行追回', 'approvedTotal');
      if (data.amount !== approved - row.firstPaidAmount)
        throw invalid(`结清金额应为审核确认总额减已预付：${formatYuan(approved - row.firstPaidAmount)} 元`, 'amount');
      patch = {
        status: 'settled',
        approvedTotal: approved,
        restPaidAmount: data.amount,
        restPaidOn: today,
        restPaymentRef: data.paymentRef,
      };
    }
    const updated = await ctx.db
      .update(advanceDeclarations)
      .set({ ...patch, version: row.version + 1, updatedAt: ctx.now() })
      .where(and(eq(advanceDeclarations.id, row.id), eq(advanceDeclarations.version, data.version)))
      .returning({ id: advanceDeclarations.id });
    if (!updated.length) throw conflict('该申报已被他人处理，您的操作未执行，请刷新后查看');
    await writeAudit(ctx, {
      action: `advance.pay_${data.instalment}`,
      entity: 'advance_declaration',
      entityId: row.id,
      regionPath: row.regionPath,
      before: { status: row.status },
      after: { ...patch },
    });
  });
  return getAdvance(ctx, data.id);
}
