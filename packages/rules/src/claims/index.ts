export * from './schema.js';
export * from './slip.js';
