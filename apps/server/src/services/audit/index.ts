export { listAudit } from './list.js';
export { ZListAuditInput } from './list.js';
