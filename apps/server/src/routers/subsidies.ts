import { ZPremiumInput, ZSubsidyRunInput } from '@portal/rules';
import * as subsidies from '../services/subsidies/index.js';
import { procedure, router } from '../trpc.js';

export const subsidiesRouter = router({
  premiums: procedure('premiums.read').query(({ ctx }) => subsidies.listPremiums({ ctx })),
  setPremium: procedure('premiums.write')
    .input(ZPremiumInput)
    .mutation(({ ctx, input }) => subsidies.setPremium({ ctx, input })),
  run: procedure('subsidies.run')
    .input(ZSubsidyRunInput)
    .mutation(({ ctx, input }) => subsidies.runSubsidies({ ctx, input })),
  runs: procedure('subsidies.read').query(({ ctx }) => subsidies.listSubsidyRuns({ ctx })),
  getRun: procedure('subsidies.read')
    .input(subsidies.ZGetSubsidyRunInput)
    .query(({ ctx, input }) => subsidies.getSubsidyRun({ ctx, input })),
});
