export { createClaim } from './create.js';
export { getClaim, ZGetClaimInput, type ClaimDetail } from './get.js';
export { listClaims } from './list.js';
export { reverseClaim } from './reverse.js';
export { getClaimContext } from './context.js';
