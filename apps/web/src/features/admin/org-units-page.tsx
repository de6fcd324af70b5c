import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ORG_LEVEL_LABELS, PROFILES, ZCreateOrgUnitInput, type TCreateOrgUnitInput, type TOrgLevel, type TProfileId } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

export function OrgUnitsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const [parent, setParent] = useState<{ id: string; name: string } | null>(null);
  const create = useMutation(
    trpc.admin.createOrgUnit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.listOrgUnits.queryKey() }),
    }),
  );
  const form = useForm<TCreateOrgUnitInput>({
    resolver: zodResolver(ZCreateOrgUnitInput),
    defaultValues: { parentId: '', code: '', name: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      notifications.show({ color: 'green', message: `已新增机构 ${values.name}` });
      setParent(null);
    } catch (err) {
      applyServerError(err, form.setError, ['code', 'name', 'parentId']);
    }
  });
  return (
    <Stack>
      <Title order={3}>机构与区划</Title>
      <Text size="sm" c="dimmed">
        每个经办机构对应一个行政区划（GB/T 2260 代码）。用户只能查看和办理本机构及下级区划的业务。
      </Text>
      <QueryState query={units}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>机构（区划）</Table.Th>
                  <Table.Th>区划代码</Table.Th>
                  <Table.Th>层级</Table.Th>
                  <Table.Th>政策口径</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.data?.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td style={{ paddingLeft: 12 + u.depth * 20 }}>
                      {u.name}
                      {u.isDemo && (
                        <Badge ml={6} size="xs" variant="outline" color="gray">
                          演示
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{u.code}</Table.Td>
                    <Table.Td>{ORG_LEVEL_LABELS[u.level as TOrgLevel]}</Table.Td>
                    <Table.Td>{u.profile ? PROFILES[u.profile as TProfileId]?.label : '—'}</Table.Td>
                    <Table.Td>
                      {u.level !== 'township' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => {
                            form.reset({ parentId: u.id, code: '', name: '' });
                            setParent({ id: u.id, name: u.name });
                          }}
                        >
                          新增下级
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
      <Modal opened={parent !== null} onClose={() => setParent(null)} title={`在“${parent?.name ?? ''}”下新增机构`}>
        <form onSubmit={submit} noValidate>
          <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack>
              <TextInput
                label="区划代码"
                description="县级及以上 6 位，乡镇（街道）9 位"
                withAsterisk
                {...form.register('code')}
                error={form.formState.errors.code?.message}
              />
              <TextInput label="机构名称" withAsterisk {...form.register('name')} error={form.formState.errors.name?.message} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setParent(null)}>
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
