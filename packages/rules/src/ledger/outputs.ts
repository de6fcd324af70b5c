import { z } from 'zod';

/** One page of the ledger for the screen: per person the 36 cells, ID number masked, money in fen (ledger.list). */
export const ZLedgerPage = z.object({
  items: z.array(z.object({ personId: z.string(), cells: z.array(z.union([z.string(), z.number()]).nullable()) })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TLedgerPage = z.infer<typeof ZLedgerPage>;
