export { createAdvanceDeclaration } from './create.js';
export { listAdvanceDeclarations } from './list.js';
export { approveAdvance } from './approve.js';
export { payAdvanceDeclaration } from './pay.js';
export { recoverAdvance } from './recover.js';
export { getAdvance } from './action.js';
