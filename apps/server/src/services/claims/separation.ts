import { SEPARATION_RULES, separationProblem } from '@portal/rules';
import { type Actor, forbidden } from '../../core/index.js';

/**
 * A visit settled on a reviewer's 视同转诊 override may not be entered by that reviewer (separation
 * table, `claim.use_override`). `grantedBy` is the override's granter (none: nothing to check);
 * `enteredBy` is whoever entered the visit: the actor at claim entry
 * and at a reimbursement's 受理, the case's intake user at its 初审 and 支付.
 */
export function assertOverrideUsable(grantedBy: string | null | undefined, enteredBy: string, actor: Pick<Actor, 'id'>): void {
  if (!grantedBy) return;
  const problem = separationProblem('claim.use_override', [{ act: 'referral.override', actorId: grantedBy }], enteredBy);
  if (!problem) return;
  const message =
    enteredBy === actor.id
      ? problem.message
      : `${SEPARATION_RULES['claim.use_override'].message}（本案受理人即所用视同转诊认定的认定人），请由其他审核人员重新认定`;
  throw forbidden(message, `separation: claim.use_override, override granted by ${enteredBy}`);
}
