import { z } from 'zod';
import { zBoundedInteger } from '../fields.js';
import { DEFAULT_CALENDAR, isWorkingDayNumber, type WorkingCalendar } from './calendar.js';
import { ZIsoDate, fromDayNumber, toDayNumber } from './dates.js';
import { ZSuspension, type TSuspension } from './types.js';

/**
 * Working-day deadlines by RULES §6: the day the period starts is not counted; day 1 is the next
 * working day; the deadline is the last working day counted. A working day inside a suspension
 * interval (both ends included) is not counted.
 */

/** Statutory periods of `000 §二(五)`. */
export const DEADLINE_RULES = {
  /** Non-networked reimbursement: complete materials → paid within 25 working days. */
  reimbursement: { workingDays: 25, clause: '000 §二(五)3', label: '零星报销（非联网结算）25 个工作日' },
  /** Hospital advance settlement: declaration received → 70 % within 10 working days. */
  advanceFirst: { workingDays: 10, clause: '000 §二(五)1', label: '垫付资金申报：10 个工作日内拨付 70%' },
  /** …and the rest after review within the next 15 working days. */
  advanceRest: { workingDays: 15, clause: '000 §二(五)1', label: '垫付资金申报：其后 15 个工作日内审核并拨付余款' },
} as const;

type Interval = { from: number; to: number };

function toIntervals(suspensions: readonly TSuspension[] | undefined): Interval[] {
  return (suspensions ?? []).map((s) => {
    const from = toDayNumber(s.from);
    const to = toDayNumber(s.to);
    if (to < from) throw new RangeError(`suspension ends (${s.to}) before it starts (${s.from})`);
    return { from, to };
  });
}

function isSuspended(dayNumber: number, intervals: readonly Interval[]): boolean {
  return intervals.some((i) => dayNumber >= i.from && dayNumber <= i.to);
}

/**
 * The date of the `n`-th counted working day after `start` (`start` itself not counted); `n = 0`
 * returns `start`. Throws `CalendarYearMissingError` when counting reaches a year without data.
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  start: string,
  n: number,
  suspensions?: readonly TSuspension[],
  missing?: Set<number>,
): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  const intervals = toIntervals(suspensions);
  let day = toDayNumber(start);
  let counted = 0;
  while (counted < n) {
    day += 1;
    if (isWorkingDayNumber(calendar, day, missing) && !isSuspended(day, intervals)) counted += 1;
  }
  return fromDayNumber(day);
}

/**
 * The number of counted working days `d` with `from < d ≤ to` (`from` excluded, `to` included),
 * skipping suspended working days; 0 when `to ≤ from`. So
 * `workingDaysBetween(c, s, addWorkingDays(c, s, n)) === n`.
 */
export function workingDaysBetween(
  calendar: WorkingCalendar,
  from: string,
  to: string,
  suspensions?: readonly TSuspension[],
  missing?: Set<number>,
): number {
  const intervals = toIntervals(suspensions);
  const end = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= end; day++) {
    if (isWorkingDayNumber(calendar, day, missing) && !isSuspended(day, intervals)) count += 1;
  }
  return count;
}

/** The `deadline` request (RULES §8). */
export const ZDeadlineRequest = z.object({
  start: ZIsoDate,
  workingDays: zBoundedInteger(0, 366, {
    type: '请输入工作日数',
    tooSmall: '工作日数不能为负',
    tooBig: '工作日数超出范围（不能超过 366）',
    fraction: '工作日数应为整数',
  }),
  suspensions: z.array(ZSuspension).optional(),
});
export type TDeadlineRequest = z.input<typeof ZDeadlineRequest>;

export interface DeadlineResult {
  /** The last working day counted: the deadline. */
  due: string;
  /** Working days skipped because they fell in a suspension. */
  suspendedWorkingDays: number;
  /**
   * True when the count reached a year whose holiday schedule is not known yet: that year's
   * weekdays were counted as working days, so the date is 暂定 until the schedule is entered.
   */
  provisional: boolean;
  /** The years counted without a schedule (empty when not provisional). */
  missingYears: number[];
  explain: string;
}

/** Why a provisional date is provisional, in one Chinese sentence. */
export function provisionalReason(missingYears: readonly number[]): string {
  return `暂定：${missingYears.join('、')}年节假日安排尚未公布或录入，暂按周一至周五均为工作日计算，录入后自动重算`;
}

/**
 * The §6 deadline for a period of `workingDays` working days starting on `start`. A clock is
 * never blank: counting into a year without a holiday schedule counts its weekdays and marks the
 * result provisional (RULES §8 `deadline`).
 */
export function computeDeadline(request: TDeadlineRequest, calendar: WorkingCalendar = DEFAULT_CALENDAR): DeadlineResult {
  const { start, workingDays, suspensions = [] } = request;
  const missing = new Set<number>();
  const due = addWorkingDays(calendar, start, workingDays, suspensions, missing);
  const withoutSuspension = suspensions.length > 0 ? addWorkingDays(calendar, start, workingDays, undefined, missing) : due;
  const suspendedWorkingDays = workingDaysBetween(calendar, start, due, undefined, missing) - workingDays;
  const missingYears = [...missing].sort((a, b) => a - b);
  const pause =
    suspensions.length > 0
      ? `；暂停期间（${suspensions.map((s) => `${s.from}至${s.to}`).join('、')}）的 ${suspendedWorkingDays} 个工作日不计，未暂停时应为 ${withoutSuspension}`
      : '';
  return {
    due,
    suspendedWorkingDays,
    provisional: missingYears.length > 0,
    missingYears,
    explain: `自 ${start} 起算（当日不计），第 1 日为其后的第一个工作日，${workingDays} 个工作日届满于 ${due}${pause}。${
      missingYears.length ? provisionalReason(missingYears) : ''
    }`,
  };
}

/** A suspension that may still be open (`to` missing or null: not yet resolved). */
export const ZOpenSuspension = z
  .object({ from: ZIsoDate, to: ZIsoDate.nullish() })
  .refine((s) => s.to == null || s.from <= s.to, { path: ['to'], message: '暂停结束日期不能早于开始日期' });
export type TOpenSuspension = z.infer<typeof ZOpenSuspension>;

export interface CaseClockInput {
  /** The day the period starts (materials complete, declaration received); not counted. */
  start: string;
  workingDays: number;
  /** Suspensions; an open one (no `to`) is taken to last through `today`. */
  suspensions?: readonly TOpenSuspension[];
  /** The date the clock is read on (end of that day). */
  today: string;
}

export interface CaseClock {
  start: string;
  workingDays: number;
  /**
   * The deadline. While a suspension is open it is the earliest possible deadline (as if the
   * suspension ended today); it moves later each working day the suspension stays open.
   */
  due: string;
  /** Working days counted from the day after `start` through `today`. */
  used: number;
  /** Working days left after `today`, never below 0. */
  left: number;
  /** `today` is after `due`. */
  overdue: boolean;
  /** Working days counted after `due` through `today`. */
  overdueWorkingDays: number;
  /** `today` lies inside a suspension. */
  isSuspended: boolean;
  /** The deadline counted through a year without a holiday schedule (see DeadlineResult). */
  provisional: boolean;
  missingYears: number[];
}

function closeSuspensions(suspensions: readonly TOpenSuspension[] | undefined, today: string): TSuspension[] {
  return (suspensions ?? []).map((s) => ({
    from: s.from,
    to: s.to ?? (today > s.from ? today : s.from),
  }));
}

/**
 * Reads a working-day clock on `today`: deadline, working days used and left, overdue. Never
 * blank: through a year without a schedule the clock is provisional (its weekdays counted).
 */
export function computeCaseClock(input: CaseClockInput, calendar: WorkingCalendar = DEFAULT_CALENDAR): CaseClock {
  const suspensions = closeSuspensions(input.suspensions, input.today);
  const missing = new Set<number>();
  const due = addWorkingDays(calendar, input.start, input.workingDays, suspensions, missing);
  const used = workingDaysBetween(calendar, input.start, input.today, suspensions, missing);
  return {
    provisional: missing.size > 0,
    missingYears: [...missing].sort((a, b) => a - b),
    start: input.start,
    workingDays: input.workingDays,
    due,
    used,
    left: Math.max(0, input.workingDays - used),
    overdue: input.today > due,
    overdueWorkingDays: Math.max(0, used - input.workingDays),
    isSuspended: suspensions.some((s) => s.from <= input.today && input.today <= s.to),
  };
}

/** The 25-working-day clock of a non-networked reimbursement (`000 §二(五)3`). */
export function computeReimbursementClock(
  input: Omit<CaseClockInput, 'workingDays'>,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): CaseClock {
  return computeCaseClock({ ...input, workingDays: DEADLINE_RULES.reimbursement.workingDays }, calendar);
}

/**
 * The two clocks of a hospital advance declaration (`000 §二(五)1`): `first` — 70 % within 10
 * working days of receipt; `rest` — the remainder within the next 15 working days, counted from
 * the first clock's deadline (not from the day the 70 % was actually paid), so 25 working days in
 * all from receipt.
 */
export function computeAdvanceClock(
  input: Omit<CaseClockInput, 'workingDays'>,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): { first: CaseClock; rest: CaseClock } {
  const first = computeCaseClock({ ...input, workingDays: DEADLINE_RULES.advanceFirst.workingDays }, calendar);
  const rest = computeCaseClock({ ...input, start: first.due, workingDays: DEADLINE_RULES.advanceRest.workingDays }, calendar);
  return { first, rest };
}
