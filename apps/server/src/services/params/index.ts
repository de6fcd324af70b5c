export { resolvePolicyParams, type ResolvedParams } from './resolve.js';
export { listParamVersions } from './list.js';
export { createParamVersion } from './create.js';
