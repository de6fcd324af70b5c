import { ZLedgerPage } from '@portal/rules';
import * as ledger from '../services/ledger/index.js';
import { procedure, router } from '../trpc.js';

/** The .xlsx export is GET /api/exports/ledger.xlsx (src/http/exports.ts). */
export const ledgerRouter = router({
  list: procedure('ledger.read')
    .input(ledger.ZListLedgerInput)
    .output(ZLedgerPage)
    .query(({ ctx, input }) => ledger.listLedger({ ctx, input })),
});
