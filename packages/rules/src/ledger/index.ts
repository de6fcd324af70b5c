export * from './schemas.js';
export * from './ledger.js';
