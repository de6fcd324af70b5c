export * from './org.js';
export * from './audit.js';
export * from './persons.js';
export * from './responsibility.js';
export * from './params.js';
export * from './hospitals.js';
export * from './claims.js';
export * from './referrals.js';
