export * from './labels.js';
export * from './outputs.js';
