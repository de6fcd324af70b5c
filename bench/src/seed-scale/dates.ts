/**
 * Dates as day numbers (days since 1970-01-01, UTC) with a cache of their ISO strings: the
 * generator makes tens of millions of dates and string arithmetic would dominate its time.
 */
const DAY_MS = 86_400_000;
const cache = new Map<number, string>();

export function dayOf(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

export function isoOf(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** A timestamp in China time (UTC+8) on `day` at `minute` minutes after midnight, as PostgreSQL reads it. */
export function chinaTimestamp(day: number, minute: number, second = 0): string {
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  return `${isoOf(day)} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${second < 10 ? '0' : ''}${second}+08`;
}
