import { PROFILE_CATEGORIES, type TCategoryId } from '../categories.js';
import { enrollmentYearFor } from '../enrollment/enrollment.js';
import type { TProfileId } from '../profiles.js';

export interface CategoryFact {
  category: string;
  startDate: string;
  endDate: string | null;
}

/** True when the fact holds on `date` (start and end inclusive). */
export function heldOn(fact: CategoryFact, date: string): boolean {
  return fact.startDate <= date && (fact.endDate === null || fact.endDate >= date);
}

/** The categories a person holds on a date (the only question any rule asks). */
export function categoriesOn(facts: readonly CategoryFact[], date: string): TCategoryId[] {
  return [...new Set(facts.filter((f) => heldOn(f, date)).map((f) => f.category as TCategoryId))];
}

/** True when the fact holds on some day of `year`. */
export function heldDuringYear(fact: CategoryFact, year: number): boolean {
  return fact.startDate <= `${year}-12-31` && (fact.endDate === null || fact.endDate >= `${year}-01-01`);
}

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
