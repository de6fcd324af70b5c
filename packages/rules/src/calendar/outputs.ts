import { z } from 'zod';

const yearDays = { year: z.number(), holidays: z.array(z.string()), workingDays: z.array(z.string()), source: z.string() };

/** A year of the server's calendar: shipped with this package, or entered by an administrator. */
export const ZCalendarYearEntry = z.union([
  z.object({ ...yearDays, origin: z.literal('builtin'), updatedAt: z.null(), updatedByName: z.null() }),
  z.object({ ...yearDays, origin: z.literal('database'), updatedAt: z.string(), updatedByName: z.string() }),
]);
export type TCalendarYearEntry = z.infer<typeof ZCalendarYearEntry>;

/** The calendar page (calendar.list): the years, whether the caller may edit, and the change history. */
export const ZCalendarOverview = z.object({
  years: z.array(ZCalendarYearEntry),
  builtInRange: z.object({ from: z.number(), to: z.number() }),
  canEdit: z.boolean(),
  changes: z.array(
    z.object({
      at: z.string(),
      username: z.string().nullable(),
      year: z.number(),
      holidays: z.number(),
      workingDays: z.number(),
      replaced: z.boolean(),
    }),
  ),
});
export type TCalendarOverview = z.infer<typeof ZCalendarOverview>;

/** A year as saved (calendar.save). */
export const ZSavedCalendarYear = z.object({ year: z.number(), holidays: z.array(z.string()), workingDays: z.array(z.string()) });
export type TSavedCalendarYear = z.infer<typeof ZSavedCalendarYear>;
