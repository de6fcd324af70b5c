import type { RouterOutputs } from '@portal/server/router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyServerError, readServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { newRequestKey } from '../../lib/request-key';

export type Case = RouterOutputs['reimbursements']['get'];

/**
 * What every action on a case sends and does after: the version it was read at, one request key
 * per case version (a double click sends the same key and the server acts once), and a reload.
 */
export function useCaseAction(c: Case) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [nonce] = useState(newRequestKey);
  const base = { id: c.id, version: c.version, requestKey: `${nonce}-v${c.version}` };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reimbursements.pathKey() });
  /**
   * Runs an action and reloads the case. Someone else changed the case meanwhile (CONFLICT): says
   * so and reloads; any other refusal is thrown to the form or dialog that shows it.
   */
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
    } catch (err) {
      if (readServerError(err).code !== 'CONFLICT') throw err;
      applyServerError(err);
    }
    await refresh();
  };
  return { base, run };
}
