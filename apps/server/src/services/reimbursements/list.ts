import type { z } from 'zod';
import { and, asc, eq, hospitals, ilike, inArray, ne, or, persons, reimbursementCases, sql, type SQL } from '@portal/db';
import {
  REIMBURSEMENT_KIND_LABELS,
  REIMBURSEMENT_STATUS_LABELS,
  type TReimbursementList,
  type ZListReimbursementsInput,
  maskIdNumber,
} from '@portal/rules';
import { loadServerCalendar } from '../calendar/index.js';
import { caseClock, loadSuspensions, queueSortKey } from './internal.js';
import { type ActorContext, chinaDate, inUserRegion } from '../../core/index.js';

/** How many cases the queue shows at once (the most urgent; a search narrows it). */
export const QUEUE_LIMIT = 500;

/**
 * The work queue: cases in the caller's region, most urgent first. The database orders by the day
 * each clock started (the 25 working days run from materials complete, so the earliest start is
 * the least time left), then cases still waiting for materials, paid ones last — so a limited
 * page always holds the most urgent cases, never an arbitrary subset. Within the page the exact
 * working days left (holds, holidays) refine the order.
 */
export async function listReimbursements({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListReimbursementsInput>;
}): Promise<TReimbursementList> {
  const { status, q } = input;
  const where: SQL[] = [inUserRegion(ctx.actor, reimbursementCases.regionPath)];
  if (status === 'open') where.push(ne(reimbursementCases.status, 'paid'));
  else if (status !== 'all') where.push(inArray(reimbursementCases.status, [status]));
  if (q) {
    const like = `%${q}%`;
    where.push(or(ilike(persons.name, like), ilike(reimbursementCases.caseNo, like), ilike(persons.idNumber, `%${q}`))!);
  }
  const rows = await ctx.db
    .select({ c: reimbursementCases, personName: persons.name, idNumber: persons.idNumber, hospitalName: hospitals.name })
    .from(reimbursementCases)
    .innerJoin(persons, eq(persons.id, reimbursementCases.personId))
    .innerJoin(hospitals, eq(hospitals.id, reimbursementCases.hospitalId))
    .where(and(...where))
    .orderBy(
      sql`${reimbursementCases.status} = 'paid'`,
      sql`${reimbursementCases.materialsCompleteOn} asc nulls last`,
      asc(reimbursementCases.receivedOn),
      asc(reimbursementCases.id),
    )
    .limit(QUEUE_LIMIT + 1);
  const truncated = rows.length > QUEUE_LIMIT;
  rows.length = Math.min(rows.length, QUEUE_LIMIT);
  const today = chinaDate(ctx.now());
  const [calendar, suspensions] = await Promise.all([
    loadServerCalendar(ctx.db),
    loadSuspensions(
      ctx.db,
      rows.map((r) => r.c.id),
    ),
  ]);
  const items = rows.map(({ c, personName, idNumber, hospitalName }) => {
    const clock = caseClock(c, suspensions.get(c.id) ?? [], today, calendar);
    return {
      id: c.id,
      caseNo: c.caseNo,
      kind: c.kind,
      kindLabel: REIMBURSEMENT_KIND_LABELS[c.kind],
      status: c.status,
      statusLabel: REIMBURSEMENT_STATUS_LABELS[c.status],
      personName,
      idNumberMasked: maskIdNumber(idNumber),
      hospitalName,
      receivedOn: c.receivedOn,
      isHeld: Boolean(c.holdKind),
      payable: c.settlement ? c.payable : null,
      clock,
      sortKey: queueSortKey(clock, c.status),
    };
  });
  items.sort((a, b) => a.sortKey - b.sortKey || a.receivedOn.localeCompare(b.receivedOn) || a.caseNo.localeCompare(b.caseNo));
  return { today, truncated, limit: QUEUE_LIMIT, items: items.map(({ sortKey: _s, ...rest }) => rest) };
}
