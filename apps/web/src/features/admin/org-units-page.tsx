import { Badge, Button, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ORG_LEVEL_LABELS, PROFILES, ZCreateOrgUnitInput, type TOrgLevel, type TProfileId } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useOrgUnits, type OrgUnit } from '../../components/org-unit-select';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

export function OrgUnitsPage() {
  const units = useOrgUnits();
  const [parent, setParent] = useState<OrgUnit | null>(null);
  const columns: ColumnDef<OrgUnit, never>[] = [
    {
      id: 'name',
      header: '机构（区划）',
      cell: ({ row: { original: u } }) => (
        <span style={{ paddingLeft: u.depth * 20 }}>
          {u.name}
          {u.isDemo && (
            <Badge ml={6} size="xs" variant="outline" color="gray">
              演示
            </Badge>
          )}
        </span>
      ),
    },
    { id: 'code', header: '区划代码', accessorKey: 'code', meta: { mono: true } },
    { id: 'level', header: '层级', cell: ({ row }) => ORG_LEVEL_LABELS[row.original.level as TOrgLevel] },
    {
      id: 'profile',
      header: '政策口径',
      cell: ({ row }) => (row.original.profile ? PROFILES[row.original.profile as TProfileId]?.label : '—'),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: u } }) =>
        u.level !== 'township' && (
          <Button size="compact-xs" variant="subtle" onClick={() => setParent(u)}>
            新增下级
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Title order={3}>机构与区划</Title>
      <Text size="sm" c="dimmed">
        每个经办机构对应一个行政区划（GB/T 2260 代码）。用户只能查看和办理本机构及下级区划的业务。
      </Text>
      <DataTable
        columns={columns}
        rows={units.data}
        getRowId={(u) => u.id}
        query={units}
        empty="没有机构"
        tableProps={{ verticalSpacing: 6 }}
      />
      <Modal opened={parent !== null} onClose={() => setParent(null)} title={`在“${parent?.name ?? ''}”下新增机构`}>
        {parent && <OrgUnitForm parent={parent} onDone={() => setParent(null)} />}
      </Modal>
    </Stack>
  );
}

function OrgUnitForm({ parent, onDone }: { parent: OrgUnit; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.admin.createOrgUnit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.listOrgUnits.queryKey() }),
    }),
  );
  const form = useZodForm(ZCreateOrgUnitInput, { defaultValues: { parentId: parent.id, code: '', name: '' } });
  return (
    <FormShell
      form={form}
      onCancel={onDone}
      onSubmit={async (values) => {
        await create.mutateAsync(values);
        notifications.show({ color: 'green', message: `已新增机构 ${values.name}` });
        onDone();
      }}
    >
      <TextField control={form.control} name="code" label="区划代码" description="县级及以上 6 位，乡镇（街道）9 位" withAsterisk />
      <TextField control={form.control} name="name" label="机构名称" withAsterisk />
    </FormShell>
  );
}
