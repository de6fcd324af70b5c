import { ZCreateParamVersionInput, ZCreatedParamVersion, ZParamVersions } from '@portal/rules';
import * as params from '../services/params/index.js';
import { procedure, router } from '../trpc.js';

export const paramsRouter = router({
  list: procedure('params.read')
    .output(ZParamVersions)
    .query(({ ctx }) => params.listParamVersions({ ctx })),
  create: procedure('params.write')
    .input(ZCreateParamVersionInput)
    .output(ZCreatedParamVersion)
    .mutation(({ ctx, input }) => params.createParamVersion({ ctx, input })),
});
