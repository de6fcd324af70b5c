export { lockedAt, listUsers, createUser, updateUser, resetPassword, ZListUsersInput, ZResetPasswordInput } from './users.js';
export { listOrgUnits, createOrgUnit, updateOrgUnit } from './org-units.js';
export { toUserDto } from './internal.js';
