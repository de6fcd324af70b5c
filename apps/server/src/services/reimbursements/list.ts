import type { z } from 'zod';
import { and, eq, hospitals, inArray, like, or, persons, reimbursementCases, type SQL } from '@portal/db';
import {
  REIMBURSEMENT_KIND_LABELS,
  REIMBURSEMENT_STATUS_LABELS,
  type TReimbursementList,
  type ZListReimbursementsInput,
  maskIdNumber,
} from '@portal/rules';
import { loadServerCalendar } from '../calendar/index.js';
import { personSearchCondition, startsWith } from '../persons/index.js';
import { caseClock, loadSuspensions, queueSortKey } from './internal.js';
import { type ActorContext, boundedCount, chinaDate, inUserRegion, paginate } from '../../core/index.js';

/**
 * The work queue: cases in the caller's region, most urgent first, a keyset page at a time
 * (decision 0013). The database orders by `queue_paid, queue_start, received_on, id` — open before
 * paid, then the day each clock started (the 25 working days run from materials complete, so the
 * earliest start is the least time left), cases still waiting for materials after — and the
 * `reimbursement_cases_queue_idx` index serves that order, so page 500 costs what page 1 costs.
 * Within a page the exact working days left (holds, holidays) refine the order. The search is the
 * start of a case number, or the person (start of a name, whole ID number or its last digits).
 */
export async function listReimbursements({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZListReimbursementsInput>;
}): Promise<TReimbursementList> {
  const { status, q, cursor, pageSize } = input;
  const conditions: (SQL | undefined)[] = [inUserRegion(ctx.actor, reimbursementCases.regionPath)];
  if (status === 'open') conditions.push(eq(reimbursementCases.queuePaid, 0));
  else if (status !== 'all') conditions.push(eq(reimbursementCases.status, status));
  if (q) {
    const person = personSearchCondition(q);
    conditions.push(
      or(
        like(reimbursementCases.caseNo, startsWith(q)),
        person ? inArray(reimbursementCases.personId, ctx.db.select({ id: persons.id }).from(persons).where(person)) : undefined,
      ),
    );
  }
  const where = and(...conditions);
  const [page, count] = await Promise.all([
    paginate({
      cursor,
      limit: pageSize,
      keys: [reimbursementCases.queuePaid, reimbursementCases.queueStart, reimbursementCases.receivedOn, reimbursementCases.id],
      direction: 'asc',
      query: (after, limit, orderBy) =>
        ctx.db
          .select({ c: reimbursementCases, personName: persons.name, idNumber: persons.idNumber, hospitalName: hospitals.name })
          .from(reimbursementCases)
          .innerJoin(persons, eq(persons.id, reimbursementCases.personId))
          .innerJoin(hospitals, eq(hospitals.id, reimbursementCases.hospitalId))
          .where(and(where, after))
          .orderBy(...orderBy)
          .limit(limit),
      keyOf: ({ c }) => [c.queuePaid, c.queueStart, c.receivedOn, c.id],
    }),
    boundedCount(ctx.db, reimbursementCases, where),
  ]);
  const rows = page.items;
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
  return { today, items: items.map(({ sortKey: _s, ...rest }) => rest), nextCursor: page.nextCursor, count };
}
