import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../responsibility/index.js';
import { LEDGER_COLUMNS, ZLedgerFilter } from './index.js';

describe('ledger', () => {
  it('has the 36 numbered columns of annex 1', () => {
    expect(LEDGER_COLUMNS.map((c) => c.no)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(LEDGER_COLUMNS[30]).toMatchObject({ no: 31, heading: '住院次数', group: '住院' });
    expect(LEDGER_COLUMNS[23]).toMatchObject({ no: 24, group: '普通门诊', heading: '其他保障支付金额（元）' });
  });
  it('neutralises cells that a spreadsheet would evaluate', () => {
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseCell('+1')).toBe("'+1");
    expect(neutraliseCell('-2')).toBe("'-2");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('张三')).toBe('张三');
  });
  it('filters by year, optionally by org unit', () => {
    expect(ZLedgerFilter.safeParse({ year: 2019 }).success).toBe(true);
    expect(ZLedgerFilter.safeParse({ year: 2016 }).error?.issues[0]?.path).toEqual(['year']);
  });
});
