import * as audit from '../services/audit/index.js';
import { ZListAuditInput } from '../services/audit/list.js';
import { roleProcedure, router } from '../trpc.js';

export const auditRouter = router({
  list: roleProcedure('admin', 'supervisor')
    .input(ZListAuditInput)
    .query(({ ctx, input }) => audit.listAudit({ ctx, input })),
});
