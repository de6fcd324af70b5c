export * from './org.js';
export * from './audit.js';
export * from './persons.js';
export * from './responsibility.js';
