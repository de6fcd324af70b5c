export { recordEnrollment } from './record.js';
export { listEnrollmentWorklist, ZWorklistInput } from './worklist.js';
export { resolveEnrollment } from './resolve.js';
export { toEnrollmentDto } from './internal.js';
export { assertEnrolledOn, getEnrollmentOn, type EnrollmentOn, type EnrollmentStatusOn } from './on-date.js';
