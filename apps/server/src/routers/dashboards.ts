import { ZBenefitsDashboard, ZDashboardInput, ZRebuildTotalsInput, ZRebuildTotalsResult } from '@portal/rules';
import * as dashboards from '../services/dashboards/index.js';
import { procedure, router } from '../trpc.js';

export const dashboardsRouter = router({
  benefits: procedure('dashboards.read')
    .input(ZDashboardInput)
    .output(ZBenefitsDashboard)
    .query(({ ctx, input }) => dashboards.getBenefitsDashboard({ ctx, input })),
  rebuildTotals: procedure('dashboards.rebuild')
    .input(ZRebuildTotalsInput)
    .output(ZRebuildTotalsResult)
    .mutation(({ ctx, input }) => dashboards.rebuildClaimTotals({ ctx, input })),
});
