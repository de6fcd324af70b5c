import { Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { HOSPITAL_LEVEL_LABELS } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { isApiError, useTRPC } from '../../lib/trpc';

type Tier = 'none' | 'city' | 'provincial';

/** Admins keep the designated referral destinations of their lists and the referral validity. */
export function ReferralAdminPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const data = useQuery(trpc.referrals.adminList.queryOptions());
  const setTier = useMutation(trpc.referrals.setTier.mutationOptions());
  const [q, setQ] = useState('');
  const [onlyDesignated, setOnlyDesignated] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.referrals.adminList.queryKey() });
  return (
    <Stack>
      <Title order={3}>转诊定点与有效期</Title>
      <QueryState query={data}>
        {() => {
          const d = data.data!;
          const rows = d.hospitals.filter((h) => (!q || h.name.includes(q) || h.code.includes(q)) && (!onlyDesignated || h.referralTier));
          return (
            <>
              <ValiditySettings units={d.orgUnits} settings={d.settings} defaultDays={d.defaultValidityDays} onSaved={invalidate} />
              <Paper withBorder>
                <Group p="sm" justify="space-between">
                  <Group>
                    <TextInput placeholder="按医院名称或编码查找" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
                    <SegmentedControl
                      value={onlyDesignated ? 'yes' : 'all'}
                      onChange={(v) => setOnlyDesignated(v === 'yes')}
                      data={[
                        { value: 'all', label: '全部医院' },
                        { value: 'yes', label: '仅转诊定点' },
                      ]}
                    />
                  </Group>
                  <Text size="sm" c="dimmed">
                    设为转诊定点的医院才能被选为“转往医院”
                  </Text>
                </Group>
                <Table striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>编码</Table.Th>
                      <Table.Th>医院名称</Table.Th>
                      <Table.Th>等级</Table.Th>
                      <Table.Th>所在地</Table.Th>
                      <Table.Th>所属名单</Table.Th>
                      <Table.Th>转诊定点</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <Text c="dimmed" ta="center" py="md">
                            没有符合条件的医院
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {rows.map((h) => (
                      <Table.Tr key={h.id} data-testid={`hospital-${h.code}`}>
                        <Table.Td ff="monospace">{h.code}</Table.Td>
                        <Table.Td>
                          {h.name} {!h.isActive && <Badge color="gray">停用</Badge>}
                        </Table.Td>
                        <Table.Td>{HOSPITAL_LEVEL_LABELS[h.level as 1 | 2 | 3] ?? h.level}</Table.Td>
                        <Table.Td>{h.regionName}</Table.Td>
                        <Table.Td>{h.ownerName}</Table.Td>
                        <Table.Td>
                          <SegmentedControl
                            size="xs"
                            disabled={!h.canEdit || setTier.isPending}
                            aria-label={`${h.name}转诊定点级别`}
                            value={(h.referralTier ?? 'none') as Tier}
                            onChange={async (v) => {
                              try {
                                await setTier.mutateAsync({
                                  hospitalId: h.id,
                                  referralTier: v === 'none' ? null : (v as 'city' | 'provincial'),
                                });
                                await invalidate();
                                notifications.show({ color: 'green', message: `已更新 ${h.name} 的转诊定点级别` });
                              } catch (err) {
                                applyServerError(err);
                              }
                            }}
                            data={[
                              { value: 'none', label: '否' },
                              { value: 'city', label: '市级' },
                              { value: 'provincial', label: '省级' },
                            ]}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function ValiditySettings({
  units,
  settings,
  defaultDays,
  onSaved,
}: {
  units: { id: string; name: string; code: string; level: string }[];
  settings: { orgUnitId: string; orgUnitName: string; validityDays: number }[];
  defaultDays: number;
  onSaved: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.referrals.setValidity.mutationOptions());
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(defaultDays);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>转诊有效期（地方参数）</Title>
        <Text size="sm" c="dimmed">
          自转诊证明开具之日起算的天数；未设置时为 {defaultDays} 天，下级机构可单独设置。修改只影响之后登记的转诊。
          {settings.length > 0 && ` 当前设置：${settings.map((s) => `${s.orgUnitName} ${s.validityDays} 天`).join('；')}。`}
        </Text>
        <Group align="flex-end">
          <Select
            label="机构"
            data={units.map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))}
            value={orgUnitId}
            onChange={setOrgUnitId}
            searchable
            w={260}
          />
          <NumberInput label="有效期（天）" value={days} onChange={setDays} min={1} max={365} w={140} error={error} allowDecimal={false} />
          <Button
            loading={save.isPending}
            disabled={!orgUnitId}
            onClick={async () => {
              setError(null);
              try {
                await save.mutateAsync({ orgUnitId: orgUnitId!, validityDays: Number(days) });
                await onSaved();
                notifications.show({ color: 'green', message: '转诊有效期已保存' });
              } catch (err) {
                if (isApiError(err)) setError(err.message.replace(/^输入有误：/, ''));
              }
            }}
          >
            保存
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
