export { listPremiums, setPremium, resolvePremium } from './premiums.js';
export { runSubsidies } from './run.js';
export { listSubsidyRuns, getSubsidyRun, ZGetSubsidyRunInput } from './runs.js';
export { exportSubsidyRun } from './export.js';
