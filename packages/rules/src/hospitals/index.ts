export * from './schemas.js';
export * from './locate.js';
