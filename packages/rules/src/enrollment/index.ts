export * from './enrollment.js';
export * from './schemas.js';
