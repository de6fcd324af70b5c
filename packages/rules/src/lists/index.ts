export * from './schemas.js';
export * from './compare.js';
export * from './outputs.js';
