import { Badge, Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CATEGORY_LABELS, formatYuan, TIER_LABELS, VISIT_TYPE_LABELS, type TCategoryId } from '@portal/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

const PAGE_SIZE = 20;

export function ClaimListPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [hospitalId, setHospitalId] = useState<string | null>(null);
  const [tier, setTier] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({ includeInactive: true }));
  const list = useQuery({
    ...trpc.claims.list.queryOptions({
      orgUnitId: orgUnitId ?? undefined,
      hospitalId: hospitalId ?? undefined,
      tier: (tier ?? undefined) as never,
      from: from || undefined,
      to: to || undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const reset = () => setPage(1);
  const t = list.data?.totals;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>一站式结算</Title>
        {(me?.role === 'clerk' || me?.role === 'reviewer') && (
          <Button component={Link} to="/claims/new">
            新增结算
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <Select
            label="区划"
            placeholder="全部"
            clearable
            searchable
            w={200}
            data={(units.data ?? []).filter((u) => u.level !== 'system').map((u) => ({ value: u.id, label: u.name }))}
            value={orgUnitId}
            onChange={(v) => {
              setOrgUnitId(v);
              reset();
            }}
          />
          <Select
            label="医院"
            placeholder="全部"
            clearable
            searchable
            w={220}
            data={(hospitals.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
            value={hospitalId}
            onChange={(v) => {
              setHospitalId(v);
              reset();
            }}
          />
          <TextInput
            type="date"
            label="出院日期起"
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              reset();
            }}
          />
          <TextInput
            type="date"
            label="至"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              reset();
            }}
          />
          <Select
            label="有支付的项目"
            placeholder="全部"
            clearable
            w={180}
            data={Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label }))}
            value={tier}
            onChange={(v) => {
              setTier(v);
              reset();
            }}
          />
        </Group>
      </Paper>
      <QueryState query={list}>
        {() => (
          <Paper withBorder style={{ overflowX: 'auto' }}>
            <Table striped highlightOnHover verticalSpacing="xs" miw={1100}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>结算单号</Table.Th>
                  <Table.Th>参保人</Table.Th>
                  <Table.Th>医院</Table.Th>
                  <Table.Th>类型</Table.Th>
                  <Table.Th>出院日期</Table.Th>
                  <Table.Th>适用身份</Table.Th>
                  <Table.Th className="num">总费用</Table.Th>
                  <Table.Th className="num">基本医保</Table.Th>
                  <Table.Th className="num">大病保险</Table.Th>
                  <Table.Th className="num">医疗救助</Table.Th>
                  <Table.Th className="num">其他</Table.Th>
                  <Table.Th className="num">个人自付</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={12}>
                      <Text c="dimmed" ta="center" py="md">
                        没有符合条件的结算单
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Link to={`/claims/${c.id}`}>{c.claimNo}</Link>
                      {c.kind === 'reversal' && (
                        <Badge ml={4} size="xs" color="red">
                          冲销
                        </Badge>
                      )}
                      {c.status === 'reversed' && (
                        <Badge ml={4} size="xs" color="gray">
                          已冲销
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.personName}
                      <Text size="xs" c="dimmed">
                        {c.idNumberMasked}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.hospitalName}</Table.Td>
                    <Table.Td>{VISIT_TYPE_LABELS[c.visitType]}</Table.Td>
                    <Table.Td>{c.dischargeDate}</Table.Td>
                    <Table.Td>{CATEGORY_LABELS[c.appliedCategory as TCategoryId] ?? c.appliedCategory}</Table.Td>
                    <Table.Td className="num">{formatYuan(c.totalCost)}</Table.Td>
                    <Table.Td className="num">{formatYuan(c.basic)}</Table.Td>
                    <Table.Td className="num">{formatYuan(c.critical)}</Table.Td>
                    <Table.Td className="num">{formatYuan(c.assistance)}</Table.Td>
                    <Table.Td className="num">{formatYuan(c.tilted + c.hospitalReduction)}</Table.Td>
                    <Table.Td className="num">{formatYuan(c.patientPays)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {t && (
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td colSpan={6}>合计（{list.data?.total ?? 0} 笔，冲销单以负数计）</Table.Td>
                    <Table.Td className="num">{formatYuan(t.totalCost)}</Table.Td>
                    <Table.Td className="num">{formatYuan(t.basic)}</Table.Td>
                    <Table.Td className="num">{formatYuan(t.critical)}</Table.Td>
                    <Table.Td className="num">{formatYuan(t.assistance)}</Table.Td>
                    <Table.Td className="num">{formatYuan(t.tilted + t.hospitalReduction)}</Table.Td>
                    <Table.Td className="num">{formatYuan(t.patientPays)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
            <Group justify="flex-end" p="sm">
              <Pagination total={Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE))} value={page} onChange={setPage} size="sm" />
            </Group>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
