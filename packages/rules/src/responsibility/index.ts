export * from './templates.js';
export * from './schemas.js';
export * from './status.js';
export * from './diff.js';
export * from './export-safety.js';
export * from './outputs.js';
