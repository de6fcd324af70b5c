export { addClaimToTotals, claimTotalsUpsert, recomputeClaimTotals } from './totals.js';
export { getBenefitsDashboard } from './benefits.js';
export { rebuildClaimTotals } from './rebuild.js';
