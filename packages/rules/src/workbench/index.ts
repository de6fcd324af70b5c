export * from './calendar-due.js';
export * from './outputs.js';
