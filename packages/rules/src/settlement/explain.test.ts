import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../money.js';
import { describeCap, percent, yuan } from './explain.js';

describe('explanation helpers', () => {
  it('yuan gives exactly formatYuan and the unit', () => {
    for (const f of [0, 5, 99, 100, 99999, 100000, 2062500, -123456, 100000000000]) expect(yuan(f)).toBe(`${formatYuan(f)} 元`);
    expect(() => yuan(1.5)).toThrow();
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (f) => yuan(f) === `${formatYuan(f)} 元`),
      { numRuns: 2000 },
    );
  });
  it('formats yuan and percent', () => {
    expect(yuan(2800000)).toBe('28,000.00 元');
    expect(percent(75)).toBe('75%');
  });
  it('describes a cap only when it bit', () => {
    expect(describeCap('限额', 100, 0, 50, 50)).toBe('');
    expect(describeCap('限额', 100, 90, 50, 10)).toContain('超出封顶线');
  });
});
