import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { HOSPITAL_LEVEL_LABELS, REFERRAL_TIER_LABELS, ZHospitalInput, type THospitalInput } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

type Editing = { mode: 'create' } | { mode: 'edit'; id: string; values: THospitalInput } | null;
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
  const queryClient = useQueryClient();
  const list = useQuery(trpc.hospitals.list.queryOptions({ includeInactive: true }));
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.hospitals.pathKey() });
  const create = useMutation(trpc.hospitals.create.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.hospitals.update.mutationOptions({ onSuccess: invalidate }));
  const form = useForm<THospitalInput>({
    resolver: zodResolver(ZHospitalInput) as unknown as Resolver<THospitalInput>,
    defaultValues: EMPTY,
  });
  const owner = units.data?.find((u) => u.id === me?.orgUnitId) ?? units.data?.find((u) => u.profile);
  const open = (e: Editing) => {
    form.reset(e?.mode === 'edit' ? e.values : EMPTY);
    setEditing(e);
  };
  const submit = form.handleSubmit(async (values) => {
    try {
      if (editing?.mode === 'edit') await update.mutateAsync({ id: editing.id, data: values });
      else await create.mutateAsync({ ...values, ownerOrgUnitId: owner?.id ?? '' });
      notifications.show({ color: 'green', message: `已保存 ${values.name}` });
      setEditing(null);
    } catch (err) {
      applyServerError(err, form.setError, ['code', 'name', 'level', 'regionCode', 'regionName']);
    }
  });
  const e = form.formState.errors;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>医院名单</Title>
        {me?.role === 'admin' && owner?.profile && <Button onClick={() => open({ mode: 'create' })}>新增医院</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        本辖区结算、转诊使用的医疗机构名单。就医地（县域内、市内、省内、省外）按医院所在地区划代码与参保人所属县自动判断。
      </Text>
      <QueryState query={list}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>编码</Table.Th>
                  <Table.Th>医院名称</Table.Th>
                  <Table.Th>等级</Table.Th>
                  <Table.Th>所在地</Table.Th>
                  <Table.Th>属性</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        名单为空
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.map((h) => (
                  <Table.Tr key={h.id} c={h.isActive ? undefined : 'dimmed'}>
                    <Table.Td ff="monospace">{h.code}</Table.Td>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td>{HOSPITAL_LEVEL_LABELS[h.level]}</Table.Td>
                    <Table.Td>
                      {h.regionName}（{h.regionCode}）
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>
                      {me?.role === 'admin' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() =>
                            open({
                              mode: 'edit',
                              id: h.id,
                              values: {
                                code: h.code,
                                name: h.name,
                                level: h.level,
                                regionCode: h.regionCode,
                                regionName: h.regionName,
                                isNetworked: h.isNetworked,
                                isSpecialDiseaseDesignated: h.isSpecialDiseaseDesignated,
                                referralTier: h.referralTier,
                                isActive: h.isActive,
                              },
                            })
                          }
                        >
                          编辑
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? '编辑医院' : `新增医院（${owner?.name ?? ''}名单）`}
      >
        <form onSubmit={submit} noValidate>
          <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack>
              <SimpleGrid cols={2}>
                <TextInput label="医院编码" withAsterisk {...form.register('code')} error={e.code?.message} />
                <Controller
                  control={form.control}
                  name="level"
                  render={({ field }) => (
                    <Select
                      label="等级"
                      withAsterisk
                      allowDeselect={false}
                      data={[1, 2, 3].map((l) => ({ value: String(l), label: HOSPITAL_LEVEL_LABELS[l as 1 | 2 | 3] }))}
                      value={String(field.value)}
                      onChange={(v) => field.onChange(Number(v))}
                      error={e.level?.message}
                    />
                  )}
                />
              </SimpleGrid>
              <TextInput label="医院名称" withAsterisk {...form.register('name')} error={e.name?.message} />
              <SimpleGrid cols={2}>
                <TextInput label="所在地区划代码" withAsterisk {...form.register('regionCode')} error={e.regionCode?.message} />
                <TextInput label="所在地" withAsterisk {...form.register('regionName')} error={e.regionName?.message} />
              </SimpleGrid>
              <Controller
                control={form.control}
                name="referralTier"
                render={({ field }) => (
                  <Select
                    label="转诊定点"
                    placeholder="否"
                    clearable
                    data={Object.entries(REFERRAL_TIER_LABELS).map(([value, label]) => ({ value, label }))}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v ?? null)}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="isNetworked"
                render={({ field }) => (
                  <Checkbox
                    label="已联网（可直接结算）"
                    checked={field.value}
                    onChange={(ev) => field.onChange(ev.currentTarget.checked)}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="isSpecialDiseaseDesignated"
                render={({ field }) => (
                  <Checkbox
                    label="特殊病种定点救治医院"
                    checked={field.value}
                    onChange={(ev) => field.onChange(ev.currentTarget.checked)}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="isActive"
                render={({ field }) => (
                  <Checkbox label="启用" checked={field.value ?? true} onChange={(ev) => field.onChange(ev.currentTarget.checked)} />
                )}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  取消
                </Button>
                <Button type="submit" loading={form.formState.isSubmitting}>
                  保存
                </Button>
              </Group>
            </Stack>
          </fieldset>
        </form>
      </Modal>
    </Stack>
  );
}
