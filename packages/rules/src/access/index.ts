export * from './access.js';
export * from './permissions.js';
export * from './outputs.js';
