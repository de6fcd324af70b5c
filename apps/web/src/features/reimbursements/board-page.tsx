import { Anchor, Badge, Breadcrumbs, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

const rate = (r: number | null) => (r === null ? '—' : `${r.toFixed(1)}%`);

/** Supervisor board: per county, cases received in a month and how they stand against 25 days. */
export function ReimbursementBoardPage() {
  const trpc = useTRPC();
  const today = useQuery(trpc.system.info.queryOptions()).data?.today;
  const [month, setMonth] = useState('');
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  useEffect(() => {
    if (!month && today) setMonth(today.slice(0, 7));
  }, [today, month]);
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const valid = /^\d{4}-\d{2}$/.test(month);
  const board = useQuery({
    ...trpc.reimbursements.board.queryOptions({ month, orgUnitId: orgUnitId ?? undefined }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const b = board.data;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/reimbursements">
          零星报销
        </Anchor>
        <Text>办结时限看板</Text>
      </Breadcrumbs>
      <Title order={3}>零星报销办结时限看板</Title>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            type="month"
            label="受理月份"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            error={month && !valid ? '请选择月份' : undefined}
          />
          <Select
            label="区划"
            placeholder="全部"
            clearable
            searchable
            w={220}
            data={(units.data ?? [])
              .filter((u) => u.level === 'city' || u.level === 'county' || u.level === 'province')
              .map((u) => ({ value: u.id, label: u.name }))}
            value={orgUnitId}
            onChange={setOrgUnitId}
          />
          {b && (
            <Text size="sm" c="dimmed">
              统计至 {b.today}。按时办结率 = 按时支付 ÷（已支付 + 未支付已超期）。
            </Text>
          )}
        </Group>
      </Paper>
      {valid && (
        <QueryState query={board}>
          {() =>
            b && (
              <>
                <Paper withBorder style={{ overflowX: 'auto' }}>
                  <Table striped verticalSpacing="xs" miw={820} data-testid="board-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>县（市、区）</Table.Th>
                        <Table.Th className="num">受理</Table.Th>
                        <Table.Th className="num">按时支付</Table.Th>
                        <Table.Th className="num">超期支付</Table.Th>
                        <Table.Th className="num">办理中</Table.Th>
                        <Table.Th className="num">其中待补材料</Table.Th>
                        <Table.Th className="num">已超期未付</Table.Th>
                        <Table.Th className="num">按时办结率</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {b.counties.map((r) => (
                        <Table.Tr key={r.orgUnitId} data-testid={`board-row-${r.code}`}>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td className="num">{r.received}</Table.Td>
                          <Table.Td className="num">{r.paidOnTime}</Table.Td>
                          <Table.Td className="num">{r.paidLate}</Table.Td>
                          <Table.Td className="num">{r.open}</Table.Td>
                          <Table.Td className="num">{r.awaitingDocuments}</Table.Td>
                          <Table.Td className="num">{r.overdue > 0 ? <Badge color="red">{r.overdue}</Badge> : 0}</Table.Td>
                          <Table.Td className="num">{rate(r.onTimeRate)}</Table.Td>
                        </Table.Tr>
                      ))}
                      <Table.Tr fw={700}>
                        <Table.Td>合计</Table.Td>
                        <Table.Td className="num">{b.total.received}</Table.Td>
                        <Table.Td className="num">{b.total.paidOnTime}</Table.Td>
                        <Table.Td className="num">{b.total.paidLate}</Table.Td>
                        <Table.Td className="num">{b.total.open}</Table.Td>
                        <Table.Td className="num">{b.total.awaitingDocuments}</Table.Td>
                        <Table.Td className="num">{b.total.overdue}</Table.Td>
                        <Table.Td className="num">{rate(b.total.onTimeRate)}</Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Paper>
                <Paper withBorder p="md">
                  <Text fw={600} mb="xs">
                    超期案件
                  </Text>
                  {b.overdueCases.length === 0 ? (
                    <Text size="sm" c="dimmed" data-testid="no-overdue">
                      本月受理的案件没有超期。
                    </Text>
                  ) : (
                    <Table verticalSpacing={4}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>案件号</Table.Th>
                          <Table.Th>县（市、区）</Table.Th>
                          <Table.Th>参保人</Table.Th>
                          <Table.Th>状态</Table.Th>
                          <Table.Th>受理日期</Table.Th>
                          <Table.Th>应办结日期</Table.Th>
                          <Table.Th className="num">超期工作日</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {b.overdueCases.map((o) => (
                          <Table.Tr key={o.id}>
                            <Table.Td>
                              <Anchor component={Link} to={`/reimbursements/${o.id}`}>
                                {o.caseNo}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>{o.countyName}</Table.Td>
                            <Table.Td>
                              {o.personName}{' '}
                              <Text span size="xs" c="dimmed">
                                {o.idNumberMasked}
                              </Text>
                            </Table.Td>
                            <Table.Td>{o.paidOn ? `已支付（${o.paidOn}）` : o.statusLabel}</Table.Td>
                            <Table.Td>{o.receivedOn}</Table.Td>
                            <Table.Td>{o.due}</Table.Td>
                            <Table.Td className="num">
                              <Badge color="red">{o.overdueWorkingDays}</Badge>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Paper>
              </>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}
