import { ZAuditPage } from '@portal/rules';
import * as audit from '../services/audit/index.js';
import { procedure, router } from '../trpc.js';

export const auditRouter = router({
  list: procedure('audit.read')
    .input(audit.ZListAuditInput)
    .output(ZAuditPage)
    .query(({ ctx, input }) => audit.listAudit({ ctx, input })),
});
