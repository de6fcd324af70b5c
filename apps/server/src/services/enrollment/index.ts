export { recordEnrollment } from './record.js';
export { listEnrollmentWorklist, ZWorklistInput } from './worklist.js';
export { resolveEnrollment } from './resolve.js';
