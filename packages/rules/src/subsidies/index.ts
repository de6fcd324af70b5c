export * from './params.js';
export * from './qiannan-counties.js';
export * from './subsidy.js';
export * from './schemas.js';
export * from './premium-year.js';
export * from './outputs.js';
