export * from './referrals.js';
export * from './schemas.js';
export * from './provinces.js';
export * from './decision.js';
export * from './outputs.js';
