import { useCallback, useContext, useMemo } from 'react';
import { UNSAFE_DataRouterContext, useLocation, useSearchParams } from 'react-router';
import { nextTrail, PAGING_KEYS, previousOf, readFilters, writeFilters, type FilterDefaults } from './url-filters';

export type { FilterDefaults };

/** `{ resolved: false }` reads as `{ resolved: boolean }`, not the literal `false`. */
type Widen<D> = { [K in keyof D]: D[K] extends string ? string : D[K] extends number ? number : D[K] extends boolean ? boolean : D[K] };

export interface SetFiltersOptions {
  /** Replace the history entry instead of adding one (while typing in a search box). */
  replace?: boolean;
}

/**
 * List filters (and `page` / `cursor`) kept in the URL search params, typed like `defaults`, so that
 * the back button and a shared link show the same list. Changing any other filter returns to the
 * first page.
 */
export function useUrlFilters<D extends FilterDefaults>(defaults: D) {
  type T = Widen<D>;
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  // A link to another page may be waiting for that page's code (app/routes.tsx loads pages
  // lazily): the address still shows the list, and a search-only navigation now would cancel the
  // user's. The router's own state is read at the moment of the write (a debounced search calls the
  // setter it was given before the click, possibly before React has rendered the navigation).
  const router = useContext(UNSAFE_DataRouterContext)?.router;
  // The defaults object is usually a literal: compare it by value so the memo holds.
  const key = JSON.stringify(defaults);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableDefaults = useMemo(() => defaults, [key]);
  const filters = useMemo(() => readFilters(params, stableDefaults) as T, [params, stableDefaults]);
  const setFilters = useCallback(
    (patch: Partial<T>, options: SetFiltersOptions = {}) => {
      // A late write (a debounced search box) after the user has left the list would put the
      // list's filters on the next page's URL: a search-only navigation lands on the current path.
      const pending = router?.state.navigation;
      const leaving = pending !== undefined && pending.state !== 'idle' && pending.location.pathname !== pathname;
      if (window.location.pathname !== pathname || leaving) return;
      setParams(
        (current) => {
          const next = writeFilters(current, stableDefaults as FilterDefaults, patch as Partial<FilterDefaults>);
          const isPaging = Object.keys(patch).every((k) => (PAGING_KEYS as readonly string[]).includes(k));
          if (!isPaging) for (const k of PAGING_KEYS) if (!(k in patch)) next.delete(k);
          return next;
        },
        { replace: options.replace },
      );
    },
    [setParams, stableDefaults, pathname, router],
  );
  return [filters, setFilters] as const;
}

export interface CursorPager {
  /** The cursor of the page shown (null: the first page). */
  cursor: string | null;
  hasPrevious: boolean;
  goNext: (nextCursor: string) => void;
  goPrevious: () => void;
  goFirst: () => void;
}

/**
 * Forward keyset paging in the URL (`?cursor=`): the server's `nextCursor` opens the next page; the
 * cursors before it are kept in the history entry, so "上一页" and the back button both work.
 */
export function useCursorPager(param = 'cursor'): CursorPager {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const cursor = params.get(param);
  const trail = useMemo(() => (location.state as { cursorTrail?: (string | null)[] } | null)?.cursorTrail ?? [], [location.state]);
  const go = useCallback(
    (next: string | null, nextTrailValue: (string | null)[]) => {
      setParams(
        (current) => {
          const p = new URLSearchParams(current);
          if (next) p.set(param, next);
          else p.delete(param);
          return p;
        },
        { state: { cursorTrail: nextTrailValue } },
      );
    },
    [param, setParams],
  );
  return {
    cursor,
    hasPrevious: cursor !== null,
    goNext: (nextCursor) => go(nextCursor, nextTrail(trail, cursor)),
    goPrevious: () => {
      const prev = previousOf(trail);
      go(prev.cursor, prev.trail);
    },
    goFirst: () => go(null, []),
  };
}
