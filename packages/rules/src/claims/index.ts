export * from './schema.js';
export * from './slip.js';
export * from './request.js';
export * from './outputs.js';
