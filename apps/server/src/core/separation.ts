import { separationProblem, type DutyRecord, type TSeparatedAction } from '@portal/rules';
import type { Actor } from './actor.js';
import { forbidden } from './errors.js';

/**
 * Refuses (FORBIDDEN, the separation table's Chinese message) when the actor's own earlier acts on
 * the record bar them from `action`. `history` must be read from the database inside the action's
 * transaction, after the record's row lock: never from the request.
 */
export function assertSeparated(action: TSeparatedAction, history: readonly DutyRecord[], actor: Pick<Actor, 'id'>): void {
  const problem = separationProblem(action, history, actor.id);
  if (problem) throw forbidden(problem.message, `separation: ${action} refused after ${problem.act} by ${actor.id}`);
}
