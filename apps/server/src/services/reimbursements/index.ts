export { createReimbursement } from './create.js';
export { getReimbursement, ZGetReimbursementInput } from './get.js';
export { listReimbursements } from './list.js';
export { receiveMaterials } from './receive-materials.js';
export { registerCase, investigateCase, firstReviewCase, secondReviewCase } from './steps.js';
export { payCase } from './pay.js';
export { returnCase, holdCase, clearHold } from './return-hold.js';
export { getReimbursementBoard } from './board.js';
export { uploadAttachment, readAttachment, ZAttachmentId } from './attachments.js';
