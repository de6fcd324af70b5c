export * from './schemas.js';
export * from './ledger.js';
export * from './limits.js';
export * from './outputs.js';
