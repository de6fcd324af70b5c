import { Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, HOSPITAL_LEVEL_LABELS, REFERRAL_TIER_LABELS, ZHospitalInput, type THospitalInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useOrgUnits } from '../../components/org-unit-select';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

type Hospital = RouterOutputs['hospitals']['list'][number];
type Editing = { mode: 'create' } | { mode: 'edit'; hospital: Hospital } | null;

const EMPTY: THospitalInput = {
  code: '',
  name: '',
  level: 2,
  regionCode: '',
  regionName: '',
  isNetworked: true,
  isSpecialDiseaseDesignated: false,
  referralTier: null,
  isActive: true,
};

export function HospitalsPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const list = useQuery(trpc.hospitals.list.queryOptions({ includeInactive: true }));
  const units = useOrgUnits();
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = !!me && can(me.role, 'hospitals.write');
  const owner = units.data?.find((u) => u.id === me?.orgUnitId) ?? units.data?.find((u) => u.profile);
  const columns: ColumnDef<Hospital, never>[] = [
    { id: 'code', header: '编码', accessorKey: 'code', meta: { mono: true } },
    { id: 'name', header: '医院名称', accessorKey: 'name' },
    { id: 'level', header: '等级', cell: ({ row }) => HOSPITAL_LEVEL_LABELS[row.original.level] },
    { id: 'region', header: '所在地', cell: ({ row: { original: h } }) => `${h.regionName}（${h.regionCode}）` },
    {
      id: 'flags',
      header: '属性',
      cell: ({ row: { original: h } }) => (
        <Group gap={4}>
          {!h.isNetworked && (
            <Badge size="xs" color="orange">
              未联网
            </Badge>
          )}
          {h.isSpecialDiseaseDesignated && (
            <Badge size="xs" variant="light">
              特殊病种定点
            </Badge>
          )}
          {h.referralTier && (
            <Badge size="xs" color="grape" variant="light">
              {REFERRAL_TIER_LABELS[h.referralTier]}
            </Badge>
          )}
          {!h.isActive && (
            <Badge size="xs" color="gray">
              已停用
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'edit',
      header: '',
      cell: ({ row }) =>
        canEdit && (
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ mode: 'edit', hospital: row.original })}>
            编辑
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>医院名单</Title>
        {canEdit && owner?.profile && <Button onClick={() => setEditing({ mode: 'create' })}>新增医院</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        本辖区结算、转诊使用的医疗机构名单。就医地（县域内、市内、省内、省外）按医院所在地区划代码与参保人所属县自动判断。
      </Text>
      <DataTable columns={columns} rows={list.data} getRowId={(h) => h.id} query={list} empty="名单为空" isRowDimmed={(h) => !h.isActive} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? '编辑医院' : `新增医院（${owner?.name ?? ''}名单）`}
      >
        {editing && <HospitalForm editing={editing} ownerOrgUnitId={owner?.id ?? ''} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function HospitalForm({ editing, ownerOrgUnitId, onDone }: { editing: NonNullable<Editing>; ownerOrgUnitId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.hospitals.pathKey() });
  const create = useMutation(trpc.hospitals.create.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.hospitals.update.mutationOptions({ onSuccess: invalidate }));
  const h = editing.mode === 'edit' ? editing.hospital : null;
  const form = useZodForm(ZHospitalInput, {
    defaultValues: h
      ? {
          code: h.code,
          name: h.name,
          level: h.level,
          regionCode: h.regionCode,
          regionName: h.regionName,
          isNetworked: h.isNetworked,
          isSpecialDiseaseDesignated: h.isSpecialDiseaseDesignated,
          referralTier: h.referralTier,
          isActive: h.isActive,
        }
      : EMPTY,
  });
  const c = form.control;
  return (
    <FormShell
      form={form}
      onCancel={onDone}
      onSubmit={async (values) => {
        if (h) await update.mutateAsync({ id: h.id, data: values });
        else await create.mutateAsync({ ...values, ownerOrgUnitId });
        notifications.show({ color: 'green', message: `已保存 ${values.name}` });
        onDone();
      }}
    >
      <SimpleGrid cols={2}>
        <TextField control={c} name="code" label="医院编码" withAsterisk />
        <SelectField
          control={c}
          name="level"
          numeric
          label="等级"
          withAsterisk
          allowDeselect={false}
          data={([1, 2, 3] as const).map((l) => ({ value: String(l), label: HOSPITAL_LEVEL_LABELS[l] }))}
        />
      </SimpleGrid>
      <TextField control={c} name="name" label="医院名称" withAsterisk />
      <SimpleGrid cols={2}>
        <TextField control={c} name="regionCode" label="所在地区划代码" withAsterisk />
        <TextField control={c} name="regionName" label="所在地" withAsterisk />
      </SimpleGrid>
      <SelectField
        control={c}
        name="referralTier"
        label="转诊定点"
        placeholder="否"
        clearable
        data={Object.entries(REFERRAL_TIER_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <CheckboxField control={c} name="isNetworked" label="已联网（可直接结算）" />
      <CheckboxField control={c} name="isSpecialDiseaseDesignated" label="特殊病种定点救治医院" />
      <CheckboxField control={c} name="isActive" label="启用" />
    </FormShell>
  );
}
