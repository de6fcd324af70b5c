export { previewListUpload } from './preview.js';
export { applyListBatch, discardListBatch, ZApplyListBatchInput } from './apply.js';
export { listListBatches, getListBatch, ZGetListBatchInput } from './batches.js';
export { readListFile, MAX_UPLOAD_BYTES } from './read-file.js';
export { revertListBatch } from './revert.js';
