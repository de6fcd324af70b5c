import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** County and township units of the user's region, indented, for "所属区划" pickers. */
export function useUnitOptions(levels: readonly string[] = ['county', 'township']) {
  const trpc = useTRPC();
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  return (units.data ?? [])
    .filter((u) => levels.includes(u.level))
    .map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth - 2))}${u.name}（${u.code}）` }));
}
