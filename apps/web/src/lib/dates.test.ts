import { describe, expect, it } from 'vitest';
import { addDays, chinaDateOf, formatDate, formatDateRange, formatDateTime, formatMonth, parseDateText, parseMonthText } from './dates';

describe('parseDateText', () => {
  it('reads every way staff type a date', () => {
    for (const text of [
      '2019-09-02',
      '2019-9-2',
      '20190902',
      '2019/9/2',
      '2019/09/02',
      '2019.9.2',
      '2019年9月2日',
      '2019年9月2',
      ' 2019 年 9 月 2 日 ',
    ]) {
      expect(parseDateText(text), text).toBe('2019-09-02');
    }
  });
  it('refuses dates that do not exist and partial input', () => {
    for (const text of ['2019-02-29', '2019-13-01', '2019-00-10', '20190932', '2019-9', '201909', '2019年9月', '', 'abc', '19-09-02']) {
      expect(parseDateText(text), text).toBeNull();
    }
    expect(parseDateText('2020-02-29')).toBe('2020-02-29');
  });
});

describe('parseMonthText', () => {
  it('reads months', () => {
    for (const text of ['2019-09', '2019-9', '201909', '2019/9', '2019.09', '2019年9月', '2019年9'])
      expect(parseMonthText(text), text).toBe('2019-09');
    for (const text of ['2019-13', '2019', '20191', '2019-09-01']) expect(parseMonthText(text), text).toBeNull();
  });
});

describe('display', () => {
  it('shows dates and months in Chinese', () => {
    expect(formatDate('2026-12-01')).toBe('2026年12月1日');
    expect(formatDate(null)).toBe('—');
    expect(formatMonth('2026-03')).toBe('2026年3月');
    expect(formatDateRange('2024-03-01', '2025-06-30')).toBe('2024年3月1日 至 2025年6月30日');
    expect(formatDateRange('2024-03-01', null)).toBe('2024年3月1日 至 今');
  });
  it('shows instants in China time whatever the browser zone', () => {
    expect(formatDateTime('2026-11-30T16:05:00.000Z')).toBe('2026年12月1日 00:05');
    expect(chinaDateOf('2026-11-30T15:59:59Z')).toBe('2026-11-30');
    expect(chinaDateOf('2026-11-30T16:00:00Z')).toBe('2026-12-01');
  });
  it('adds days without a zone', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
