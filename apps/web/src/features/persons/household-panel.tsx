import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { RELATIONSHIPS } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

interface Household {
  id: string;
  householdNo: string | null;
  address: string | null;
  members: { id: string; name: string; idNumberMasked: string; relationship: string | null; isHead: boolean }[];
}

/** The person's household (户): members, head, start a household, move into another. */
export function HouseholdPanel({ personId, household, canEdit }: { personId: string; household: Household | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.persons.get.queryKey() });
  const create = useMutation(trpc.households.create.mutationOptions({ onSuccess: invalidate }));
  const setHead = useMutation(trpc.households.setHead.mutationOptions({ onSuccess: invalidate }));
  const [moving, setMoving] = useState(false);
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
      <Paper withBorder>
        {!household ? (
          <Text c="dimmed" size="sm" p="md">
            尚未登记家庭户
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" px="md" pt="sm">
              户编号 {household.householdNo ?? '（未编号）'} · {household.address ?? '地址未登记'} · 共 {household.members.length} 人
            </Text>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>与户主关系</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {household.members.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.id === personId ? <b>{m.name}</b> : <Link to={`/persons/${m.id}`}>{m.name}</Link>}</Table.Td>
                    <Table.Td ff="monospace">{m.idNumberMasked}</Table.Td>
                    <Table.Td>{m.isHead ? <Badge size="sm">户主</Badge> : (m.relationship ?? '—')}</Table.Td>
                    <Table.Td>
                      {canEdit && !m.isHead && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() =>
                            setHead.mutateAsync({ householdId: household.id, personId: m.id }).catch((err) => applyServerError(err))
                          }
                        >
                          设为户主
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Paper>
      <Modal opened={moving} onClose={() => setMoving(false)} title="迁入其他家庭户">
        <MoveForm
          personId={personId}
          currentId={household?.id ?? null}
          onDone={() => {
            setMoving(false);
            void invalidate();
          }}
        />
      </Modal>
    </>
  );
}

function MoveForm({ personId, currentId, onDone }: { personId: string; currentId: string | null; onDone: () => void }) {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [target, setTarget] = useState<string | null>(null);
  const [relationship, setRelationship] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = useQuery({ ...trpc.households.find.queryOptions({ q: debounced }), enabled: debounced.trim().length > 0 });
  const move = useMutation(trpc.households.moveMember.mutationOptions());
  return (
    <Stack>
      <TextInput label="查找家庭户" placeholder="户编号或户主姓名" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Select
        label="目标家庭户"
        placeholder={debounced ? '请选择' : '先输入户编号或户主姓名'}
        data={(found.data ?? [])
          .filter((h) => h.id !== currentId)
          .map((h) => ({ value: h.id, label: `${h.householdNo ?? '未编号'} · 户主 ${h.headName ?? '—'} · ${h.memberCount} 人` }))}
        value={target}
        onChange={setTarget}
        nothingFoundMessage="没有匹配的家庭户"
      />
      <Select
        label="与户主关系"
        data={RELATIONSHIPS.map((r) => ({ value: r, label: r }))}
        value={relationship}
        onChange={setRelationship}
      />
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          取消
        </Button>
        <Button
          loading={move.isPending}
          onClick={async () => {
            if (!target || !relationship) return setError('请选择目标家庭户和与户主关系');
            try {
              await move.mutateAsync({ personId, householdId: target, relationship: relationship as never });
              notifications.show({ color: 'green', message: '已迁入新的家庭户' });
              onDone();
            } catch (err) {
              if (!applyServerError(err)) setError(null);
            }
          }}
        >
          确认迁入
        </Button>
      </Group>
    </Stack>
  );
}
