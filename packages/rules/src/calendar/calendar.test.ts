import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CalendarYearMissingError,
  DEFAULT_CALENDAR,
  ZCalendarYear,
  ZDeadlineRequest,
  addWorkingDays,
  calendarYears,
  computeAdvanceClock,
  computeCaseClock,
  computeDeadline,
  computeReimbursementClock,
  createCalendar,
  extendCalendar,
  fromDayNumber,
  isIsoDate,
  isWorkingDay,
  toDayNumber,
  weekdayOf,
  workingDaysBetween,
  type TCalendarYear,
} from './index.js';
import { ZClaimEntry } from '../claims/schema.js';

const cal = DEFAULT_CALENDAR;

/** 2027 as entered by an administrator (illustrative data, not the real arrangement). */
const Y2027: TCalendarYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workingDays: ['2027-02-13'],
};

describe('dates', () => {
  it('converts without time-zone drift', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2019-10-30'))).toBe('2019-10-30');
    expect(weekdayOf(toDayNumber('2019-09-29'))).toBe(0);
    expect(weekdayOf(toDayNumber('2019-10-12'))).toBe(6);
    expect(() => toDayNumber('2019-02-30')).toThrow(RangeError);
  });

  it('knows that dates exist only from year 1 (the database refuses year 0)', () => {
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(ZClaimEntry.shape.admissionDate.safeParse('0000-01-01').success).toBe(false);
    expect(ZClaimEntry.shape.admissionDate.safeParse('2019-9-1').error?.issues.map((i) => i.message)).toEqual(['日期格式应为 YYYY-MM-DD']);
  });
});

describe('DEFAULT_CALENDAR', () => {
  it('covers 2017–2026', () => {
    expect(calendarYears(cal)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
  it('2019 National Day: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 working', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(cal, `2019-10-0${d}`)).toBe(false);
    expect(isWorkingDay(cal, '2019-09-29')).toBe(true);
    expect(isWorkingDay(cal, '2019-10-12')).toBe(true);
    expect(isWorkingDay(cal, '2019-10-08')).toBe(true);
    expect(isWorkingDay(cal, '2019-10-13')).toBe(false);
  });
  it('2020 Spring Festival extended to 02-02; Saturday 02-01 no longer a working day', () => {
    for (const d of ['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02']) {
      expect(isWorkingDay(cal, d)).toBe(false);
    }
    expect(isWorkingDay(cal, '2020-01-19')).toBe(true);
    expect(isWorkingDay(cal, '2020-02-03')).toBe(true);
  });
  it('2024 adjusted weekends', () => {
    for (const d of ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12']) {
      expect(isWorkingDay(cal, d)).toBe(true);
    }
    expect(isWorkingDay(cal, '2024-02-16')).toBe(false);
    expect(isWorkingDay(cal, '2024-06-10')).toBe(false);
  });
  it('2025 new rules: 8-day Spring Festival 01-28..02-04, 5-day Labour Day, 8-day National Day', () => {
    for (let t = toDayNumber('2025-01-28'); t <= toDayNumber('2025-02-04'); t++) {
      expect(isWorkingDay(cal, fromDayNumber(t))).toBe(false);
    }
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(isWorkingDay(cal, '2025-04-27')).toBe(true);
    expect(isWorkingDay(cal, '2025-05-05')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
  });
  it('2026: 9-day Spring Festival, Saturdays 02-14 and 02-28 working', () => {
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
  });
  it('years at the edge: 2018-12-29 (Saturday) worked for the 2019 New Year', () => {
    expect(isWorkingDay(cal, '2018-12-29')).toBe(true);
    expect(isWorkingDay(cal, '2018-12-31')).toBe(false);
  });
});

describe('missing years', () => {
  it('throws CalendarYearMissingError with a Chinese message naming the year', () => {
    expect(() => isWorkingDay(cal, '2027-01-04')).toThrow(CalendarYearMissingError);
    expect(() => isWorkingDay(cal, '2027-01-04')).toThrow('缺少2027年节假日安排，请管理员先录入');
    expect(() => isWorkingDay(cal, '2016-06-01')).toThrow('缺少2016年');
  });
  it('counting into a missing year throws unless a provisional answer is asked for', () => {
    expect(() => addWorkingDays(cal, '2026-12-20', 25)).toThrow(CalendarYearMissingError);
    const missing = new Set<number>();
    expect(addWorkingDays(cal, '2026-12-20', 25, undefined, missing)).toBe('2027-01-22');
    expect([...missing]).toEqual([2027]);
  });
  it('a deadline is never blank: through a year without a schedule it is provisional (weekdays only)', () => {
    // 2026-12-20 is a Sunday: 9 working days in December, then 2027's weekdays from Friday 01-01.
    const d = computeDeadline({ start: '2026-12-20', workingDays: 25 });
    expect(d).toMatchObject({ due: '2027-01-22', provisional: true, missingYears: [2027] });
    expect(d.explain).toContain('暂定：2027年节假日安排尚未公布或录入');
    // Once the schedule is known (01-01 a holiday) the final date follows.
    expect(computeDeadline({ start: '2026-12-20', workingDays: 25 }, extendCalendar(cal, Y2027))).toMatchObject({
      due: '2027-01-25',
      provisional: false,
      missingYears: [],
    });
    const clock = computeCaseClock({ start: '2026-12-28', workingDays: 25, today: '2026-12-30' });
    expect(clock).toMatchObject({ provisional: true, missingYears: [2027], used: 2 });
  });
  it('extending with 2027 makes it work', () => {
    const extended = extendCalendar(cal, Y2027);
    expect(calendarYears(extended)).toContain(2027);
    expect(isWorkingDay(extended, '2027-02-13')).toBe(true);
    expect(isWorkingDay(extended, '2027-02-09')).toBe(false);
    // 2026-12-31 Thu. Working days after: 01-04(1) … (01-01 holiday)
    expect(addWorkingDays(extended, '2026-12-31', 1)).toBe('2027-01-04');
    expect(computeDeadline({ start: '2026-12-20', workingDays: 25 }, extended).due).toBe('2027-01-25');
    // the original calendar is untouched
    expect(() => isWorkingDay(cal, '2027-01-04')).toThrow(CalendarYearMissingError);
  });
  it('extending replaces a year (administrator correction)', () => {
    const fixed = extendCalendar(cal, { year: 2026, holidays: [], workingDays: [] });
    expect(isWorkingDay(fixed, '2026-10-01')).toBe(true);
    expect(calendarYears(fixed)).toHaveLength(10);
  });
  it('createCalendar refuses invalid or duplicate years', () => {
    expect(() => createCalendar([Y2027, Y2027])).toThrow('重复');
    expect(() => createCalendar([{ year: 2027, holidays: ['2026-12-31'], workingDays: [] }])).toThrow(RangeError);
  });
});

describe('ZCalendarYear', () => {
  it('accepts a well-formed year', () => {
    expect(ZCalendarYear.safeParse(Y2027).success).toBe(true);
  });
  it('rejects dates outside the year, on both lists, and weekday "working days"', () => {
    const r = ZCalendarYear.safeParse({
      year: 2027,
      holidays: ['2026-12-31', '2027-02-13'],
      workingDays: ['2027-02-13', '2027-02-10'],
    });
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];
    expect(messages).toContain('holidays.0 节假日 2026-12-31 不在 2027 年内');
    expect(messages).toContain('workingDays.0 2027-02-13 不能既是节假日又是调休上班日');
    expect(messages.some((m) => m.startsWith('workingDays.1') && m.includes('周六或周日'))).toBe(true);
  });
  it('rejects impossible dates', () => {
    const r = ZCalendarYear.safeParse({ year: 2027, holidays: ['2027-02-30'], workingDays: [] });
    expect(r.error?.issues[0]?.message).toBe('日期不存在');
  });
});

describe('computeDeadline (RULES §6, §9 example 8)', () => {
  it('materials complete Friday 2019-09-20, 25 working days → 2019-10-30', () => {
    expect(computeDeadline({ start: '2019-09-20', workingDays: 25 }).due).toBe('2019-10-30');
  });
  it('day 1 is the next working day; 0 days is the start itself', () => {
    expect(computeDeadline({ start: '2019-09-20', workingDays: 1 }).due).toBe('2019-09-23');
    expect(computeDeadline({ start: '2019-09-28', workingDays: 1 }).due).toBe('2019-09-29');
    expect(computeDeadline({ start: '2019-09-30', workingDays: 1 }).due).toBe('2019-10-08');
    expect(computeDeadline({ start: '2019-09-20', workingDays: 0 }).due).toBe('2019-09-20');
  });
  it('a start on a holiday still counts from the next working day', () => {
    expect(computeDeadline({ start: '2019-10-03', workingDays: 5 }).due).toBe('2019-10-12');
  });
  it('a suspension spanning the 2019 National Day week only removes its working days', () => {
    // suspended 09-27 (Fri) .. 10-09 (Wed): working days lost 09-27, 09-29, 09-30, 10-08, 10-09 = 5
    const r = computeDeadline({
      start: '2019-09-20',
      workingDays: 25,
      suspensions: [{ from: '2019-09-27', to: '2019-10-09' }],
    });
    expect(r.suspendedWorkingDays).toBe(5);
    // 2019-10-30 + 5 working days: 10-31, 11-01, 11-04, 11-05, 11-06
    expect(r.due).toBe('2019-11-06');
    expect(r.explain).toContain('2019-10-30');
  });
  it('a suspension entirely inside a holiday week changes nothing', () => {
    const r = computeDeadline({ start: '2019-09-20', workingDays: 25, suspensions: [{ from: '2019-10-01', to: '2019-10-07' }] });
    expect(r.due).toBe('2019-10-30');
    expect(r.suspendedWorkingDays).toBe(0);
  });
  it('both ends of a suspension are included', () => {
    const r = computeDeadline({ start: '2019-09-20', workingDays: 1, suspensions: [{ from: '2019-09-23', to: '2019-09-23' }] });
    expect(r.due).toBe('2019-09-24');
  });
  it('2020 Spring Festival: 10 working days from 2020-01-20', () => {
    // 01-21, 01-22, 01-23, then holidays to 02-02; 02-03 .. 02-09 → 02-03(4) 02-04 02-05 02-06 02-07(8) 02-10 02-11(10)
    expect(computeDeadline({ start: '2020-01-20', workingDays: 10 }).due).toBe('2020-02-11');
  });
  it('2024 Spring Festival: Sunday 02-04 and 02-18 count', () => {
    expect(addWorkingDays(cal, '2024-02-03', 1)).toBe('2024-02-04');
    expect(addWorkingDays(cal, '2024-02-09', 1)).toBe('2024-02-18');
  });
  it('2025 National Day: Saturday 10-11 counts', () => {
    expect(addWorkingDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays(cal, '2025-09-30', 3)).toBe('2025-10-11');
  });
});

describe('workingDaysBetween', () => {
  it('excludes from, includes to; 0 when to ≤ from', () => {
    expect(workingDaysBetween(cal, '2019-09-20', '2019-10-30')).toBe(25);
    expect(workingDaysBetween(cal, '2019-09-20', '2019-09-20')).toBe(0);
    expect(workingDaysBetween(cal, '2019-09-23', '2019-09-20')).toBe(0);
    expect(workingDaysBetween(cal, '2019-09-30', '2019-10-07')).toBe(0);
  });
});

describe('case clocks', () => {
  it('reimbursement clock on a date', () => {
    const c = computeReimbursementClock({ start: '2019-09-20', today: '2019-10-08' });
    // 09-23..09-27 (5), 09-29, 09-30 (7), 10-08 (8)
    expect(c).toMatchObject({ due: '2019-10-30', used: 8, left: 17, overdue: false, isSuspended: false });
  });
  it('overdue after the due date', () => {
    const c = computeReimbursementClock({ start: '2019-09-20', today: '2019-11-01' });
    expect(c).toMatchObject({ used: 27, left: 0, overdue: true, overdueWorkingDays: 2 });
    const sat = computeReimbursementClock({ start: '2019-09-20', today: '2019-11-02' });
    expect(sat.overdue).toBe(true);
    const onDue = computeReimbursementClock({ start: '2019-09-20', today: '2019-10-30' });
    expect(onDue).toMatchObject({ used: 25, left: 0, overdue: false });
  });
  it('an open suspension stops the clock and pushes the due date', () => {
    const c = computeCaseClock({
      start: '2019-09-20',
      workingDays: 25,
      suspensions: [{ from: '2019-10-08', to: null }],
      today: '2019-10-10',
    });
    expect(c).toMatchObject({ used: 7, left: 18, isSuspended: true, due: '2019-11-04' });
  });
  it('hospital advance: 10 then 15 working days', () => {
    const c = computeAdvanceClock({ start: '2019-09-20', today: '2019-10-09' });
    // 10th working day: 09-23..27 (5), 09-29, 09-30, 10-08, 10-09, 10-10
    expect(c.first).toMatchObject({ due: '2019-10-10', used: 9, left: 1, overdue: false });
    expect(c.rest).toMatchObject({ start: '2019-10-10', due: '2019-10-30', used: 0, left: 15 });
    expect(c.rest.due).toBe(addWorkingDays(cal, '2019-09-20', 25));
  });
});

const startArb = fc.integer({ min: toDayNumber('2017-01-01'), max: toDayNumber('2025-06-30') }).map(fromDayNumber);
const suspensionArb = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 30 })).map(([offset, len]) => ({ offset, len }));

describe('properties', () => {
  it('addWorkingDays(start, n ≥ 1) is a working day after start', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = addWorkingDays(cal, start, n);
        return due > start && isWorkingDay(cal, due);
      }),
    );
  });
  it('workingDaysBetween(start, addWorkingDays(start, n)) = n', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 60 }), (start, n) => {
        return workingDaysBetween(cal, start, addWorkingDays(cal, start, n)) === n;
      }),
    );
  });
  it('the same holds with suspensions', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 40 }), fc.array(suspensionArb, { maxLength: 3 }), (start, n, raw) => {
        const s = raw.map(({ offset, len }) => {
          const from = toDayNumber(start) + offset;
          return { from: fromDayNumber(from), to: fromDayNumber(from + len) };
        });
        return workingDaysBetween(cal, start, addWorkingDays(cal, start, n, s), s) === n;
      }),
    );
  });
  it('suspensions never shorten a deadline', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 40 }), fc.array(suspensionArb, { maxLength: 3 }), (start, n, raw) => {
        const s = raw.map(({ offset, len }) => {
          const from = toDayNumber(start) - 10 + offset;
          return { from: fromDayNumber(from), to: fromDayNumber(from + len) };
        });
        return addWorkingDays(cal, start, n, s) >= addWorkingDays(cal, start, n);
      }),
    );
  });
  it('deadlines are monotone in n', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 0, max: 40 }),
        (start, n) => addWorkingDays(cal, start, n + 1) > addWorkingDays(cal, start, n),
      ),
    );
  });
});

describe('deadline request bounds', () => {
  it('a huge working-day count is out of range, not a fraction', () => {
    const r = ZDeadlineRequest.safeParse({ start: '2019-09-20', workingDays: 1e20 });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['工作日数超出范围（不能超过 366）']);
    expect(ZDeadlineRequest.safeParse({ start: '2019-09-20', workingDays: 2.5 }).error?.issues[0]?.message).toBe('工作日数应为整数');
  });
  it('a calendar year far out of range says so once', () => {
    expect(ZCalendarYear.safeParse({ year: 1e20, holidays: [], workingDays: [] }).error?.issues.map((i) => i.message)).toEqual([
      '年份不能晚于 2100',
    ]);
  });
});
