import { PROFILE_CATEGORIES, type TCategoryId } from '../categories.js';
import { enrollmentYearFor } from '../enrollment/index.js';
import { heldOn, type CategoryFact } from '../persons/index.js';
import type { TProfileId } from '../profiles.js';

/**
 * The categories that count for the premium subsidy of `year` (RULES §4 with §5's timing): a
 * category held on 1 January counts (the premium is paid for the whole year; leaving later does
 * not claw it back); one identified during the year counts when the profile's enrollment timing
 * (`enrollmentYearFor`) places that identification in this year — Qiannan's 31 August cut-off
 * sends a September identification to next year. Categories outside the profile are dropped.
 */
export function categoriesForPremiumYear(profile: TProfileId, year: number, facts: readonly CategoryFact[]): TCategoryId[] {
  const jan1 = `${year}-01-01`;
  const out = new Set<TCategoryId>();
  for (const f of facts) {
    if (f.category === 'ordinary' || !PROFILE_CATEGORIES[profile].includes(f.category as TCategoryId)) continue;
    if (heldOn(f, jan1)) out.add(f.category as TCategoryId);
    else if (
      f.startDate > jan1 &&
      f.startDate <= `${year}-12-31` &&
      enrollmentYearFor({ profile, identifiedOn: f.startDate }).year === year
    ) {
      out.add(f.category as TCategoryId);
    }
  }
  return [...out];
}
