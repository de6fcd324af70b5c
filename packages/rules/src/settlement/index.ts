/** Settlement engine (RULES §3, §8): request schema, pipeline, year-to-date accumulators. */
export * from './schema.js';
export * from './parse.js';
export * from './pipeline.js';
export * from './ytd.js';
export type { TCriticalTerms, TProfileRules } from './types.js';
export { payOnCumulativeBase, payOnCumulativeLinear, sliceOfCumulative } from './cumulative.js';
export type { TBand } from './cumulative.js';
export * from './outputs.js';
