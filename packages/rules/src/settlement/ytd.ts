import { settle } from './pipeline.js';
import { YTD_FIELDS } from './schema.js';
import type { TSettleRequest, TSettleResult, TYtd, TYtdDelta } from './schema.js';

/**
 * What a visit adds to the person's year-to-date accumulators (the applied category's figures):
 * fund payments by tier and visit type, the cumulative 大病 / assistance / tilted bases, and the
 * deductibles met. The server adds it with `addYtd` after saving the claim.
 */
export function computeYtdDelta(request: TSettleRequest | TSettleResult): TYtdDelta {
  return 'ytdDelta' in request ? request.ytdDelta : settle(request).ytdDelta;
}

/** Adds a visit's delta to the accumulators, field by field (a new object). */
export function addYtd(ytd: TYtd, delta: TYtdDelta): TYtd {
  const out = { ...ytd };
  for (const field of YTD_FIELDS) out[field] = ytd[field] + delta[field];
  return out;
}
