import { z } from 'zod';

/** The ledger page's filter: a year, and optionally one org unit inside the caller's region. */
export const ZLedgerFilter = z.object({
  orgUnitId: z.uuid().optional(),
  year: z.number({ error: '请选择年度' }).int().min(2017, '年度有误').max(2100, '年度有误'),
});
export type TLedgerFilter = z.input<typeof ZLedgerFilter>;
