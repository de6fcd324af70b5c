import { ZCreateParamVersionInput } from '@portal/rules';
import * as params from '../services/params/index.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

export const paramsRouter = router({
  list: authedProcedure.query(({ ctx }) => params.listParamVersions({ ctx })),
  create: roleProcedure('admin')
    .input(ZCreateParamVersionInput)
    .mutation(({ ctx, input }) => params.createParamVersion({ ctx, input })),
});
