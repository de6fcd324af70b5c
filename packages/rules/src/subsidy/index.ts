export * from './params.js';
export * from './qiannan-counties.js';
export * from './subsidy.js';
