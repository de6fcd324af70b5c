/// <reference types="node" />
/**
 * `pnpm --silent deadline < req.json` (RULES §8): `{ start, workingDays, suspensions?,
 * calendarYears? }` → `{ due, suspendedWorkingDays, explain }` by §6 counting on the seeded
 * 2017–2026 calendar, extended by `calendarYears` when given. Counting into a year without data
 * is bad input (exit 2, "缺少XXXX年节假日安排…").
 */
import { z } from 'zod';
import { runCli } from './run-cli.js';
import {
  CalendarYearMissingError,
  DEFAULT_CALENDAR,
  ZCalendarYear,
  ZDeadlineRequest,
  computeDeadline,
  extendCalendar,
} from '../calendar/index.js';

const ZDeadlineCliRequest = ZDeadlineRequest.extend({
  calendarYears: z.array(ZCalendarYear).optional(),
}).transform((request, ctx) => {
  const calendar = request.calendarYears ? extendCalendar(DEFAULT_CALENDAR, request.calendarYears) : DEFAULT_CALENDAR;
  try {
    return computeDeadline(request, calendar);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: error.message });
      return z.NEVER;
    }
    throw error;
  }
});

await runCli(ZDeadlineCliRequest, (result) => result);
