export * from './money.js';
export * from './profiles.js';
export * from './categories.js';
export * from './access.js';
export * from './id-number/index.js';
export * from './calendar/index.js'; export * from './subsidy/index.js'; export * from './enrollment/index.js'; export * from './warning/index.js';
export * from './settlement/index.js'; export * from './params/index.js'; export * from './special-diseases.js';
export * from './params-version.js';
export * from './referrals/index.js';
