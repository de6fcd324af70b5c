export { HouseholdPanel } from './household-panel';
