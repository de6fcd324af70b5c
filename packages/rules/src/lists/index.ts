export * from './schemas.js';
export * from './compare.js';
