import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, extendCalendar } from '../calendar/calendar.js';
import { missingNextYearCalendar } from './calendar-due.js';

describe('missingNextYearCalendar', () => {
  it('warns from November on when next year has no holiday data', () => {
    expect(missingNextYearCalendar(DEFAULT_CALENDAR, '2026-10-31')).toBeNull();
    expect(missingNextYearCalendar(DEFAULT_CALENDAR, '2026-11-01')).toBe(2027);
    expect(missingNextYearCalendar(DEFAULT_CALENDAR, '2026-12-31')).toBe(2027);
  });
  it('is silent once next year is entered', () => {
    const withNext = extendCalendar(DEFAULT_CALENDAR, { year: 2027, holidays: ['2027-01-01'], workingDays: [] });
    expect(missingNextYearCalendar(withNext, '2026-11-15')).toBeNull();
  });
  it('is silent when next year is built in', () => {
    expect(missingNextYearCalendar(DEFAULT_CALENDAR, '2025-11-15')).toBeNull();
  });
});
