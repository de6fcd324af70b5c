import { CalendarYearMissingError, type WorkingCalendar } from '../calendar/calendar.js';
import { toDayNumber } from '../calendar/dates.js';
import { workingDaysBetween } from '../calendar/deadline.js';

/** Where a reporting unit's table stands in its own workflow. */
export const SUBMISSION_STAGES = ['not_started', 'draft', 'submitted', 'returned'] as const;
export type TSubmissionStage = (typeof SUBMISSION_STAGES)[number];

/** What the supervision table shows: the stage, or overdue when not submitted by the due date. */
export type TReportingStatus = TSubmissionStage | 'overdue';

export const REPORTING_STATUS_LABELS: Record<TReportingStatus, string> = {
  not_started: '未填报',
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  overdue: '逾期',
};

export interface ReportingStatus {
  status: TReportingStatus;
  stage: TSubmissionStage;
  /** Working days from today to the due date (0 on the due date); null when past or unknown. */
  workingDaysLeft: number | null;
  /** Working days past the due date while not submitted; null when not overdue or unknown. */
  workingDaysOverdue: number | null;
  /** Submitted, but after the due date. */
  isLate: boolean;
}

/**
 * The supervision status of one unit in a round. A table still not submitted (not started,
 * draft, or returned for correction) is overdue once today is after the due date; the days are
 * counted in working days with the given calendar (null when the calendar lacks the year).
 */
export function computeReportingStatus(
  calendar: WorkingCalendar,
  input: { stage: TSubmissionStage; dueDate: string; today: string; submittedOn?: string | null },
): ReportingStatus {
  const { stage, dueDate, today } = input;
  const isPast = toDayNumber(today) > toDayNumber(dueDate);
  const count = (from: string, to: string) => {
    try {
      return workingDaysBetween(calendar, from, to);
    } catch (err) {
      if (err instanceof CalendarYearMissingError) return null;
      throw err;
    }
  };
  if (stage === 'submitted') {
    const isLate = input.submittedOn ? toDayNumber(input.submittedOn) > toDayNumber(dueDate) : false;
    return { status: 'submitted', stage, workingDaysLeft: null, workingDaysOverdue: null, isLate };
  }
  if (isPast) return { status: 'overdue', stage, workingDaysLeft: null, workingDaysOverdue: count(dueDate, today), isLate: false };
  return { status: stage, stage, workingDaysLeft: count(today, dueDate), workingDaysOverdue: null, isLate: false };
}

/** Chinese date "2019年4月12日" for a YYYY-MM-DD date. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The reminder a supervisor copies into a message to the units still owing their table.
 * Returns an empty string when every unit has submitted.
 */
export function buildReminderText(input: {
  roundTitle: string;
  tableTitle: string;
  dueDate: string;
  units: { name: string; status: TReportingStatus; stage: TSubmissionStage; workingDaysOverdue?: number | null }[];
}): string {
  const owing = input.units.filter((u) => u.status !== 'submitted');
  if (!owing.length) return '';
  const describe = (u: (typeof owing)[number]) => {
    const stage = REPORTING_STATUS_LABELS[u.stage];
    if (u.status === 'overdue')
      return `${u.name}（${stage}，已逾期${u.workingDaysOverdue != null ? ` ${u.workingDaysOverdue} 个工作日` : ''}）`;
    return `${u.name}（${stage}）`;
  };
  return [
    `【${input.roundTitle}】催报提醒`,
    `请以下单位于${formatChineseDate(input.dueDate)}前报送《${input.tableTitle}》（加盖公章）：`,
    ...owing.map((u, i) => `${i + 1}. ${describe(u)}`),
    ...(owing.some((u) => u.stage === 'returned') ? ['已退回的请按退回意见修改后重新报送。'] : []),
  ].join('\n');
}
