import { describe, expect, it } from 'vitest';
import { percentOf } from './ratios.js';

describe('percentOf', () => {
  it('gives one decimal and null for an empty denominator', () => {
    expect(percentOf(2062500, 2800000)).toBe(73.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(-5, 10)).toBe(-50);
  });
});
