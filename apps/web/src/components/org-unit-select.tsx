import { Select, type SelectProps } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type Ref } from 'react';
import { useTRPC } from '../lib/trpc';

export type OrgUnit = RouterOutputs['admin']['listOrgUnits'][number];

/** The org units of the user's region, in tree order (the server sorts them by path). */
export function useOrgUnits() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.admin.listOrgUnits.queryOptions(), staleTime: 5 * 60_000 });
}

export interface OrgUnitSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  ref?: Ref<HTMLInputElement>;
  value: string | null | undefined;
  onChange: (id: string | null) => void;
  /** Which units may be chosen (default: all but the system root). */
  include?: (unit: OrgUnit) => boolean;
  /** Show the region code after the name. */
  withCode?: boolean;
  /** Extra text after a unit's name (" · 全市各县"). */
  suffix?: (unit: OrgUnit) => string;
}

/** The one org-unit picker: the region tree indented by depth, searchable by name or code. */
export function OrgUnitSelect({ value, onChange, include, withCode, suffix, ...rest }: OrgUnitSelectProps) {
  const units = useOrgUnits();
  const options = useMemo(() => {
    const shown = (units.data ?? []).filter(include ?? ((u) => u.level !== 'system'));
    const top = Math.min(...shown.map((u) => u.depth));
    return shown.map((u) => ({
      value: u.id,
      label: `${u.name}${withCode ? `（${u.code}）` : ''}${suffix?.(u) ?? ''}`,
      depth: u.depth - top,
      code: u.code,
    }));
  }, [units.data, include, withCode, suffix]);
  const depthOf = new Map(options.map((o) => [o.value, o.depth]));
  return (
    <Select
      searchable
      nothingFoundMessage="没有匹配的区划"
      {...rest}
      data={options}
      filter={({ options: items, search }) => {
        const q = search.trim();
        if (!q) return items;
        return items.filter(
          (item) => 'label' in item && (item.label.includes(q) || options.find((o) => o.value === item.value)?.code.startsWith(q)),
        );
      }}
      renderOption={({ option }) => <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 16 }}>{option.label}</span>}
      value={value || null}
      onChange={(id) => onChange(id)}
    />
  );
}
