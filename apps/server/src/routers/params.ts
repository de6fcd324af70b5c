import { ZCreateParamVersionInput } from '@portal/rules';
import * as params from '../services/params/index.js';
import { procedure, router } from '../trpc.js';

export const paramsRouter = router({
  list: procedure('params.read').query(({ ctx }) => params.listParamVersions({ ctx })),
  create: procedure('params.write')
    .input(ZCreateParamVersionInput)
    .mutation(({ ctx, input }) => params.createParamVersion({ ctx, input })),
});
