export { listAudit } from './list.js';
