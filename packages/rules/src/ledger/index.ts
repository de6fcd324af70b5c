export * from './schemas.js';
export * from './ledger.js';
export * from './outputs.js';
