/** Pure helpers of useUrlFilters and the cursor trail (tested without a browser). */

export type FilterValue = string | number | boolean | null;
export type FilterDefaults = Record<string, FilterValue>;

/** Reads each filter from the search params, typed like its default; a missing or unreadable value is the default. */
export function readFilters<T extends FilterDefaults>(params: URLSearchParams, defaults: T): T {
  const out: Record<string, FilterValue> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const raw = params.get(key);
    if (raw === null) out[key] = fallback;
    else if (typeof fallback === 'number') out[key] = Number.isFinite(Number(raw)) && raw.trim() !== '' ? Number(raw) : fallback;
    else if (typeof fallback === 'boolean') out[key] = raw === '1' || raw === 'true';
    else out[key] = raw;
  }
  return out as T;
}

/**
 * Writes filters into search params: a value equal to its default is left out so that links stay
 * short, and other params of the page are kept.
 */
export function writeFilters<T extends FilterDefaults>(params: URLSearchParams, defaults: T, values: Partial<T>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(values)) {
    if (!(key in defaults)) continue;
    if (value === null || value === undefined || value === '' || value === defaults[key]) next.delete(key);
    else next.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return next;
}

/** Paging keys reset to the first page whenever another filter changes. */
export const PAGING_KEYS = ['page', 'cursor'] as const;

/**
 * The cursor trail: the cursors of the pages before the current one, kept in the history entry so
 * that "上一页" works after "下一页" (a keyset cursor only goes forward). A shared link has no trail:
 * "上一页" then returns to the first page.
 */
export function nextTrail(trail: readonly (string | null)[], current: string | null): (string | null)[] {
  return [...trail, current];
}

/** The cursor of the previous page and the trail that remains. */
export function previousOf(trail: readonly (string | null)[]): { cursor: string | null; trail: (string | null)[] } {
  if (!trail.length) return { cursor: null, trail: [] };
  return { cursor: trail[trail.length - 1] ?? null, trail: trail.slice(0, -1) };
}
