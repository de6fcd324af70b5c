import { describe, expect, it } from 'vitest';
import { parseCalendarFile, normaliseFileDate } from './import.js';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('parseCalendarFile', () => {
  it('reads days off and working weekends, in any date spelling', () => {
    const r = parseCalendarFile(
      2027,
      rows(['日期', '类型', '说明'], ['2027-01-01', '放假', '元旦'], ['2027/2/6', '放假', '春节'], ['2027年2月20日', '上班', '春节调休']),
      '国办发明电',
    );
    expect(r).toEqual({
      ok: true,
      year: { year: 2027, holidays: ['2027-01-01', '2027-02-06'], workingDays: ['2027-02-20'], source: '国办发明电' },
    });
  });

  it('reports every bad row with its line and returns no year', () => {
    const r = parseCalendarFile(
      2027,
      rows(
        ['日期', '类型'],
        ['2026-12-31', '放假'],
        ['2027-02-30', '放假'],
        ['2027-01-04', '上班'],
        ['2027-01-01', '放假'],
        ['2027-01-01', '放假'],
        ['2027-01-02', '加班'],
        ['', '放假'],
      ),
      '',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      '第 2 行：日期 2026-12-31 不在 2027 年内',
      '第 3 行：日期“2027-02-30”无法识别，请写成 YYYY-MM-DD（如 2027-01-01）',
      '第 4 行：调休上班日 2027-01-04 应为周六或周日（周一至周五本来就是工作日）',
      '第 6 行：日期 2027-01-01 与第 5 行重复',
      '第 7 行：类型“加班”无法识别，应为“放假”或“上班”',
      '第 8 行：日期为空',
    ]);
  });

  it('refuses a file without the required columns or without dates', () => {
    expect(parseCalendarFile(2027, rows(['日期', '名称']), '')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('缺少“类型”列') }],
    });
    expect(parseCalendarFile(2027, rows(['日期', '类型']), '')).toMatchObject({
      ok: false,
      errors: [{ message: '文件只有表头，没有日期行' }],
    });
    expect(parseCalendarFile(2027, [], '')).toMatchObject({ ok: false });
  });

  it('normalises only what it can read', () => {
    expect(normaliseFileDate('2027.10.1')).toBe('2027-10-01');
    expect(normaliseFileDate('10/1/2027')).toBe('10/1/2027');
  });
});
