export { OrgUnitsPage } from './org-units-page';
export { UsersPage } from './users-page';
