export { createClaim } from './create.js';
export { getClaim, ZGetClaimInput, type ClaimDetail } from './get.js';
export { listClaims } from './list.js';
export { reverseClaim } from './reverse.js';
export { getClaimContext } from './context.js';
export { storeSettledClaim } from './store.js';
export { prepareVisit, buildSettleRequest, type PreparedVisit } from './prepare.js';
export { lockYtd, readYtd } from './internal.js';
