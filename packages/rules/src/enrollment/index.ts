export * from './enrollment.js';
export * from './schemas.js';
export * from './outputs.js';
