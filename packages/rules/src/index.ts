export * from './money.js';
export * from './profiles.js';
export * from './categories.js';
export * from './access.js';
export * from './id-number/index.js';
