/** Local settlement parameters: labelled per-profile defaults, validation and deep merge. */
export * from './schema.js';
export * from './defaults.js';
export * from './merge.js';
export * from './version.js';
export * from './outputs.js';
