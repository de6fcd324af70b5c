import {
  ZPremiumInput,
  ZPremiums,
  ZRecordRef,
  ZSubsidyRunCreated,
  ZSubsidyRunDetail,
  ZSubsidyRunInput,
  ZSubsidyRunSummaries,
} from '@portal/rules';
import * as subsidies from '../services/subsidies/index.js';
import { procedure, router } from '../trpc.js';

export const subsidiesRouter = router({
  premiums: procedure('premiums.read')
    .output(ZPremiums)
    .query(({ ctx }) => subsidies.listPremiums({ ctx })),
  setPremium: procedure('premiums.write')
    .input(ZPremiumInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => subsidies.setPremium({ ctx, input })),
  run: procedure('subsidies.run')
    .input(ZSubsidyRunInput)
    .output(ZSubsidyRunCreated)
    .mutation(({ ctx, input }) => subsidies.runSubsidies({ ctx, input })),
  runs: procedure('subsidies.read')
    .output(ZSubsidyRunSummaries)
    .query(({ ctx }) => subsidies.listSubsidyRuns({ ctx })),
  getRun: procedure('subsidies.read')
    .input(subsidies.ZGetSubsidyRunInput)
    .output(ZSubsidyRunDetail)
    .query(({ ctx, input }) => subsidies.getSubsidyRun({ ctx, input })),
});
