/**
 * The public API of @portal/rules: one folder per domain (named like the server's services and the
 * web's features), each exporting through its index.ts. Consumers import only from '@portal/rules'.
 */
export * from './money.js';
export * from './outputs.js';
export * from './profiles.js';
export * from './categories.js';
export * from './access/index.js';
export * from './id-number/index.js';
export * from './calendar/index.js';
export * from './workbench/index.js';
export * from './persons/index.js';
export * from './households/index.js';
export * from './lists/index.js';
export * from './enrollment/index.js';
export * from './subsidies/index.js';
export * from './ledger/index.js';
export * from './hospitals/index.js';
export * from './warning/index.js';
export * from './responsibility/index.js';
export * from './settlement/index.js';
export * from './params/index.js';
export * from './special-diseases.js';
export * from './referrals/index.js';
export * from './claims/index.js';
export * from './reimbursements/index.js';
export * from './advances/index.js';
export * from './audit/index.js';
export * from './existence.js';
export * from './dashboards/index.js';
export * from './jobs/index.js';
