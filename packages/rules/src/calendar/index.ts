export * from './dates.js';
export * from './types.js';
export * from './calendar.js';
export * from './deadline.js';
export * from './outputs.js';
export * from './import.js';
