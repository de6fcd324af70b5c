export * from './schemas.js';
export * from './ratios.js';
