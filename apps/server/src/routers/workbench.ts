import { ZWorkbench } from '@portal/rules';
import * as service from '../services/workbench/index.js';
import { procedure, router } from '../trpc.js';

export const workbenchRouter = router({
  admin: procedure('workbench.admin')
    .output(ZWorkbench)
    .query(({ ctx }) => service.adminWorkbench({ ctx })),
});
