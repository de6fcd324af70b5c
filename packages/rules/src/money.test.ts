import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRate, divideHalfUp, formatYuan, parseYuan, toChineseCapital } from './money.js';

describe('applyRate', () => {
  it('rounds half up to the fen', () => {
    expect(applyRate(583125, 70)).toBe(408188); // 408187.5
    expect(applyRate(237500, 65)).toBe(154375);
    expect(applyRate(1, 50)).toBe(1);
    expect(applyRate(1, 49)).toBe(0);
  });
  it('handles fractional percent rates exactly', () => {
    expect(applyRate(10000, 12.5)).toBe(1250);
  });
  it('never exceeds the base for rates up to 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100 }), (a, r) => {
        const v = applyRate(a, r);
        return v >= 0 && v <= a;
      }),
    );
  });
});

describe('divideHalfUp', () => {
  it('rounds .5 up', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 3)).toBe(1);
  });
});

describe('formatYuan / parseYuan', () => {
  it('formats with separators', () => {
    expect(formatYuan(2062500)).toBe('20,625.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-123456)).toBe('-1,234.56');
  });
  it('parses back what it formats', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (f) => parseYuan(formatYuan(f)) === f));
  });
  it('rejects non-money', () => {
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});

describe('toChineseCapital', () => {
  it.each([
    [374937, '叁仟柒佰肆拾玖元叁角柒分'],
    [100, '壹元整'],
    [0, '零元整'],
    [5, '伍分'],
    [1000010, '壹万元壹角整'],
    [10000000, '壹拾万元整'],
    [10050, '壹佰元伍角整'],
    [100001, '壹仟元零壹分'],
    [100100, '壹仟零壹元整'],
    [1000000000, '壹仟万元整'],
    [10000100, '壹拾万零壹元整'],
    [12034567800, '壹亿贰仟零叁拾肆万伍仟陆佰柒拾捌元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(toChineseCapital(fen)).toBe(text);
  });
});
