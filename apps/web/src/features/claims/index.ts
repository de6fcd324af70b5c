export { PersonClaimsPanel } from './person-claims-panel';
export { SettlementTable } from './settlement-preview';
export {
  COSTS_IN_ORDER,
  costsInOrder,
  DATES_IN_ORDER,
  datesInOrder,
  DISCHARGE_GIVEN,
  dischargeGiven,
  EMPTY_VISIT,
  toEntry,
  VISIT_SERVER_FIELDS,
  ZVisitFields,
  type TVisitFields,
  type TVisitFieldsInput,
} from './claim-form-schema';
export { PersonPicker } from './person-picker';
export { VisitFields } from './visit-fields';
