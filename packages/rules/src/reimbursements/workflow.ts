import type { TRole } from '../access/index.js';

/**
 * The case flow of `000 §二(五)3`: 受理 (intake) → 病案登记录入 → 病案调查核实 → 初审 → 复核 → 支付.
 * A status names the step that is waiting to be done.
 */
export const REIMBURSEMENT_STATUSES = [
  'awaiting_documents',
  'registration',
  'investigation',
  'first_review',
  'second_review',
  'payment',
  'paid',
] as const;
export type TReimbursementStatus = (typeof REIMBURSEMENT_STATUSES)[number];
export const REIMBURSEMENT_STATUS_LABELS: Record<TReimbursementStatus, string> = {
  awaiting_documents: '待补材料',
  registration: '待登记录入',
  investigation: '待调查核实',
  first_review: '待初审',
  second_review: '待复核',
  payment: '待支付',
  paid: '已支付',
};

export const REIMBURSEMENT_STEPS = ['register', 'investigate', 'first_review', 'second_review', 'pay'] as const;
export type TReimbursementStep = (typeof REIMBURSEMENT_STEPS)[number];

interface StepRule {
  label: string;
  from: TReimbursementStatus;
  to: TReimbursementStatus;
  roles: readonly TRole[];
}

/**
 * Which role does what. Clerks register, investigate and do the 初审; a reviewer does the 复核;
 * payment is recorded by a clerk or a reviewer. Which PERSON may not act, because of what they did
 * on the case (受理, 初审, 复核, a payee change), is the separation table's answer
 * (`access/separation.ts`, decision 0009), asked by the server against the case's stored events.
 */
export const STEP_RULES: Record<TReimbursementStep, StepRule> = {
  register: { label: '病案登记录入', from: 'registration', to: 'investigation', roles: ['clerk'] },
  investigate: { label: '病案调查核实', from: 'investigation', to: 'first_review', roles: ['clerk'] },
  first_review: { label: '初审', from: 'first_review', to: 'second_review', roles: ['clerk'] },
  second_review: { label: '复核', from: 'second_review', to: 'payment', roles: ['reviewer'] },
  pay: { label: '支付', from: 'payment', to: 'paid', roles: ['clerk', 'reviewer'] },
};

/** The step waiting in a status (none while documents are missing or once paid). */
export function stepOf(status: TReimbursementStatus): TReimbursementStep | null {
  return REIMBURSEMENT_STEPS.find((s) => STEP_RULES[s].from === status) ?? null;
}

/** One step back: the status a case returns to, or null where there is nothing to return to. */
export function previousStatus(status: TReimbursementStatus): TReimbursementStatus | null {
  const back: Partial<Record<TReimbursementStatus, TReimbursementStatus>> = {
    investigation: 'registration',
    first_review: 'investigation',
    second_review: 'first_review',
    payment: 'second_review',
  };
  return back[status] ?? null;
}

export interface CaseFacts {
  status: TReimbursementStatus;
  isHeld: boolean;
  firstReviewBy: string | null;
}
export interface Actor {
  id: string;
  role: TRole;
}
export type Decision = { ok: true; to: TReimbursementStatus } | { ok: false; message: string };

/** Whether `actor` may do `step` on a case now, and where it leads. Chinese reason when not. */
export function decideStep(step: TReimbursementStep, facts: CaseFacts, actor: Actor): Decision {
  const rule = STEP_RULES[step];
  if (!rule.roles.includes(actor.role)) return { ok: false, message: `您的角色不能办理“${rule.label}”` };
  if (facts.status !== rule.from) {
    return { ok: false, message: `案件当前为“${REIMBURSEMENT_STATUS_LABELS[facts.status]}”，不能办理“${rule.label}”` };
  }
  if (facts.isHeld) return { ok: false, message: '案件已标记为特殊/疑问病案，计时已暂停；请先解除标记' };
  return { ok: true, to: rule.to };
}

/** Returning a case one step: done by whoever would do the waiting step. */
export function decideReturn(facts: CaseFacts, actor: Actor): Decision {
  const to = previousStatus(facts.status);
  const step = stepOf(facts.status);
  if (!to || !step) return { ok: false, message: `案件当前为“${REIMBURSEMENT_STATUS_LABELS[facts.status]}”，不能退回` };
  if (!STEP_RULES[step].roles.includes(actor.role))
    return { ok: false, message: `您的角色不能退回处于“${REIMBURSEMENT_STATUS_LABELS[facts.status]}”的案件` };
  if (facts.isHeld) return { ok: false, message: '案件已标记为特殊/疑问病案，请先解除标记' };
  return { ok: true, to };
}

/** Marking special/doubtful stops a running clock, so only cases whose clock runs can be held. */
export function decideHold(facts: CaseFacts, actor: Actor, clear: boolean): Decision {
  if (actor.role !== 'clerk' && actor.role !== 'reviewer') return { ok: false, message: '只有经办和审核人员可以标记或解除特殊/疑问病案' };
  if (clear) return facts.isHeld ? { ok: true, to: facts.status } : { ok: false, message: '案件没有特殊/疑问病案标记' };
  if (facts.isHeld) return { ok: false, message: '案件已标记为特殊/疑问病案' };
  if (facts.status === 'awaiting_documents') return { ok: false, message: '材料未齐全，计时尚未开始，无需暂停' };
  if (facts.status === 'paid') return { ok: false, message: '案件已支付办结' };
  return { ok: true, to: facts.status };
}

/**
 * The agency's payment to the patient. A non-networked visit: every tier the funds pay
 * (basic, 大病, assistance, tilted). An out-of-prefecture networked visit: the hospital already
 * paid basic and 大病, so only assistance and tilted assistance are paid here. Hospital reduction
 * and hospital-borne amounts are the hospital's, never the agency's.
 */
export function payableToPatient(kind: 'non_networked' | 'offsite_networked', lines: readonly { tier: string; amount: number }[]): number {
  const tiers = kind === 'non_networked' ? ['basic', 'critical', 'assistance', 'tilted'] : ['assistance', 'tilted'];
  return lines.filter((l) => tiers.includes(l.tier)).reduce((s, l) => s + l.amount, 0);
}

/** Days-left colouring of the work queue: red overdue, amber ≤ 5 working days left. */
export function clockTone(
  clock: { overdue: boolean; left: number } | null,
  isClosed: boolean,
  closedLate = false,
): 'ok' | 'amber' | 'red' | 'none' {
  if (!clock) return 'none';
  if (isClosed) return closedLate ? 'red' : 'ok';
  if (clock.overdue) return 'red';
  return clock.left <= 5 ? 'amber' : 'ok';
}
