import { Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { DateInput } from '../../components/date-input';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useCursorPager, useUrlFilters } from '../../lib/use-url-filters';

type Entry = RouterOutputs['audit']['list']['items'][number];

const PAGE_SIZE = 50;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

const COLUMNS: ColumnDef<Entry, never>[] = [
  { id: 'at', header: '时间', cell: ({ row }) => formatDateTime(row.original.at), meta: { width: 170 } },
  { id: 'user', header: '操作人', cell: ({ row }) => row.original.username ?? '—' },
  { id: 'action', header: '操作', cell: ({ row }) => row.original.actionLabel },
  {
    id: 'entity',
    header: '对象',
    cell: ({ row: { original: a } }) => (
      <Stack gap={0}>
        <Text size="sm">{a.entityLabel}</Text>
        {a.unitName && (
          <Text size="xs" c="dimmed">
            {a.unitName}
          </Text>
        )}
      </Stack>
    ),
  },
  {
    id: 'change',
    header: '变更内容',
    cell: ({ row: { original: a } }) =>
      a.changes.length ? (
        <Stack gap={2}>
          {a.changes.map((c) => (
            <Text key={c.field} size="xs">
              <Text span fw={500} size="xs">
                {c.label}
              </Text>
              ：{c.before === '—' ? c.after : `${c.before} → ${c.after}`}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          —
        </Text>
      ),
  },
  { id: 'ip', header: '来源地址', cell: ({ row }) => row.original.ip ?? '—', meta: { width: 120 } },
];

/** 操作日志: who changed what, when, in the caller's region; filters in the URL, newest first by cursor. */
export function AuditPage() {
  const trpc = useTRPC();
  const pager = useCursorPager();
  const [f, setFilters] = useUrlFilters({ username: '', action: '', entity: '', from: '', to: '', orgUnitId: '' });
  const [username] = useDebouncedValue(f.username, 300);
  const set = (patch: Partial<typeof f>) => {
    setFilters(patch);
    pager.goFirst();
  };
  const audit = useQuery({
    ...trpc.audit.list.queryOptions({
      username: username || undefined,
      action: f.action || undefined,
      entity: f.entity || undefined,
      from: f.from || undefined,
      to: f.to || undefined,
      orgUnitId: f.orgUnitId || undefined,
      cursor: pager.cursor ?? undefined,
      limit: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={3}>操作日志</Title>
      <Paper withBorder p="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="操作人（用户名）" value={f.username} onChange={(e) => set({ username: e.currentTarget.value })} w={160} />
          <Select
            label="操作"
            placeholder="全部"
            data={ACTION_OPTIONS}
            value={f.action || null}
            onChange={(v) => set({ action: v ?? '' })}
            searchable
            clearable
            w={200}
          />
          <Select
            label="对象"
            placeholder="全部"
            data={ENTITY_OPTIONS}
            value={f.entity || null}
            onChange={(v) => set({ entity: v ?? '' })}
            searchable
            clearable
            w={170}
          />
          <DateInput label="起始日期" value={f.from} onChange={(v) => set({ from: v ?? '' })} w={160} clearable />
          <DateInput label="截止日期" value={f.to} onChange={(v) => set({ to: v ?? '' })} w={160} clearable />
          <OrgUnitSelect
            label="区划"
            placeholder="本级及下级全部"
            value={f.orgUnitId || null}
            onChange={(v) => set({ orgUnitId: v ?? '' })}
            clearable
            w={220}
          />
        </Group>
      </Paper>
      <DataTable
        columns={COLUMNS}
        rows={audit.data?.items}
        getRowId={(a) => a.id}
        query={audit}
        empty="没有符合条件的操作记录"
        paging={{ mode: 'cursor', pager, nextCursor: audit.data?.nextCursor }}
      />
      <Text size="xs" c="dimmed">
        操作日志只增不改（数据库拒绝修改和删除），至少保存 6 个月。身份证号、电话和账号在日志中均已脱敏。
      </Text>
    </Stack>
  );
}
