import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/**
 * The server's date in China time ('YYYY-MM-DD') and its year, for defaults and min/max: never the
 * browser's clock, which may be wrong or in another zone. Undefined until the server has answered.
 */
export function useServerToday(): { today: string | undefined; year: number | undefined; isPending: boolean } {
  const trpc = useTRPC();
  const info = useQuery({ ...trpc.system.info.queryOptions(), staleTime: 5 * 60_000 });
  const today = info.data?.today;
  return { today, year: today ? Number(today.slice(0, 4)) : undefined, isPending: info.isPending };
}
