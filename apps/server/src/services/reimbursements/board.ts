import type { z } from 'zod';
import { and, asc, eq, gte, like, lt, orgUnits, persons, reimbursementCases } from '@portal/db';
import { REIMBURSEMENT_STATUS_LABELS, type TReimbursementBoard, type ZBoardInput, maskIdNumber } from '@portal/rules';
import { loadServerCalendar } from '../calendar/index.js';
import { caseClock, loadSuspensions } from './internal.js';
import { type ActorContext, assertInUserRegion, chinaDate, forbidden, inUserRegion, withReportReads } from '../../core/index.js';

/**
 * The supervisor board: per county, the cases received (受理) in a month and how they stand today.
 * On-time rate = paid on time ÷ (paid + open and overdue): cases still inside their 25 days are
 * not yet decided and are left out (decision 0400).
 */
export async function getReimbursementBoard({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZBoardInput>;
}): Promise<TReimbursementBoard> {
  return withReportReads(ctx, async (ctx) => {
    const me = ctx.actor;
    const { month, orgUnitId } = input;
    let scopePath = me.regionPath;
    if (orgUnitId) {
      const unit = (await ctx.db.select().from(orgUnits).where(eq(orgUnits.id, orgUnitId)).limit(1))[0];
      if (!unit) throw forbidden('该区划不在您的管辖范围内');
      assertInUserRegion(me, unit.path, '该区划');
      scopePath = unit.path;
    }
    const from = `${month}-01`;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const rows = await ctx.db
      .select({ c: reimbursementCases, personName: persons.name, idNumber: persons.idNumber })
      .from(reimbursementCases)
      .innerJoin(persons, eq(persons.id, reimbursementCases.personId))
      .where(
        and(
          inUserRegion(me, reimbursementCases.regionPath),
          like(reimbursementCases.regionPath, `${scopePath}%`),
          gte(reimbursementCases.receivedOn, from),
          lt(reimbursementCases.receivedOn, nextMonth),
        ),
      );
    const counties = await ctx.db
      .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, path: orgUnits.path, level: orgUnits.level })
      .from(orgUnits)
      .where(and(like(orgUnits.path, `${scopePath}%`), eq(orgUnits.level, 'county')))
      .orderBy(asc(orgUnits.code));
    // A county user's scope is the county itself.
    const groups = counties.length
      ? counties
      : await ctx.db
          .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, path: orgUnits.path, level: orgUnits.level })
          .from(orgUnits)
          .where(eq(orgUnits.path, scopePath));
    const today = chinaDate(ctx.now());
    const [calendar, suspensions] = await Promise.all([
      loadServerCalendar(ctx.db),
      loadSuspensions(
        ctx.db,
        rows.map((r) => r.c.id),
      ),
    ]);
    const blank = () => ({ received: 0, paidOnTime: 0, paidLate: 0, open: 0, overdue: 0, awaitingDocuments: 0 });
    const stats = new Map(groups.map((g) => [g.id, blank()]));
    const overdueCases: {
      id: string;
      caseNo: string;
      countyName: string;
      personName: string;
      idNumberMasked: string;
      statusLabel: string;
      receivedOn: string;
      due: string | null;
      overdueWorkingDays: number;
      paidOn: string | null;
    }[] = [];
    for (const { c, personName, idNumber } of rows) {
      const group = groups.find((g) => c.regionPath.startsWith(g.path));
      if (!group) continue;
      const s = stats.get(group.id)!;
      const clock = caseClock(c, suspensions.get(c.id) ?? [], today, calendar);
      s.received++;
      if (c.status === 'paid') {
        if (clock.paidOnTime) s.paidOnTime++;
        else s.paidLate++;
      } else {
        s.open++;
        if (c.status === 'awaiting_documents') s.awaitingDocuments++;
        if (clock.overdue) s.overdue++;
      }
      if ((c.status === 'paid' && clock.paidOnTime === false) || (c.status !== 'paid' && clock.overdue)) {
        overdueCases.push({
          id: c.id,
          caseNo: c.caseNo,
          countyName: group.name,
          personName,
          idNumberMasked: maskIdNumber(idNumber),
          statusLabel: REIMBURSEMENT_STATUS_LABELS[c.status],
          receivedOn: c.receivedOn,
          due: clock.due,
          overdueWorkingDays: clock.overdueWorkingDays,
          paidOn: c.paidOn,
        });
      }
    }
    const rate = (s: ReturnType<typeof blank>) => {
      const decided = s.paidOnTime + s.paidLate + s.overdue;
      return decided ? Math.round((s.paidOnTime / decided) * 1000) / 10 : null;
    };
    const countyRows = groups.map((g) => ({
      orgUnitId: g.id,
      name: g.name,
      code: g.code,
      ...stats.get(g.id)!,
      onTimeRate: rate(stats.get(g.id)!),
    }));
    const total = countyRows.reduce(
      (t, r) => ({
        received: t.received + r.received,
        paidOnTime: t.paidOnTime + r.paidOnTime,
        paidLate: t.paidLate + r.paidLate,
        open: t.open + r.open,
        overdue: t.overdue + r.overdue,
        awaitingDocuments: t.awaitingDocuments + r.awaitingDocuments,
      }),
      blank(),
    );
    overdueCases.sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays);
    return { month, today, counties: countyRows, total: { ...total, onTimeRate: rate(total) }, overdueCases };
  });
}
