/**
 * The one date module of the web. Dates travel as 'YYYY-MM-DD' strings and months as 'YYYY-MM';
 * both are shown one way, in Chinese (2026年12月1日, 2026年12月). Instants (timestamps) are shown in
 * China time whatever the browser's zone. Today comes from the server (useServerToday), never from
 * the browser's clock.
 */

/** China has kept UTC+8 all year since 1991, so a fixed offset is exact for every date we show. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** True when year-month-day names a day that exists. */
function exists(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a date as window staff type it: `2019-09-02`, `2019-9-2`, `20190902`, `2019/9/2`,
 * `2019.9.2` or `2019年9月2日` (spaces allowed). Returns 'YYYY-MM-DD', or null when the text is not a
 * complete date that exists.
 */
export function parseDateText(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4] ?? m[6]);
  const day = Number(m[3] ?? m[5] ?? m[7]);
  return exists(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** Reads a month: `2019-09`, `2019-9`, `201909`, `2019/9`, `2019.9` or `2019年9月`. Returns 'YYYY-MM' or null. */
export function parseMonthText(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月?|(\d{2}))$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[3] ?? m[4]);
  return exists(year, month, 1) ? `${year}-${pad(month)}` : null;
}

/** '2026-12-01' → '2026年12月1日'. Null or empty shows as '—'; text that is not a date is shown as it is. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2026-12' (or a date in it) → '2026年12月'. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '—';
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  return `${Number(m[1])}年${Number(m[2])}月`;
}

/** The China-time calendar date ('YYYY-MM-DD') of an instant. */
export function chinaDateOf(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + CHINA_OFFSET_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** An instant (ISO timestamp) in China time: '2026年12月1日 09:05'. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  if (!instant) return '—';
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + CHINA_OFFSET_MS;
  if (Number.isNaN(ms)) return String(instant);
  const iso = new Date(ms).toISOString();
  return `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

/** A date range as shown in timelines and lists: '2024年3月1日 至 2025年6月30日' (open end: '至今'). */
export function formatDateRange(from: string, to: string | null | undefined): string {
  return `${formatDate(from)} 至 ${to ? formatDate(to) : '今'}`;
}

/** 'YYYY-MM-DD' plus n days (n may be negative), without any time zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
