import { Badge, Button, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, PROFILES, ZCreateParamVersionInput, ZSettleParamsOverride, type TParamRow, type TProfileId } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { DateField, MoneyField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { OrgUnitSelect, useOrgUnits } from '../../components/org-unit-select';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/dates';
import { formatYuan, formatYuanInput, zMoney } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

type Version = RouterOutputs['params']['list'][number];

const SOURCE_LABELS = { seed: '文件规定', local: '地方参数', unused: '本口径不适用' } as const;
const UNIT_LABELS = { fen: '元', percent: '%', points: '百分点' } as const;

function showValue(row: Pick<TParamRow, 'unit' | 'value'>) {
  if (row.unit === 'fen') return `${formatYuan(row.value)} 元`;
  return row.unit === 'percent' ? `${row.value}%` : `${row.value} 个百分点`;
}

/** Sets a value at a dotted path of a nested object (a new branch where missing). */
function setPath(target: Record<string, unknown>, path: string, value: number) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((k) => {
    node[k] = (node[k] as Record<string, unknown>) ?? {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

/** A parameter path ("critical.rate") as a form field name: react-hook-form reads dots as nesting. */
const fieldKey = (path: string) => path.replace(/\./g, '__');

/** A number typed in a form (percent or percentage points). */
const zNumberText = (label: string) =>
  z
    .string()
    .trim()
    .refine((t) => /^-?\d+(\.\d+)?$/.test(t), `请输入数字：${label}`)
    .transform(Number);

function paramsFormSchema(rows: TParamRow[]) {
  return z.object({
    effectiveFrom: ZCreateParamVersionInput.shape.effectiveFrom,
    note: ZCreateParamVersionInput.shape.note,
    values: z.object(Object.fromEntries(rows.map((r) => [fieldKey(r.path), r.unit === 'fen' ? zMoney(r.label) : zNumberText(r.label)]))),
  });
}

interface Editing {
  orgUnitId: string;
  profile: TProfileId;
  rows: TParamRow[];
}

export function ParamsPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const versions = useQuery(trpc.params.list.queryOptions());
  const units = useOrgUnits();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const canEdit = !!me && can(me.role, 'params.write');

  const versionRows = versions.data;
  const latestByUnit = useMemo(() => {
    const map = new Map<string, Version>();
    for (const v of versionRows ?? []) if (!map.has(v.orgUnitId)) map.set(v.orgUnitId, v);
    return map;
  }, [versionRows]);
  const shown = (versions.data ?? []).find((v) => v.id === selected) ?? [...latestByUnit.values()][0];
  const startEdit = (orgUnitId: string, profile: TProfileId, rows: TParamRow[]) =>
    setEditing({ orgUnitId, profile, rows: rows.filter((r) => r.source !== 'unused') });

  const columns: ColumnDef<Version, never>[] = [
    { id: 'orgUnit', header: '机构', accessorKey: 'orgUnitName' },
    { id: 'profile', header: '政策口径', cell: ({ row }) => PROFILES[row.original.profile as TProfileId]?.label },
    {
      id: 'version',
      header: '版本',
      cell: ({ row: { original: v } }) => (
        <>
          第 {v.version} 版
          {latestByUnit.get(v.orgUnitId)?.id === v.id && (
            <Badge ml={6} size="xs">
              最新
            </Badge>
          )}
        </>
      ),
    },
    { id: 'effectiveFrom', header: '生效日期', cell: ({ row }) => formatDate(row.original.effectiveFrom) },
    { id: 'note', header: '说明', accessorKey: 'note' },
    { id: 'by', header: '调整人', cell: ({ row }) => row.original.createdByName ?? '系统初始化' },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: v } }) => (
        <Group gap={4} justify="flex-end">
          <Button size="compact-xs" variant="subtle" onClick={() => setSelected(v.id)}>
            查看
          </Button>
          {canEdit && latestByUnit.get(v.orgUnitId)?.id === v.id && (
            <Button size="compact-xs" variant="subtle" onClick={() => startEdit(v.orgUnitId, v.profile as TProfileId, v.table)}>
              调整
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={3}>政策参数</Title>
      <Text size="sm" c="dimmed">
        政策文件未规定、由当地确定的参数（起付线、报销比例、封顶线等）。每次调整生成新版本并从生效日期起适用，已结算的业务记录其使用的版本，不受后续调整影响。
      </Text>
      <DataTable
        columns={columns}
        rows={versions.data}
        getRowId={(v) => v.id}
        query={versions}
        empty="尚无参数版本"
        isRowSelected={(v) => v.id === shown?.id}
      />
      <QueryState query={versions}>
        {() => (
          <>
            {canEdit && units.data && (
              <Group>
                <OrgUnitSelect
                  placeholder="为下级机构单独设定参数…"
                  aria-label="为下级机构单独设定参数"
                  w={280}
                  include={(u) => !!u.profile && !latestByUnit.has(u.id)}
                  value={null}
                  onChange={(id) => {
                    const unit = units.data?.find((u) => u.id === id);
                    const parent = [...latestByUnit.values()].find((v) =>
                      unit?.path.includes(`/${units.data?.find((x) => x.id === v.orgUnitId)?.code}/`),
                    );
                    if (unit && parent) startEdit(unit.id, unit.profile as TProfileId, parent.table);
                  }}
                />
              </Group>
            )}
            {shown && (
              <Paper withBorder p="md">
                <Text fw={600} mb="xs">
                  {shown.orgUnitName} · 第 {shown.version} 版（{formatDate(shown.effectiveFrom)} 起）
                </Text>
                <ParamTable rows={shown.table} />
              </Paper>
            )}
          </>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="调整政策参数（生成新版本）" size="xl">
        {editing && <ParamsForm editing={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function ParamsForm({ editing, onDone }: { editing: Editing; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.params.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.params.list.queryKey() }) }),
  );
  const { rows } = editing;
  const schema = useMemo(() => paramsFormSchema(rows), [rows]);
  const form = useZodForm(schema, {
    defaultValues: {
      effectiveFrom: '',
      note: '',
      values: Object.fromEntries(rows.map((r) => [fieldKey(r.path), r.unit === 'fen' ? formatYuanInput(r.value) : String(r.value)])),
    },
  });
  const serverFields = useMemo(
    () => Object.fromEntries(rows.map((r) => [`settle.${r.path}`, `values.${fieldKey(r.path)}` as const])),
    [rows],
  );
  return (
    <FormShell
      form={form}
      submitLabel="保存新版本"
      onCancel={onDone}
      serverFields={serverFields}
      onSubmit={async (values) => {
        const draft: Record<string, unknown> = {};
        for (const r of rows) setPath(draft, r.path, values.values[fieldKey(r.path)]!);
        // The rules' own schema checks the ranges before the server does, and places each error on its field.
        const settle = ZSettleParamsOverride.safeParse(draft);
        if (!settle.success) {
          for (const issue of settle.error.issues) form.setError(`values.${fieldKey(issue.path.join('.'))}`, { message: issue.message });
          return;
        }
        const r = await create.mutateAsync({
          orgUnitId: editing.orgUnitId,
          effectiveFrom: values.effectiveFrom,
          note: values.note,
          settle: settle.data,
          subsidy: {},
        });
        notifications.show({ color: 'green', message: `已保存参数版本 ${r.version}` });
        onDone();
      }}
    >
      <SimpleGrid cols={2}>
        <DateField control={form.control} name="effectiveFrom" label="生效日期" withAsterisk />
        <TextField control={form.control} name="note" label="调整说明" withAsterisk placeholder="依据文件或调整原因" />
      </SimpleGrid>
      <ScrollArea h={420}>
        <SimpleGrid cols={2} spacing="sm">
          {rows.map((r) => {
            const props = {
              control: form.control,
              name: `values.${fieldKey(r.path)}` as const,
              label: `${r.label}（${UNIT_LABELS[r.unit]}）`,
              description: `${SOURCE_LABELS[r.source]}${r.note ? `：${r.note}` : ''}`,
            };
            return r.unit === 'fen' ? (
              <MoneyField key={r.path} {...props} rightSection={null} />
            ) : (
              <TextField key={r.path} {...props} inputMode="decimal" />
            );
          })}
        </SimpleGrid>
      </ScrollArea>
    </FormShell>
  );
}

const PARAM_COLUMNS: ColumnDef<TParamRow, never>[] = [
  { id: 'label', header: '参数', accessorKey: 'label' },
  { id: 'value', header: '现行值', cell: ({ row }) => showValue(row.original), meta: { numeric: true } },
  {
    id: 'default',
    header: '默认值',
    cell: ({ row }) => showValue({ unit: row.original.unit, value: row.original.defaultValue }),
    meta: { numeric: true },
  },
  {
    id: 'source',
    header: '来源',
    cell: ({ row: { original: r } }) => (
      <Text size="xs">
        {SOURCE_LABELS[r.source]}
        {r.note ? `：${r.note}` : ''}
      </Text>
    ),
  },
];

function ParamTable({ rows }: { rows: TParamRow[] }) {
  return (
    <DataTable
      columns={PARAM_COLUMNS}
      rows={rows}
      getRowId={(r) => r.path}
      empty="没有参数"
      withPaper={false}
      isRowDimmed={(r) => r.source === 'unused'}
      tableProps={{ striped: false, verticalSpacing: 4, fz: 'sm' }}
    />
  );
}
