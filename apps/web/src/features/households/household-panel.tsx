import { Badge, Button, Group, Modal, Paper, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { RELATIONSHIPS, ZMoveMemberInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, EmptyState, type ColumnDef } from '../../components/data-table';
import { SelectField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

type Household = NonNullable<RouterOutputs['persons']['get']['household']>;
type Member = Household['members'][number];

/** The person's household (户): members, head, start a household, move into another. */
export function HouseholdPanel({ personId, household, canEdit }: { personId: string; household: Household | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.persons.get.queryKey() });
  const create = useMutation(trpc.households.create.mutationOptions({ onSuccess: invalidate }));
  const setHead = useMutation(trpc.households.setHead.mutationOptions({ onSuccess: invalidate }));
  const [moving, setMoving] = useState(false);
  const columns: ColumnDef<Member, never>[] = [
    {
      id: 'name',
      header: '姓名',
      cell: ({ row: { original: m } }) => (m.id === personId ? <b>{m.name}</b> : <Link to={`/persons/${m.id}`}>{m.name}</Link>),
    },
    { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
    {
      id: 'relationship',
      header: '与户主关系',
      cell: ({ row: { original: m } }) => (m.isHead ? <Badge size="sm">户主</Badge> : (m.relationship ?? '—')),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: m } }) =>
        canEdit &&
        household &&
        !m.isHead && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setHead.mutateAsync({ householdId: household.id, personId: m.id }).catch((err) => applyServerError(err))}
          >
            设为户主
          </Button>
        ),
    },
  ];
  return (
    <>
      <Group justify="space-between">
        <Title order={4}>家庭成员</Title>
        {canEdit && (
          <Group gap="xs">
            {!household?.members.find((m) => m.id === personId)?.isHead && (
              <Button
                size="xs"
                variant="default"
                loading={create.isPending}
                onClick={() =>
                  create.mutateAsync({ personId }).then(
                    () => notifications.show({ color: 'green', message: '已新建家庭户，本人为户主' }),
                    (err) => applyServerError(err),
                  )
                }
              >
                单独立户
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => setMoving(true)}>
              迁入其他家庭户
            </Button>
          </Group>
        )}
      </Group>
      {!household ? (
        <Paper withBorder>
          <EmptyState>尚未登记家庭户</EmptyState>
        </Paper>
      ) : (
        <Paper withBorder>
          <Text size="sm" c="dimmed" px="md" pt="sm">
            户编号 {household.householdNo ?? '（未编号）'} · {household.address ?? '地址未登记'} · 共 {household.members.length} 人
          </Text>
          <DataTable
            columns={columns}
            rows={household.members}
            getRowId={(m) => m.id}
            empty="没有成员"
            withPaper={false}
            tableProps={{ striped: false }}
          />
        </Paper>
      )}
      <Modal opened={moving} onClose={() => setMoving(false)} title="迁入其他家庭户">
        {moving && (
          <MoveForm
            personId={personId}
            currentId={household?.id ?? null}
            onCancel={() => setMoving(false)}
            onDone={() => {
              setMoving(false);
              void invalidate();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function MoveForm({
  personId,
  currentId,
  onCancel,
  onDone,
}: {
  personId: string;
  currentId: string | null;
  onCancel: () => void;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const found = useQuery({ ...trpc.households.find.queryOptions({ q: debounced }), enabled: debounced.trim().length > 0 });
  const move = useMutation(trpc.households.moveMember.mutationOptions());
  const form = useZodForm(ZMoveMemberInput, { defaultValues: { personId } });
  return (
    <FormShell
      form={form}
      submitLabel="确认迁入"
      onCancel={onCancel}
      onSubmit={async (values) => {
        await move.mutateAsync(values);
        notifications.show({ color: 'green', message: '已迁入新的家庭户' });
        onDone();
      }}
    >
      <TextInput label="查找家庭户" placeholder="户编号或户主姓名" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <SelectField
        control={form.control}
        name="householdId"
        label="目标家庭户"
        withAsterisk
        placeholder={debounced ? '请选择' : '先输入户编号或户主姓名'}
        data={(found.data ?? [])
          .filter((h) => h.id !== currentId)
          .map((h) => ({ value: h.id, label: `${h.householdNo ?? '未编号'} · 户主 ${h.headName ?? '—'} · ${h.memberCount} 人` }))}
        nothingFoundMessage="没有匹配的家庭户"
      />
      <SelectField
        control={form.control}
        name="relationship"
        label="与户主关系"
        withAsterisk
        data={RELATIONSHIPS.map((r) => ({ value: r, label: r }))}
      />
    </FormShell>
  );
}
