import { Badge, Button, Checkbox, Group, Modal, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS, ZNewPassword, type TRole } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { PasswordField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';
import { useZodForm } from '../../lib/use-zod-form';
import { UserForm } from './user-form';

type User = RouterOutputs['admin']['listUsers']['items'][number];
type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

const PAGE_SIZE = 20;

export function UsersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [f, setFilters] = useUrlFilters({ q: '', locked: false, page: 1 });
  const [q, setQ] = useState(f.q);
  const setQuery = useDebouncedCallback((text: string) => setFilters({ q: text }, { replace: true }), 300);
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useQuery({
    ...trpc.admin.listUsers.queryOptions({ q: f.q || undefined, locked: f.locked || undefined, page: f.page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.listUsers.queryKey() });
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.admin.updateUser.mutationOptions({ onSuccess: invalidate }));
  const columns: ColumnDef<User, never>[] = [
    { id: 'username', header: '用户名', accessorKey: 'username', meta: { mono: true } },
    { id: 'displayName', header: '姓名', accessorKey: 'displayName' },
    { id: 'role', header: '角色', cell: ({ row }) => ROLE_LABELS[row.original.role as TRole] },
    { id: 'orgUnit', header: '所属机构', accessorKey: 'orgUnitName' },
    {
      id: 'status',
      header: '状态',
      cell: ({ row: { original: u } }) =>
        !u.isActive ? (
          <Badge color="gray">已停用</Badge>
        ) : u.isLocked ? (
          <Badge color="orange">已锁定</Badge>
        ) : (
          <Badge color="green">正常</Badge>
        ),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: u } }) => (
        <Group gap={4} justify="flex-end">
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ mode: 'edit', user: u })}>
            编辑
          </Button>
          <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setResetting(u)}>
            重置密码
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>用户管理</Title>
        <Button onClick={() => setEditing({ mode: 'create' })}>新增用户</Button>
      </Group>
      <TextInput
        placeholder="按用户名或姓名查找"
        aria-label="按用户名或姓名查找"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setQuery(e.currentTarget.value);
        }}
        maw={320}
      />
      <Checkbox label="只看已锁定的账号" checked={f.locked} onChange={(e) => setFilters({ locked: e.currentTarget.checked })} />
      <DataTable
        columns={columns}
        rows={users.data?.items}
        getRowId={(u) => u.id}
        query={users}
        empty="没有符合条件的用户"
        unit="个用户"
        paging={{
          mode: 'pages',
          page: f.page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          onPageChange: (page) => setFilters({ page }),
        }}
      />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.mode === 'edit' ? '编辑用户' : '新增用户'}>
        {editing && (
          <UserForm
            mode={editing.mode}
            initial={
              editing.mode === 'edit'
                ? {
                    username: editing.user.username,
                    displayName: editing.user.displayName,
                    role: editing.user.role as TRole,
                    orgUnitId: editing.user.orgUnitId,
                    phone: editing.user.phone ?? '',
                    isActive: editing.user.isActive,
                    canExportFull: editing.user.canExportFull,
                  }
                : undefined
            }
            onCancel={() => setEditing(null)}
            onSubmit={async ({ username, password, isActive, ...data }) => {
              if (editing.mode === 'create') {
                await create.mutateAsync({ ...data, username, password });
                notifications.show({ color: 'green', message: `已创建用户 ${username}` });
              } else {
                await update.mutateAsync({ id: editing.user.id, data: { ...data, isActive } });
                notifications.show({ color: 'green', message: '用户信息已保存' });
              }
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title={`重置密码：${resetting?.username ?? ''}`}>
        {resetting && <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} />}
      </Modal>
    </Stack>
  );
}

const ZResetForm = z.object({ password: ZNewPassword });

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.admin.resetPassword.mutationOptions());
  const form = useZodForm(ZResetForm, { defaultValues: { password: '' } });
  return (
    <FormShell
      form={form}
      submitLabel="确认重置"
      onCancel={onDone}
      onSubmit={async ({ password }) => {
        await reset.mutateAsync({ id: user.id, password });
        notifications.show({ color: 'green', message: '密码已重置，账户已解锁' });
        onDone();
      }}
    >
      <PasswordField control={form.control} name="password" label="新密码" description="至少 8 位，须同时包含字母和数字" withAsterisk />
    </FormShell>
  );
}
