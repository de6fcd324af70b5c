/**
 * Separation of duties (四眼原则) for every movement of money: which earlier acts on the same record
 * bar a person from an action. The permission table (`permissions.ts`) says which ROLE may act; this
 * table says which PERSON may not, because of what they already did on this case, declaration or
 * claim. The server asks `separationProblem` inside the action's transaction, against the history it
 * read from the database (events, approvals, the claim's creator), never against the browser's word;
 * the web asks the same function to say why a button is missing (decision 0009).
 */

/** Acts a person can have done on a record, as the server reads them from the stored history. */
export const DUTY_ACTS = [
  'reimbursement.intake',
  'reimbursement.first_review',
  'reimbursement.second_review',
  'reimbursement.payee_propose',
  'reimbursement.payee_approve',
  'advance.declare',
  'advance.approve_first',
  'advance.approve_total',
  'advance.recover',
  'claim.create',
  'referral.override',
] as const;
export type TDutyAct = (typeof DUTY_ACTS)[number];

/** Who a person is on the record because of an act ("you are …"): the record, and the part they played. */
export const DUTY_ACT_ROLES: Record<TDutyAct, { of: string; role: string }> = {
  'reimbursement.intake': { of: '本案的', role: '受理人' },
  'reimbursement.first_review': { of: '本案的', role: '初审人' },
  'reimbursement.second_review': { of: '本案的', role: '复核人' },
  'reimbursement.payee_propose': { of: '本案的', role: '收款账户变更提出人' },
  'reimbursement.payee_approve': { of: '本案的', role: '收款账户变更审批人' },
  'advance.declare': { of: '本申报的', role: '登记人' },
  'advance.approve_first': { of: '本申报的', role: '70% 预付批准人' },
  'advance.approve_total': { of: '本申报的', role: '审核确认总额录入人' },
  'advance.recover': { of: '本申报的', role: '追回款登记人' },
  'claim.create': { of: '本结算单的', role: '录入人' },
  'referral.override': { of: '所用视同转诊认定的', role: '认定人' },
};

/** "本案的受理人、初审人" for acts in the order given (records named once each). */
export function describeDutyActs(acts: readonly TDutyAct[]): string {
  const groups: { of: string; roles: string[] }[] = [];
  for (const act of acts) {
    const { of, role } = DUTY_ACT_ROLES[act];
    const group = groups.find((g) => g.of === of);
    if (group) group.roles.push(role);
    else groups.push({ of, roles: [role] });
  }
  return groups.map((g) => `${g.of}${g.roles.join('、')}`).join('，也是');
}

/** Actions that move money (or decide where it goes), each guarded by one row of the table. */
export const SEPARATED_ACTIONS = [
  'reimbursement.second_review',
  'reimbursement.pay',
  'reimbursement.payee_approve',
  'advance.approve_first',
  'advance.approve_total',
  'advance.pay_first',
  'advance.pay_rest',
  'claim.reverse',
  'claim.use_override',
] as const;
export type TSeparatedAction = (typeof SEPARATED_ACTIONS)[number];

export interface SeparationRule {
  /** The action in Chinese (the button the user pressed). */
  label: string;
  /** Earlier acts on the same record that bar the same person from this action. */
  forbiddenAfter: readonly TDutyAct[];
  /** The refusal (Chinese), completed by who the person is on the record. */
  message: string;
}

/**
 * The one separation-of-duties table. A row: the action, the earlier acts by the same person that
 * forbid it, and the refusal. Every money action of the portal has a row; a new one is a line here.
 */
export const SEPARATION_RULES: Record<TSeparatedAction, SeparationRule> = {
  'reimbursement.second_review': {
    label: '复核',
    forbiddenAfter: ['reimbursement.intake', 'reimbursement.first_review', 'referral.override'],
    message: '复核须由未受理、未初审本案的审核人员办理，结算所依据的视同转诊认定人也不能复核',
  },
  'reimbursement.pay': {
    label: '支付',
    forbiddenAfter: [
      'reimbursement.intake',
      'reimbursement.first_review',
      'reimbursement.second_review',
      'reimbursement.payee_propose',
      'reimbursement.payee_approve',
    ],
    message: '支付须由未参与本案受理、初审、复核和收款账户变更的人员办理',
  },
  'reimbursement.payee_approve': {
    label: '审批收款账户变更',
    forbiddenAfter: ['reimbursement.payee_propose'],
    message: '收款账户变更须由提出人以外的人员审批',
  },
  'advance.approve_first': {
    label: '批准 70% 预付',
    forbiddenAfter: ['advance.declare'],
    message: '70% 预付须由申报登记人以外的审核人员批准',
  },
  'advance.approve_total': {
    label: '审核确认总额（结清）',
    forbiddenAfter: ['advance.declare'],
    message: '审核确认总额（结清）须由申报登记人以外的审核人员办理',
  },
  'advance.pay_first': {
    label: '登记 70% 预付拨付',
    forbiddenAfter: ['advance.approve_first', 'advance.recover'],
    message: '70% 预付须由批准人以外的人员拨付，登记追回款的人也不能再拨付',
  },
  'advance.pay_rest': {
    label: '登记剩余资金拨付',
    forbiddenAfter: ['advance.approve_total', 'advance.recover'],
    message: '录入审核确认总额的人不能同时支付剩余资金，登记追回款的人也不能再拨付',
  },
  'claim.reverse': {
    label: '冲销',
    forbiddenAfter: ['claim.create'],
    message: '结算单须由录入人以外的审核人员冲销',
  },
  'claim.use_override': {
    label: '使用视同转诊认定结算',
    forbiddenAfter: ['referral.override'],
    message: '视同转诊认定人不能录入使用本人认定的结算，请由其他经办人员录入',
  },
};

/** One act in a record's stored history: what was done and by whom. */
export interface DutyRecord {
  act: TDutyAct;
  actorId: string;
}

export interface SeparationProblem {
  action: TSeparatedAction;
  /** The first earlier act (in the row's order) that bars the person. */
  act: TDutyAct;
  /** Every act of theirs that bars them, in the row's order. */
  acts: TDutyAct[];
  /** The Chinese refusal, naming who the person is on the record. */
  message: string;
}

/**
 * Whether `actorId` may do `action` on a record whose stored history is `history`: null when
 * allowed, else the acts of theirs that forbid it (in the row's order) with the refusal. Acts by
 * other people, and acts the row does not name, never refuse.
 */
export function separationProblem(action: TSeparatedAction, history: readonly DutyRecord[], actorId: string): SeparationProblem | null {
  const rule = SEPARATION_RULES[action];
  const mine = new Set(history.filter((h) => h.actorId === actorId).map((h) => h.act));
  const acts = rule.forbiddenAfter.filter((a) => mine.has(a));
  const act = acts[0];
  if (!act) return null;
  return { action, act, acts, message: `${rule.message}（您是${describeDutyActs(acts)}），请由其他人员办理` };
}
