import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUTY_ACT_ROLES,
  DUTY_ACTS,
  SEPARATED_ACTIONS,
  SEPARATION_RULES,
  separationProblem,
  type DutyRecord,
  type TDutyAct,
  type TSeparatedAction,
} from './separation.js';

const ME = 'user-me';
const OTHER = 'user-other';

/** Every row, written out once more by hand: a change to the table must change this test too. */
const EXPECTED: Record<TSeparatedAction, TDutyAct[]> = {
  'reimbursement.second_review': ['reimbursement.intake', 'reimbursement.first_review', 'referral.override'],
  'reimbursement.pay': [
    'reimbursement.intake',
    'reimbursement.first_review',
    'reimbursement.second_review',
    'reimbursement.payee_propose',
    'reimbursement.payee_approve',
  ],
  'reimbursement.payee_approve': ['reimbursement.payee_propose'],
  'advance.approve_first': ['advance.declare'],
  'advance.approve_total': ['advance.declare'],
  'advance.pay_first': ['advance.approve_first', 'advance.recover'],
  'advance.pay_rest': ['advance.approve_total', 'advance.recover'],
  'claim.reverse': ['claim.create'],
  'claim.use_override': ['referral.override'],
};

describe('separation of duties', () => {
  it('has one row per money action, as listed', () => {
    expect(Object.keys(SEPARATION_RULES).sort()).toEqual([...SEPARATED_ACTIONS].sort());
    for (const action of SEPARATED_ACTIONS) expect([...SEPARATION_RULES[action].forbiddenAfter]).toEqual(EXPECTED[action]);
  });

  describe.each(SEPARATED_ACTIONS)('%s', (action) => {
    const rule = SEPARATION_RULES[action];
    it.each(rule.forbiddenAfter.map((a) => [a]))('refuses whoever did %s, with the row’s message and who they are', (act) => {
      const problem = separationProblem(action, [{ act, actorId: ME }], ME);
      expect(problem).toEqual({ action, act, acts: [act], message: expect.stringContaining(rule.message) });
      expect(problem?.message).toContain(`${DUTY_ACT_ROLES[act].of}${DUTY_ACT_ROLES[act].role}`);
      expect(problem?.message).toMatch(/[\u4e00-\u9fa5]/);
    });
    it('allows a second person, whatever the first did', () => {
      const history = DUTY_ACTS.map((act) => ({ act, actorId: OTHER }));
      expect(separationProblem(action, history, ME)).toBeNull();
    });
    it('allows the same person after acts the row does not name', () => {
      const harmless = DUTY_ACTS.filter((a) => !rule.forbiddenAfter.includes(a)).map((act) => ({ act, actorId: ME }));
      expect(separationProblem(action, harmless, ME)).toBeNull();
      expect(separationProblem(action, [], ME)).toBeNull();
    });
  });

  it('names every forbidding act of the person, in the row’s order, each record once', () => {
    const history: DutyRecord[] = [
      { act: 'reimbursement.first_review', actorId: ME },
      { act: 'reimbursement.intake', actorId: ME },
      { act: 'reimbursement.intake', actorId: ME },
    ];
    expect(separationProblem('reimbursement.pay', history, ME)).toMatchObject({
      act: 'reimbursement.intake',
      acts: ['reimbursement.intake', 'reimbursement.first_review'],
      message: '支付须由未参与本案受理、初审、复核和收款账户变更的人员办理（您是本案的受理人、初审人），请由其他人员办理',
    });
    const mixed: DutyRecord[] = [
      { act: 'referral.override', actorId: ME },
      { act: 'reimbursement.intake', actorId: ME },
    ];
    expect(separationProblem('reimbursement.second_review', mixed, ME)?.message).toContain(
      '（您是本案的受理人，也是所用视同转诊认定的认定人）',
    );
  });

  it('the attack of issue 12 is refused at every step it needed one person for', () => {
    // One reviewer registered the person, took the intake, did 复核 and paid.
    const reviewer = 'reviewer-1';
    const clerk = 'clerk-1';
    const history: DutyRecord[] = [
      { act: 'reimbursement.intake', actorId: reviewer },
      { act: 'reimbursement.first_review', actorId: clerk },
    ];
    expect(separationProblem('reimbursement.second_review', history, reviewer)?.act).toBe('reimbursement.intake');
    expect(separationProblem('reimbursement.pay', history, clerk)?.act).toBe('reimbursement.first_review');
    // One clerk declared, paid 70 %, entered the approved total and paid the rest.
    const advance: DutyRecord[] = [{ act: 'advance.declare', actorId: clerk }];
    expect(separationProblem('advance.approve_first', advance, clerk)).not.toBeNull();
    expect(separationProblem('advance.approve_total', advance, clerk)).not.toBeNull();
    expect(separationProblem('advance.pay_rest', [...advance, { act: 'advance.approve_total', actorId: clerk }], clerk)).not.toBeNull();
    // A reviewer reversed his own claim and used his own override.
    expect(separationProblem('claim.reverse', [{ act: 'claim.create', actorId: reviewer }], reviewer)).not.toBeNull();
    expect(separationProblem('claim.use_override', [{ act: 'referral.override', actorId: reviewer }], reviewer)).not.toBeNull();
  });

  it('property: refused exactly when the actor did one of the row’s acts', () => {
    const record = fc.record({ act: fc.constantFrom(...DUTY_ACTS), actorId: fc.constantFrom(ME, OTHER, 'third') });
    fc.assert(
      fc.property(fc.constantFrom(...SEPARATED_ACTIONS), fc.array(record, { maxLength: 12 }), (action, history) => {
        const expected = history.some((h) => h.actorId === ME && SEPARATION_RULES[action].forbiddenAfter.includes(h.act));
        expect(separationProblem(action, history, ME) !== null).toBe(expected);
      }),
    );
  });
});
