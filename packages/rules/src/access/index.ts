export * from './access.js';
export * from './permissions.js';
export * from './separation.js';
export * from './outputs.js';
