import type { TCategoryId } from '../categories.js';

/** A dated category fact (身份类别): held from `startDate` to `endDate` inclusive, open when `endDate` is null. */
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
