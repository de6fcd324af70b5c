import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { formatYuan } from '@portal/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { ClockBadge, DueText } from './clock-badge';

const FILTERS = [
  { value: 'open', label: '办理中' },
  { value: 'awaiting_documents', label: '待补材料' },
  { value: 'payment', label: '待支付' },
  { value: 'paid', label: '已支付' },
  { value: 'all', label: '全部' },
];

/** The clerk's work queue: fewest working days left first; amber ≤ 5 days, red overdue. */
export function ReimbursementListPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const me = useMe().data;
  const [status, setStatus] = useState('open');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const list = useQuery({
    ...trpc.reimbursements.list.queryOptions({ status: status as never, q: debounced || undefined }),
    placeholderData: keepPreviousData,
  });
  const staff = me?.role === 'clerk' || me?.role === 'reviewer';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>零星报销</Title>
        <Group>
          <Button variant="default" component={Link} to="/reimbursements/board">
            办结时限看板
          </Button>
          <Button variant="default" component={Link} to="/reimbursements/advances">
            医院垫付资金结算
          </Button>
          {staff && (
            <Button component={Link} to="/reimbursements/new">
              受理报销
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        材料齐全之日起 25 个工作日内办结支付（000 §二(五)3）；特殊病案、疑问病案暂停计时。剩余 5 个工作日及以内标橙色，超期标红色。
      </Text>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <SegmentedControl data={FILTERS} value={status} onChange={setStatus} />
          <TextInput
            placeholder="姓名、案件号或身份证号后几位"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={260}
            aria-label="查找案件"
          />
        </Group>
      </Paper>
      <QueryState query={list}>
        {() => (
          <Paper withBorder style={{ overflowX: 'auto' }}>
            <Table striped highlightOnHover verticalSpacing="xs" miw={1000}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>案件号</Table.Th>
                  <Table.Th>参保人</Table.Th>
                  <Table.Th>就诊医院</Table.Th>
                  <Table.Th>类型</Table.Th>
                  <Table.Th>状态</Table.Th>
                  <Table.Th>受理日期</Table.Th>
                  <Table.Th>应办结日期</Table.Th>
                  <Table.Th>已用 / 剩余工作日</Table.Th>
                  <Table.Th className="num">应付（元）</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={9}>
                      <Text c="dimmed" ta="center" py="md">
                        没有符合条件的报销案件
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.items.map((i) => (
                  <Table.Tr
                    key={i.id}
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate(`/reimbursements/${i.id}`)}
                    data-testid="case-row"
                  >
                    <Table.Td>
                      <Link to={`/reimbursements/${i.id}`} onClick={(e) => e.stopPropagation()}>
                        {i.caseNo}
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      {i.personName}
                      <Text size="xs" c="dimmed">
                        {i.idNumberMasked}
                      </Text>
                    </Table.Td>
                    <Table.Td>{i.hospitalName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.kind === 'non_networked' ? '非联网' : '州外联网'}</Text>
                    </Table.Td>
                    <Table.Td>{i.statusLabel}</Table.Td>
                    <Table.Td>{i.receivedOn}</Table.Td>
                    <Table.Td>
                      <DueText clock={i.clock} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {i.clock.started && !i.clock.error && (
                          <Text size="sm">
                            {i.clock.used} / {i.clock.left}
                          </Text>
                        )}
                        <ClockBadge clock={i.clock} status={i.status} />
                      </Group>
                    </Table.Td>
                    <Table.Td className="num">{i.payable === null ? '—' : formatYuan(i.payable)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
