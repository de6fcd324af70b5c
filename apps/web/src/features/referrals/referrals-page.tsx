import { Button, Group, Paper, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { OFFSITE_TYPE_LABELS, REFERRAL_TIER_LABELS } from '@portal/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { OverridesPanel } from './overrides-panel';
import { ReasonModal } from './reason-modal';
import { ReferralReports } from './referral-reports';
import { OffsiteStatusBadge, ReferralStatusBadge } from './shared';
import { PagedFooter } from '../../components/data-table';

const PAGE_SIZE = 20;
const TABS = ['referrals', 'offsite', 'overrides', 'reports'] as const;

export function ReferralsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'referrals';
  return (
    <Stack>
      <Title order={3}>转诊转院备案</Title>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'referrals' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="referrals">转诊转院备案</Tabs.Tab>
          <Tabs.Tab value="offsite">异地就医备案</Tabs.Tab>
          <Tabs.Tab value="overrides">视同转诊认定</Tabs.Tab>
          <Tabs.Tab value="reports">统计报表</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="referrals" pt="md">
          <ReferralList />
        </Tabs.Panel>
        <Tabs.Panel value="offsite" pt="md">
          <OffsiteList />
        </Tabs.Panel>
        <Tabs.Panel value="overrides" pt="md">
          <OverridesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          <ReferralReports />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function useCanWrite() {
  const me = useMe();
  return me.data?.role === 'clerk' || me.data?.role === 'reviewer';
}

function Empty({ cols, text }: { cols: number; text: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>
        <Text c="dimmed" ta="center" py="md">
          {text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function ReferralList() {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const list = useQuery({
    ...trpc.referrals.list.queryOptions({ q: debouncedQ || undefined, status: (status ?? undefined) as never, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label="姓名、身份证号后几位或转诊编号"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={280}
          />
          <Select
            label="状态"
            placeholder="全部"
            clearable
            data={[
              { value: 'submitted', label: '待备案' },
              { value: 'registered', label: '已备案' },
              { value: 'expired', label: '已过期' },
              { value: 'rejected', label: '不予备案' },
              { value: 'cancelled', label: '已撤销' },
            ]}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            w={160}
          />
        </Group>
        {canWrite && (
          <Button component={Link} to="/referrals/new">
            登记转诊
          </Button>
        )}
      </Group>
      <QueryState query={list}>
        {() => (
          <Paper withBorder>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>转诊编号</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>所属区划</Table.Th>
                  <Table.Th>出具医院</Table.Th>
                  <Table.Th>转往医院</Table.Th>
                  <Table.Th>有效期</Table.Th>
                  <Table.Th>状态</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && <Empty cols={9} text="没有符合条件的转诊备案" />}
                {list.data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td ff="monospace">{r.referralNo ?? '—'}</Table.Td>
                    <Table.Td>{r.personName}</Table.Td>
                    <Table.Td ff="monospace">{r.idNumberMasked}</Table.Td>
                    <Table.Td>{r.countyName}</Table.Td>
                    <Table.Td>{r.issuingHospitalName}</Table.Td>
                    <Table.Td>
                      {r.destinationHospitalName}
                      <Text size="xs" c="dimmed">
                        {REFERRAL_TIER_LABELS[r.destinationTier]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {r.issueDate} 至 {r.validUntil}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ReferralStatusBadge status={r.effectiveStatus} />
                    </Table.Td>
                    <Table.Td>
                      <Button component={Link} to={`/referrals/${r.id}`} size="compact-xs" variant="subtle">
                        查看
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <PagedFooter total={list.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onChange={setPage} unit="条" />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}

function OffsiteList() {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const list = useQuery({
    ...trpc.referrals.listOffsite.queryOptions({ q: debouncedQ || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label="姓名、身份证号后几位或备案编号"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        {canWrite && (
          <Button component={Link} to="/referrals/offsite/new">
            登记异地就医备案
          </Button>
        )}
      </Group>
      <QueryState query={list}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>备案编号</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>类型</Table.Th>
                  <Table.Th>就医地</Table.Th>
                  <Table.Th>期间</Table.Th>
                  <Table.Th>证明材料</Table.Th>
                  <Table.Th>状态</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && <Empty cols={9} text="没有异地就医备案" />}
                {list.data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td ff="monospace">{r.registrationNo}</Table.Td>
                    <Table.Td>{r.personName}</Table.Td>
                    <Table.Td ff="monospace">{r.idNumberMasked}</Table.Td>
                    <Table.Td>{OFFSITE_TYPE_LABELS[r.type]}</Table.Td>
                    <Table.Td>{r.destination}</Table.Td>
                    <Table.Td>
                      {r.startDate} 至 {r.endDate}
                    </Table.Td>
                    <Table.Td>
                      {r.documentType}
                      <Text size="xs" c="dimmed">
                        {r.documentNo}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <OffsiteStatusBadge status={r.effectiveStatus} />
                    </Table.Td>
                    <Table.Td>{canWrite && r.status === 'registered' && <CancelOffsiteButton id={r.id} no={r.registrationNo} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <PagedFooter total={list.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onChange={setPage} unit="条" />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}

function CancelOffsiteButton({ id, no }: { id: string; no: string }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpen(true)}>
        撤销
      </Button>
      <ReasonModal
        opened={open}
        onClose={() => setOpen(false)}
        title={`撤销异地就医备案 ${no}`}
        label="撤销原因"
        confirm="确认撤销"
        mutation={trpc.referrals.cancelOffsite.mutationOptions()}
        id={id}
        invalidate={trpc.referrals.pathKey()}
      />
    </>
  );
}
