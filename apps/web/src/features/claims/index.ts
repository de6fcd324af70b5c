export { PersonClaimsPanel } from './person-claims-panel';
export { SettlementTable } from './settlement-preview';
export { ZClaimForm, toEntry, type TClaimForm } from './claim-form-schema';
export { PersonPicker } from './person-picker';
