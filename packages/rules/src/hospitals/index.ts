export * from './schemas.js';
export * from './locate.js';
export * from './issuer.js';
export * from './outputs.js';
