import { describe, expect, it } from 'vitest';
import { computeReimbursementClock, computeAdvanceClock, DEFAULT_CALENDAR } from '../calendar/index.js';
import { clockTone, decideHold, decideReturn, decideStep, payableToPatient, previousStatus, stepOf } from './workflow.js';
import { detectUploadType } from './detect.js';
import {
  missingMaterials,
  ZDecidePayeeChangeInput,
  ZPayeeDetails,
  ZPayInput,
  ZProposePayeeChangeInput,
  ZReimbursementIntake,
  ZSecondReviewInput,
} from './schema.js';

const clerk = { id: 'c1', role: 'clerk' as const };
const reviewer = { id: 'r1', role: 'reviewer' as const };
const facts = (status: Parameters<typeof decideStep>[1]['status'], over = {}) => ({ status, isHeld: false, firstReviewBy: null, ...over });

describe('workflow', () => {
  it('walks the five steps in order with the right roles', () => {
    expect(decideStep('register', facts('registration'), clerk)).toEqual({ ok: true, to: 'investigation' });
    expect(decideStep('investigate', facts('investigation'), clerk)).toEqual({ ok: true, to: 'first_review' });
    expect(decideStep('first_review', facts('first_review'), clerk)).toEqual({ ok: true, to: 'second_review' });
    expect(decideStep('second_review', facts('second_review', { firstReviewBy: 'c1' }), reviewer)).toEqual({ ok: true, to: 'payment' });
    expect(decideStep('pay', facts('payment'), clerk)).toEqual({ ok: true, to: 'paid' });
    expect(decideStep('pay', facts('payment'), reviewer)).toEqual({ ok: true, to: 'paid' });
  });
  it('refuses steps out of order, wrong roles, held cases and the 初审 user at 复核', () => {
    expect(decideStep('first_review', facts('registration'), clerk)).toMatchObject({
      ok: false,
      message: expect.stringContaining('待登记录入'),
    });
    expect(decideStep('register', facts('awaiting_documents'), clerk)).toMatchObject({ ok: false });
    expect(decideStep('second_review', facts('second_review'), clerk)).toMatchObject({
      ok: false,
      message: expect.stringContaining('角色'),
    });
    expect(decideStep('register', facts('registration'), reviewer)).toMatchObject({ ok: false });
    expect(decideStep('register', facts('registration', { isHeld: true }), clerk)).toMatchObject({
      ok: false,
      message: expect.stringContaining('暂停'),
    });
    // Who may not act because of what they did on the case is the separation table's question (access/separation).
    const sameUser = { id: 'x', role: 'reviewer' as const };
    expect(decideStep('second_review', facts('second_review', { firstReviewBy: 'x' }), sameUser)).toEqual({ ok: true, to: 'payment' });
    expect(decideStep('pay', facts('paid'), clerk)).toMatchObject({ ok: false });
  });
  it('returns one step, never before registration or after payment', () => {
    expect(previousStatus('payment')).toBe('second_review');
    expect(decideReturn(facts('second_review'), reviewer)).toEqual({ ok: true, to: 'first_review' });
    expect(decideReturn(facts('second_review'), clerk)).toMatchObject({ ok: false });
    expect(decideReturn(facts('registration'), clerk)).toMatchObject({ ok: false });
    expect(decideReturn(facts('paid'), clerk)).toMatchObject({ ok: false });
    expect(stepOf('paid')).toBeNull();
  });
  it('holds only running clocks', () => {
    expect(decideHold(facts('awaiting_documents'), clerk, false)).toMatchObject({ ok: false });
    expect(decideHold(facts('first_review'), clerk, false)).toMatchObject({ ok: true });
    expect(decideHold(facts('first_review', { isHeld: true }), clerk, false)).toMatchObject({ ok: false });
    expect(decideHold(facts('first_review'), clerk, true)).toMatchObject({ ok: false });
    expect(decideHold(facts('first_review', { isHeld: true }), reviewer, true)).toMatchObject({ ok: true });
    expect(decideHold(facts('first_review'), { id: 's', role: 'supervisor' }, false)).toMatchObject({ ok: false });
  });
});

describe('amounts', () => {
  const lines = [
    { tier: 'basic', amount: 100 },
    { tier: 'critical', amount: 20 },
    { tier: 'hospital_reduction', amount: 7 },
    { tier: 'assistance', amount: 3 },
    { tier: 'tilted', amount: 1 },
    { tier: 'hospital_borne', amount: 50 },
  ];
  it('pays the patient the funds’ tiers; offsite only assistance', () => {
    expect(payableToPatient('non_networked', lines)).toBe(124);
    expect(payableToPatient('offsite_networked', lines)).toBe(4);
  });
});

describe('clocks of the flow (RULES §6)', () => {
  it('25 working days from Friday 2019-09-20 across National Day: 2019-10-30', () => {
    expect(computeReimbursementClock({ start: '2019-09-20', today: '2019-09-20' }, DEFAULT_CALENDAR).due).toBe('2019-10-30');
  });
  it('a doubtful-case hold 09-26..10-09 adds its 6 working days: 2019-11-07', () => {
    const clock = computeReimbursementClock(
      { start: '2019-09-20', suspensions: [{ from: '2019-09-26', to: '2019-10-09' }], today: '2019-10-28' },
      DEFAULT_CALENDAR,
    );
    expect(clock.due).toBe('2019-11-07');
    expect(clock.left).toBe(8);
    expect(clockTone(clock, false)).toBe('ok');
  });
  it('advance: 10 then 15 working days from receipt', () => {
    const { first, rest } = computeAdvanceClock({ start: '2019-09-20', today: '2019-09-20' }, DEFAULT_CALENDAR);
    // 09-23..27 (5), Sunday 09-29 worked (6), 09-30 (7), holidays 10-01..07, 10-08 (8), 10-09 (9), 10-10 (10).
    expect(first.due).toBe('2019-10-10');
    expect(rest.due).toBe('2019-10-30');
  });
  it('tones', () => {
    expect(clockTone({ overdue: false, left: 5 }, false)).toBe('amber');
    expect(clockTone({ overdue: true, left: 0 }, false)).toBe('red');
    expect(clockTone({ overdue: false, left: 6 }, false)).toBe('ok');
    expect(clockTone(null, false)).toBe('none');
    expect(clockTone({ overdue: false, left: 0 }, true, true)).toBe('red');
  });
});

describe('schemas', () => {
  const entry = {
    personId: '3f1e9c1e-1b7a-4c7e-9a2b-000000000001',
    hospitalId: '3f1e9c1e-1b7a-4c7e-9a2b-000000000002',
    visitType: 'inpatient',
    admissionDate: '2019-09-01',
    dischargeDate: '2019-09-10',
    diagnosis: '肺炎',
    totalCost: 1000,
    inScopeCost: 900,
  };
  const materials = { insurance_card: true, identity: true, invoice: true, discharge_summary: false, cost_list: true, bank_card: true };
  it('lists the missing materials', () => {
    expect(missingMaterials(materials)).toEqual(['discharge_summary']);
  });
  it('refuses hospital-paid amounts on a non-networked visit and amounts above the total', () => {
    const bad = ZReimbursementIntake.safeParse({
      kind: 'non_networked',
      entry,
      materials,
      paidElsewhereBasic: 5,
      idempotencyKey: 'abcdefgh',
    });
    expect(bad.success).toBe(false);
    const tooMuch = ZReimbursementIntake.safeParse({
      kind: 'offsite_networked',
      entry,
      materials,
      paidElsewhereBasic: 900,
      paidElsewhereCritical: 200,
      idempotencyKey: 'abcdefgh',
    });
    expect(tooMuch.error?.issues[0]?.path).toEqual(['paidElsewhereCritical']);
  });
  it('payee account: digits only, spaces removed; the registered account is the default at intake', () => {
    expect(ZPayeeDetails.parse({ name: '王建国', bankName: '农村信用社', account: '6217 0000 0000 0001' }).account).toBe(
      '6217000000000001',
    );
    expect(ZPayeeDetails.safeParse({ name: '王建国', bankName: '农村信用社', account: '62x7' }).error?.issues[0]?.path).toEqual([
      'account',
    ]);
    expect(ZPayeeDetails.safeParse({ name: '', bankName: '农村信用社', account: '6217000000000001' }).error?.issues[0]?.path).toEqual([
      'name',
    ]);
    const intake = ZReimbursementIntake.parse({ kind: 'non_networked', entry, materials, idempotencyKey: 'abcdefgh' });
    expect(intake.payee).toEqual({ source: 'registered' });
    // Payment names no account: it goes to the case's payee.
    expect(
      ZPayInput.parse({
        id: entry.personId,
        version: 1,
        requestKey: 'abcdefgh',
        paymentRef: 'ZF2019001',
        payeeAccount: '6217000000000001',
      }),
    ).not.toHaveProperty('payeeAccount');
  });
  it('a payee change names a reason; a rejection says why; 复核 confirms the payee', () => {
    const base = { id: entry.personId, version: 1, requestKey: 'abcdefgh' };
    const payee = { name: '王建国', bankName: '农村信用社', account: '6217000000000001' };
    expect(ZProposePayeeChangeInput.safeParse({ ...base, payee, reason: '原卡挂失' }).success).toBe(true);
    expect(ZProposePayeeChangeInput.safeParse({ ...base, payee, reason: '挂失' }).error?.issues[0]?.path).toEqual(['reason']);
    const decide = { ...base, changeId: entry.personId };
    expect(ZDecidePayeeChangeInput.safeParse({ ...decide, decision: 'approve' }).success).toBe(true);
    expect(ZDecidePayeeChangeInput.safeParse({ ...decide, decision: 'reject', note: '' }).error?.issues[0]?.path).toEqual(['note']);
    expect(ZSecondReviewInput.safeParse({ ...base, note: '' }).error?.issues[0]?.message).toContain('银行存折（卡）复印件');
    expect(ZSecondReviewInput.safeParse({ ...base, note: '', payeeVerified: true }).success).toBe(true);
  });
  it('detects pdf, png, jpg by their bytes', () => {
    expect(detectUploadType(new TextEncoder().encode('%PDF-1.4'))).toBe('pdf');
    expect(detectUploadType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectUploadType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(detectUploadType(new TextEncoder().encode('MZ\x90'))).toBeNull();
  });
});
