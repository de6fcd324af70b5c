import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, ZSubsidyRunInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { OrgUnitField, YearField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useOrgUnits, type OrgUnit } from '../../components/org-unit-select';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm } from '../../lib/use-zod-form';
import { RunDetail } from './run-detail';

type Run = RouterOutputs['subsidies']['runs'][number];

const isRunUnit = (u: OrgUnit) => u.level === 'county' || u.level === 'city';

/** Premium-subsidy runs of the region: start one for a county (or a whole city) and a year, open the result. */
export function SubsidyRuns() {
  const trpc = useTRPC();
  const runs = useQuery(trpc.subsidies.runs.queryOptions());
  const me = useMe().data;
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: ColumnDef<Run, never>[] = [
    { id: 'orgUnit', header: '区划', accessorKey: 'orgUnitName' },
    { id: 'year', header: '年度', accessorKey: 'year' },
    { id: 'persons', header: '人数', accessorKey: 'personCount', meta: { numeric: true } },
    { id: 'subsidised', header: '获资助人数', accessorKey: 'subsidisedCount', meta: { numeric: true } },
    { id: 'total', header: '资助合计（元）', cell: ({ row }) => formatYuan(row.original.totalAmount), meta: { numeric: true } },
    { id: 'by', header: '计算人 / 时间', cell: ({ row: { original: r } }) => `${r.createdByName} · ${formatDateTime(r.createdAt)}` },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: r } }) => (
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpenId(r.id)}>
            查看
          </Button>
          <Button size="compact-xs" variant="subtle" component="a" href={`/api/exports/subsidy-runs/${r.id}.xlsx`}>
            导出
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      {me && can(me.role, 'subsidies.run') && <RunForm onDone={setOpenId} />}
      <DataTable columns={columns} rows={runs.data} getRowId={(r) => r.id} query={runs} empty="还没有资助计算记录" />
      <Modal opened={!!openId} onClose={() => setOpenId(null)} title="参保资助计算结果" size="80rem">
        {openId && <RunDetail id={openId} />}
      </Modal>
    </Stack>
  );
}

function RunForm({ onDone }: { onDone: (id: string) => void }) {
  const { year, isPending } = useServerToday();
  const units = useOrgUnits();
  if (isPending || units.isPending) return null;
  const options = (units.data ?? []).filter(isRunUnit);
  return <RunFormFields year={year} orgUnitId={options.length === 1 ? options[0]!.id : ''} onDone={onDone} />;
}

function RunFormFields({ year, orgUnitId, onDone }: { year: number | undefined; orgUnitId: string; onDone: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useMutation(
    trpc.subsidies.run.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.subsidies.runs.queryKey() }) }),
  );
  const form = useZodForm(ZSubsidyRunInput, { defaultValues: { orgUnitId, year } });
  return (
    <Paper withBorder p="md">
      <FormShell
        form={form}
        submitLabel="计算资助"
        onSubmit={async (values) => {
          const r = await run.mutateAsync(values);
          notifications.show({
            color: 'green',
            title: '资助计算完成',
            message: `${r.personCount} 人，资助合计 ${formatYuan(r.totalAmount)} 元`,
          });
          onDone(r.id);
        }}
        footerStart={
          <Text size="xs" c="dimmed" maw={640}>
            按 1 月 1 日起生效的个人缴费标准和资助参数，对每名扶贫对象按“就高不重复”计算资助额（不超过个人缴费），并按财政层级分担。
          </Text>
        }
      >
        <Group align="flex-start">
          <OrgUnitField
            control={form.control}
            name="orgUnitId"
            label="县（市、区）"
            withAsterisk
            withCode
            include={isRunUnit}
            suffix={(u) => (u.level === 'city' ? ' · 全市各县' : '')}
            w={320}
          />
          <YearField control={form.control} name="year" label="参保年度" withAsterisk w={140} />
        </Group>
      </FormShell>
    </Paper>
  );
}
