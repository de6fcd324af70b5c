export * from './warning.js';
