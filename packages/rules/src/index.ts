export * from './money.js';
export * from './profiles.js';
export * from './categories.js';
