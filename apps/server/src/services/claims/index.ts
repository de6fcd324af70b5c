export { createClaim } from './create.js';
export { getClaim, ZGetClaimInput } from './get.js';
export { listClaims } from './list.js';
export { reverseClaim } from './reverse.js';
export { getClaimContext } from './context.js';
export { gatherVisitFacts, type VisitFacts, type VisitFactsQuery } from './facts.js';
export { prepareVisit, type PreparedVisit } from './prepare.js';
export { settleAndStoreVisit, settleVisit, type SettledVisit } from './settle.js';
export { assertOverrideUsable } from './separation.js';
