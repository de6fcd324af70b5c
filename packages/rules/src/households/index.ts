export * from './schemas.js';
export * from './outputs.js';
