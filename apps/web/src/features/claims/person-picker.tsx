import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
import { useTRPC } from '../../lib/trpc';

interface Props {
  value: string;
  onChange: (id: string) => void;
  onBlur?: () => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** Finds a person in the caller's region by name, full ID number or its last digits. */
export function PersonPicker({ value, onChange, onBlur, error, ref }: Props) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({ ...trpc.persons.list.queryOptions({ q: q || undefined, pageSize: 20 }), enabled: q.trim().length >= 1 });
  const options = (found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}　${p.idNumberMasked}　${p.orgUnitName}` }));
  const data = selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options;
  return (
    <Select
      ref={ref}
      label="参保人"
      placeholder="输入姓名或身份证号（后几位）查找"
      withAsterisk
      searchable
      openOnFocus={false}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value || null}
      filter={({ options: o }) => o}
      onChange={(id, option) => {
        setSelected(option ?? null);
        onChange(id ?? '');
      }}
      onBlur={onBlur}
      nothingFoundMessage={q ? (found.isFetching ? '查找中…' : '本辖区内没有找到该人员') : '请输入姓名或身份证号'}
      error={error}
      clearable
    />
  );
}
