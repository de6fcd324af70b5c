export * from './schema.js';
export * from './workflow.js';
export * from './detect.js';
export * from './outputs.js';
