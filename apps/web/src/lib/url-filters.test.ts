import { describe, expect, it } from 'vitest';
import { nextTrail, previousOf, readFilters, writeFilters } from './url-filters';

const DEFAULTS = { q: '', category: null as string | null, page: 1, includeResolved: false };

describe('URL filters', () => {
  it('reads typed values and falls back to defaults', () => {
    expect(readFilters(new URLSearchParams('q=张三&page=3&includeResolved=1'), DEFAULTS)).toEqual({
      q: '张三',
      category: null,
      page: 3,
      includeResolved: true,
    });
    expect(readFilters(new URLSearchParams('page=x'), DEFAULTS).page).toBe(1);
  });
  it('writes only what differs from the defaults and keeps other params', () => {
    const p = writeFilters(new URLSearchParams('tab=worklist&page=2'), DEFAULTS, { q: '李', page: 1, category: 'low_income' });
    expect(p.toString()).toBe('tab=worklist&q=%E6%9D%8E&category=low_income');
  });
  it('keeps a cursor trail for 上一页', () => {
    let trail = nextTrail([], null);
    trail = nextTrail(trail, 'c1');
    expect(trail).toEqual([null, 'c1']);
    const back = previousOf(trail);
    expect(back).toEqual({ cursor: 'c1', trail: [null] });
    expect(previousOf(back.trail)).toEqual({ cursor: null, trail: [] });
    expect(previousOf([])).toEqual({ cursor: null, trail: [] });
  });
});
