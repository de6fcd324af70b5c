import { Select, type SelectProps } from '@mantine/core';
import type { Ref } from 'react';
import { useServerToday } from '../lib/use-server-today';

export interface YearSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  ref?: Ref<HTMLInputElement>;
  value: number | null | undefined;
  onChange: (year: number | null) => void;
  /** First year offered (2017: the earliest notice). */
  min?: number;
  /** Last year offered; by default the server's year plus `ahead`. */
  max?: number;
  /** Years after the server's year offered when `max` is not given (1). */
  ahead?: number;
}

/** The one year picker: newest first, typeable (typing "2020" selects 2020). */
export function YearSelect({ value, onChange, min = 2017, max, ahead = 1, onSearchChange, ...rest }: YearSelectProps) {
  const { year } = useServerToday();
  const last = max ?? (year ?? value ?? min) + ahead;
  const years = Array.from({ length: Math.max(0, last - min + 1) }, (_, i) => String(last - i));
  if (value && !years.includes(String(value))) years.unshift(String(value));
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage="不在可选年度内"
      {...rest}
      // Mounted only while open, so that the label names the input alone (getByLabel('年度') in the journeys).
      comboboxProps={{ ...rest.comboboxProps, keepMounted: false }}
      data={years.map((y) => ({ value: y, label: y }))}
      value={value ? String(value) : null}
      onChange={(v) => onChange(v ? Number(v) : null)}
      onSearchChange={(text) => {
        const typed = text.trim();
        if (/^\d{4}$/.test(typed) && typed !== String(value ?? '') && years.includes(typed)) onChange(Number(typed));
        onSearchChange?.(text);
      }}
    />
  );
}
