import { z } from 'zod';
import { ZListCount } from '../outputs.js';

/**
 * One item of a role's workbench (工作台): a bounded count of the records waiting for the user and
 * the address of the list filtered to exactly those records.
 */
export const ZWorkbenchItem = z.object({
  key: z.string(),
  label: z.string(),
  count: ZListCount,
  /** The list (with its URL filters) that shows the counted records. */
  to: z.string(),
  /** A sentence explaining the item (why it matters, what to do). */
  hint: z.string(),
});
export type TWorkbenchItem = z.infer<typeof ZWorkbenchItem>;

export const ZWorkbench = z.object({ items: z.array(ZWorkbenchItem) });
export type TWorkbench = z.infer<typeof ZWorkbench>;
