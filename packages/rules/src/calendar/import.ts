import { isIsoDate, toDayNumber, weekdayOf } from './dates.js';
import type { TCalendarYear } from './types.js';

/**
 * The layout of a holiday-schedule file (.xlsx first sheet, or .csv): a header row naming the
 * columns 日期 and 类型 (说明 optional), then one row per day. 类型 is 放假 for a day off of a
 * statutory holiday period or 上班 for a Saturday or Sunday that is a working day (调休上班).
 */
export const CALENDAR_FILE_COLUMNS = ['日期', '类型', '说明'] as const;
export const CALENDAR_FILE_LAYOUT =
  '第一行为列名：日期、类型（必填）、说明（选填）；以后每行一天。日期写 YYYY-MM-DD（如 2027-01-01）；类型写“放假”（法定节假日放假的各天）或“上班”（调休上班的周六、周日）。文件中的日期必须都在所选年度内，不能重复。';

const HOLIDAY_WORDS = new Set(['放假', '休息', '节假日', '休']);
const WORKING_WORDS = new Set(['上班', '调休上班', '补班', '班']);

export interface TCalendarFileRow {
  /** The row's line in the file (the header is line 1 when it is the first row). */
  line: number;
  cells: readonly string[];
}

export interface TCalendarRowError {
  line: number;
  message: string;
}

export type TCalendarFileResult = { ok: true; year: TCalendarYear } | { ok: false; errors: TCalendarRowError[] };

/** 2027/1/1, 2027.1.1 and 2027年1月1日 are read as 2027-01-01; anything else is left as typed. */
export function normaliseFileDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return t;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * Reads the rows of a holiday-schedule file for `year`: every row is checked and every problem is
 * reported with its line, so the administrator fixes the file once; nothing is returned unless all
 * rows are good (the import is all or nothing).
 */
export function parseCalendarFile(year: number, rows: readonly TCalendarFileRow[], source: string): TCalendarFileResult {
  const errors: TCalendarRowError[] = [];
  const headerAt = rows.findIndex((r) => r.cells.some((c) => c.trim()));
  if (headerAt < 0) return { ok: false, errors: [{ line: 1, message: '文件为空：第一行应为列名（日期、类型、说明）' }] };
  const header = rows[headerAt]!.cells.map((c) => c.trim());
  const dateCol = header.indexOf('日期');
  const kindCol = header.indexOf('类型');
  const missing = [dateCol < 0 && '日期', kindCol < 0 && '类型'].filter(Boolean);
  if (missing.length)
    return {
      ok: false,
      errors: [
        { line: rows[headerAt]!.line, message: `表头不符：第一行应为列名，缺少“${missing.join('”“')}”列（日期、类型必填，说明选填）` },
      ],
    };
  const holidays: string[] = [];
  const workingDays: string[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(headerAt + 1)) {
    if (!row.cells.some((c) => c.trim())) continue;
    const rawDate = (row.cells[dateCol] ?? '').trim();
    const rawKind = (row.cells[kindCol] ?? '').trim();
    const at = (message: string) => errors.push({ line: row.line, message: `第 ${row.line} 行：${message}` });
    if (!rawDate) {
      at('日期为空');
      continue;
    }
    const date = normaliseFileDate(rawDate);
    if (!isIsoDate(date)) {
      at(`日期“${rawDate}”无法识别，请写成 YYYY-MM-DD（如 ${year}-01-01）`);
      continue;
    }
    if (!date.startsWith(`${year}-`)) {
      at(`日期 ${date} 不在 ${year} 年内`);
      continue;
    }
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      at(`日期 ${date} 与第 ${earlier} 行重复`);
      continue;
    }
    seen.set(date, row.line);
    if (HOLIDAY_WORDS.has(rawKind)) {
      holidays.push(date);
    } else if (WORKING_WORDS.has(rawKind)) {
      const weekday = weekdayOf(toDayNumber(date));
      if (weekday !== 0 && weekday !== 6) at(`调休上班日 ${date} 应为周六或周日（周一至周五本来就是工作日）`);
      else workingDays.push(date);
    } else {
      at(rawKind ? `类型“${rawKind}”无法识别，应为“放假”或“上班”` : '类型为空，应为“放假”或“上班”');
    }
  }
  if (!errors.length && !holidays.length && !workingDays.length)
    errors.push({ line: rows[headerAt]!.line, message: '文件只有表头，没有日期行' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, year: { year, holidays: holidays.sort(), workingDays: workingDays.sort(), source } };
}
