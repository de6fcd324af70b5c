/// <reference types="node" />
/**
 * `pnpm --silent deadline < req.json` (RULES §8): `{ start, workingDays, suspensions?,
 * calendarYears? }` → `{ due, suspendedWorkingDays, explain }` by §6 counting on the seeded
 * 2017–2026 calendar, extended by `calendarYears` when given. Counting into a year without a
 * schedule counts its weekdays and adds `"provisional": true, "missingYears": [YYYY]` (exit 0):
 * a clock is never blank.
 */
import { z } from 'zod';
import { runCli } from './run-cli.js';
import { DEFAULT_CALENDAR, ZCalendarYear, ZDeadlineRequest, computeDeadline, extendCalendar } from '../calendar/index.js';

const ZDeadlineCliRequest = ZDeadlineRequest.extend({
  calendarYears: z.array(ZCalendarYear).optional(),
}).transform((request) => {
  const calendar = request.calendarYears ? extendCalendar(DEFAULT_CALENDAR, request.calendarYears) : DEFAULT_CALENDAR;
  return computeDeadline(request, calendar);
});

await runCli(ZDeadlineCliRequest, ({ provisional, missingYears, ...result }) =>
  provisional ? { ...result, provisional, missingYears } : result,
);
