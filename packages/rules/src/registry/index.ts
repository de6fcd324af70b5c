export * from './schemas.js';
export * from './compare.js';
export * from './premium-year.js';
export * from './ledger.js';
