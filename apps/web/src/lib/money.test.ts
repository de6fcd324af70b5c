import { describe, expect, it } from 'vitest';
import { formatAmount, formatWanYuan, formatYuanInput, parseYuanText, zMoney } from './money';

describe('money', () => {
  it('turns typed yuan into fen exactly', () => {
    expect(zMoney('金额').parse('0.29')).toBe(29);
    expect(zMoney('金额').parse('1,234.5')).toBe(123_450);
    expect(zMoney('金额').parse(' 400 ')).toBe(40_000);
    // 4.35 × 100 is 434.99999999999994 in floating point.
    expect(zMoney('金额').parse('4.35')).toBe(435);
    expect(zMoney('金额', { optional: true }).parse('')).toBeNull();
  });
  it('refuses what is not money, with the label', () => {
    expect(zMoney('个人缴费标准').safeParse('').error?.issues[0]?.message).toBe('请填写个人缴费标准');
    expect(zMoney('金额').safeParse('1.234').error?.issues[0]?.message).toBe('金额应为不小于 0 的金额，最多两位小数');
    expect(zMoney('金额').safeParse('-1').success).toBe(false);
    expect(parseYuanText('abc')).toBeUndefined();
  });
  it('shows 万元 for large amounts, rounded half up', () => {
    expect(formatWanYuan(123_456_789)).toBe('123.46');
    expect(formatWanYuan(5_000)).toBe('0.01');
    expect(formatWanYuan(4_999)).toBe('0.00');
    expect(formatWanYuan(123_456_789_000)).toBe('123,456.79');
    expect(formatAmount(99_999_999)).toBe('999,999.99 元');
    expect(formatAmount(100_000_000)).toBe('100.00 万元');
    expect(formatYuanInput(123_450)).toBe('1234.50');
  });
});
