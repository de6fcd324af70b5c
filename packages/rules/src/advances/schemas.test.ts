import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceFirstInstalment, summariseAdvance } from './ledger.js';
import { ADVANCE_DECLARATION_LIMIT } from './limits.js';
import { ZAdvanceApprovalInput, ZAdvanceDeclarationInput, ZAdvancePaymentInput, ZAdvanceRecoveryInput } from './schemas.js';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('advance declarations (000 §二(五)1)', () => {
  const base = {
    hospitalId: ID,
    periodFrom: '2019-09-01',
    periodTo: '2019-09-30',
    receivedOn: '2019-10-08',
    basic: 1,
    critical: 0,
    assistance: 0,
    idempotencyKey: 'abcdefgh',
  };
  it('advance declaration: period order, receipt after the period, positive total', () => {
    expect(ZAdvanceDeclarationInput.safeParse(base).success).toBe(true);
    expect(ZAdvanceDeclarationInput.safeParse({ ...base, receivedOn: '2019-09-15' }).error?.issues[0]?.path).toEqual(['receivedOn']);
    expect(ZAdvanceDeclarationInput.safeParse({ ...base, basic: 0 }).error?.issues[0]?.path).toEqual(['basic']);
  });
  it('a total above the plausible limit (local parameter, 5 000 万元) needs a reason', () => {
    expect(ADVANCE_DECLARATION_LIMIT).toMatchObject({ value: 5_000_000_000, source: 'local' });
    const atLimit = { ...base, basic: ADVANCE_DECLARATION_LIMIT.value - 1, critical: 1 };
    expect(ZAdvanceDeclarationInput.safeParse(atLimit).success).toBe(true);
    const above = { ...base, basic: ADVANCE_DECLARATION_LIMIT.value, critical: 1 };
    const refused = ZAdvanceDeclarationInput.safeParse(above).error?.issues[0];
    expect(refused?.path).toEqual(['limitReason']);
    expect(refused?.message).toContain('50,000,000.00 元');
    expect(ZAdvanceDeclarationInput.safeParse({ ...above, limitReason: '年度清算集中申报' }).success).toBe(true);
  });
  it('approvals: the total stage names the approved total', () => {
    const action = { id: ID, version: 1, requestKey: 'abcdefgh' };
    expect(ZAdvanceApprovalInput.safeParse({ ...action, stage: 'first' }).success).toBe(true);
    expect(ZAdvanceApprovalInput.safeParse({ ...action, stage: 'total' }).error?.issues[0]?.path).toEqual(['approvedTotal']);
    expect(ZAdvanceApprovalInput.safeParse({ ...action, stage: 'total', approvedTotal: 0 }).success).toBe(true);
  });
  it('a payment and a recovery carry a positive amount, their true date and a reference', () => {
    const action = { id: ID, version: 1, requestKey: 'abcdefgh' };
    expect(ZAdvancePaymentInput.safeParse({ ...action, amount: 700, paidOn: '2019-10-10', paymentRef: 'ZF2019001' }).success).toBe(true);
    expect(
      ZAdvancePaymentInput.safeParse({ ...action, amount: 0, paidOn: '2019-10-10', paymentRef: 'ZF2019001' }).error?.issues[0]?.path,
    ).toEqual(['amount']);
    expect(ZAdvancePaymentInput.safeParse({ ...action, amount: 700, paidOn: '', paymentRef: 'ZF2019001' }).error?.issues[0]?.path).toEqual([
      'paidOn',
    ]);
    expect(
      ZAdvancePaymentInput.safeParse({ ...action, amount: 700, paidOn: '2019-10-10', paymentRef: 'x' }).error?.issues[0]?.path,
    ).toEqual(['paymentRef']);
    const recovery = { ...action, amount: 100, recoveredOn: '2019-11-01', reference: 'ZH0001', reason: '审核核减多付' };
    expect(ZAdvanceRecoveryInput.safeParse(recovery).success).toBe(true);
    expect(ZAdvanceRecoveryInput.safeParse({ ...recovery, reason: '多付' }).error?.issues[0]?.path).toEqual(['reason']);
  });
});

describe('advance ledger', () => {
  it('70 % first instalment rounds half up and the rest never loses a fen', () => {
    expect(advanceFirstInstalment(1000001)).toBe(700001);
    expect(advanceFirstInstalment(5)).toBe(4); // 3.5 → 4
    for (const total of [0, 1, 3, 99, 12345677])
      expect(advanceFirstInstalment(total) + (total - advanceFirstInstalment(total))).toBe(total);
  });
  const at = (over: Partial<Parameters<typeof summariseAdvance>[0]>) =>
    summariseAdvance({ total: 1000000, isFirstApproved: false, approvedTotal: null, payments: [], recoveries: [], ...over });
  it('walks the statuses: received → first approved → first paid (in parts) → total approved → settled', () => {
    expect(at({})).toMatchObject({ status: 'received', approved: 0, outstanding: 0, nextInstalment: null });
    expect(at({ isFirstApproved: true })).toMatchObject({ status: 'first_approved', approved: 700000, nextInstalment: 'first' });
    const part = at({ isFirstApproved: true, payments: [{ amount: 300000 }] });
    expect(part).toMatchObject({ status: 'first_approved', paid: 300000, outstanding: 400000 });
    const first = at({ isFirstApproved: true, payments: [{ amount: 300000 }, { amount: 400000 }] });
    expect(first).toMatchObject({ status: 'first_paid', outstanding: 0, nextInstalment: null });
    const total = at({ isFirstApproved: true, approvedTotal: 950000, payments: [{ amount: 700000 }] });
    expect(total).toMatchObject({ status: 'total_approved', outstanding: 250000, nextInstalment: 'rest' });
    const settled = at({ isFirstApproved: true, approvedTotal: 950000, payments: [{ amount: 700000 }, { amount: 250000 }] });
    expect(settled).toMatchObject({ status: 'settled', outstanding: 0, netPaid: 950000 });
  });
  it('a total approved below what was paid is recovered; the recovery reduces what was paid', () => {
    const over = at({ isFirstApproved: true, approvedTotal: 600000, payments: [{ amount: 700000 }] });
    expect(over).toMatchObject({ status: 'total_approved', outstanding: -100000, nextInstalment: null });
    const back = at({ isFirstApproved: true, approvedTotal: 600000, payments: [{ amount: 700000 }], recoveries: [{ amount: 100000 }] });
    expect(back).toMatchObject({ status: 'settled', paid: 700000, recovered: 100000, netPaid: 600000, outstanding: 0 });
    // A transfer the bank returned before review: the 70 % is again partly unpaid.
    const returned = at({ isFirstApproved: true, payments: [{ amount: 700000 }], recoveries: [{ amount: 200000 }] });
    expect(returned).toMatchObject({ status: 'first_approved', outstanding: 200000, nextInstalment: 'first' });
  });
  it('property: outstanding = approved − paid + recovered, never losing a fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 10 }),
        fc.array(fc.integer({ min: 1, max: 10 ** 8 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 10 ** 8 }), { maxLength: 3 }),
        (total, pays, recs) => {
          const l = at({
            total,
            isFirstApproved: true,
            payments: pays.map((amount) => ({ amount })),
            recoveries: recs.map((amount) => ({ amount })),
          });
          expect(l.outstanding).toBe(l.approved - l.paid + l.recovered);
          expect(l.firstAmount).toBe(advanceFirstInstalment(total));
        },
      ),
    );
  });
});
