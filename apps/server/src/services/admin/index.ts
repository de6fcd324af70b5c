export { listUsers, createUser, updateUser, resetPassword } from './users.js';
export { listOrgUnits, createOrgUnit, updateOrgUnit } from './org-units.js';
