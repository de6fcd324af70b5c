export { addClaimToTotals, recomputeClaimTotals } from './totals.js';
export { getBenefitsDashboard } from './benefits.js';
export { rebuildClaimTotals } from './rebuild.js';
export { exportDashboard } from './export.js';
