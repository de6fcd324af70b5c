export * from './schemas.js';
export * from './category-facts.js';
export * from './outputs.js';
