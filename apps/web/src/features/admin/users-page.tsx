import { Badge, Button, Group, Modal, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS, ZNewPassword, type TRole } from '@portal/rules';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { UserForm } from './user-form';
import { PagedFooter } from '../../components/data-table';

type Editing =
  | { mode: 'create' }
  | {
      mode: 'edit';
      user: { id: string; username: string; displayName: string; role: TRole; orgUnitId: string; phone: string | null; isActive: boolean };
    }
  | null;

export function UsersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<{ id: string; username: string } | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const [resetError, setResetError] = useState<string | null>(null);
  const users = useQuery({
    ...trpc.admin.listUsers.queryOptions({ q: q || undefined, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.listUsers.queryKey() });
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.admin.updateUser.mutationOptions({ onSuccess: invalidate }));
  const reset = useMutation(trpc.admin.resetPassword.mutationOptions());
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}（${u.code}）` }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>用户管理</Title>
        <Button onClick={() => setEditing({ mode: 'create' })}>新增用户</Button>
      </Group>
      <TextInput
        placeholder="按用户名或姓名查找"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={320}
      />
      <QueryState query={users}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>用户名</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>角色</Table.Th>
                  <Table.Th>所属机构</Table.Th>
                  <Table.Th>状态</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        没有符合条件的用户
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {users.data?.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td ff="monospace">{u.username}</Table.Td>
                    <Table.Td>{u.displayName}</Table.Td>
                    <Table.Td>{ROLE_LABELS[u.role as TRole]}</Table.Td>
                    <Table.Td>{u.orgUnitName}</Table.Td>
                    <Table.Td>
                      {!u.isActive ? (
                        <Badge color="gray">已停用</Badge>
                      ) : u.isLocked ? (
                        <Badge color="orange">已锁定</Badge>
                      ) : (
                        <Badge color="green">正常</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing({ mode: 'edit', user: { ...u, role: u.role as TRole } })}
                        >
                          编辑
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="orange"
                          onClick={() => {
                            setResetting(u);
                            setNewPassword('');
                            setResetError(null);
                          }}
                        >
                          重置密码
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <PagedFooter total={users.data?.total ?? 0} page={page} pageSize={20} onChange={setPage} unit="个用户" />
          </Paper>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.mode === 'edit' ? '编辑用户' : '新增用户'}>
        {editing && (
          <UserForm
            mode={editing.mode}
            initial={editing.mode === 'edit' ? { ...editing.user, phone: editing.user.phone ?? '' } : undefined}
            orgUnitOptions={unitOptions}
            onCancel={() => setEditing(null)}
            onSubmit={async (values: Record<string, unknown>) => {
              if (editing.mode === 'create') {
                await create.mutateAsync(values as never);
                notifications.show({ color: 'green', message: `已创建用户 ${String(values.username)}` });
              } else {
                const { username: _u, ...data } = values;
                await update.mutateAsync({ id: editing.user.id, data } as never);
                notifications.show({ color: 'green', message: '用户信息已保存' });
              }
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title={`重置密码：${resetting?.username ?? ''}`}>
        <Stack>
          <PasswordInput
            label="新密码"
            description="至少 8 位，须同时包含字母和数字"
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={resetError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResetting(null)}>
              取消
            </Button>
            <Button
              loading={reset.isPending}
              onClick={async () => {
                const parsed = ZNewPassword.safeParse(newPassword);
                if (!parsed.success) return setResetError(parsed.error.issues[0]?.message ?? '密码不符合要求');
                try {
                  await reset.mutateAsync({ id: resetting!.id, password: newPassword });
                  notifications.show({ color: 'green', message: '密码已重置，账户已解锁' });
                  setResetting(null);
                } catch (err) {
                  applyServerError(err);
                }
              }}
            >
              确认重置
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
