import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatYuan, REFERRAL_TIER_LABELS } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from './shared';

const LOCATION_LABELS = { in_county: '县域内', in_city: '市内县外', in_province: '省内市外', out_of_province: '省外' } as const;

export function ReferralReports() {
  const today = useServerToday();
  const thisYear = today ? Number(today.slice(0, 4)) : null;
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? thisYear;
  if (!shown) return null;
  return (
    <Stack>
      <Select
        label="年度"
        data={Array.from({ length: 6 }, (_, i) => String(thisYear! - i))}
        value={String(shown)}
        onChange={(v) => v && setYear(Number(v))}
        allowDeselect={false}
        w={120}
      />
      <ExpiringSoon />
      <ByMonth year={shown} />
      <Unreferred year={shown} />
    </Stack>
  );
}

function Section({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

function ExpiringSoon() {
  const trpc = useTRPC();
  const q = useQuery(trpc.referrals.reportExpiring.queryOptions());
  return (
    <Section
      title="7 天内到期的备案"
      extra={
        q.data && (
          <Text size="sm" c="dimmed">
            {q.data.today} 至 {q.data.until}
          </Text>
        )
      }
    >
      <QueryState query={q}>
        {() =>
          q.data!.items.length === 0 ? (
            <Text c="dimmed" ta="center" py="sm">
              7 天内没有到期的备案
            </Text>
          ) : (
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>类别</Table.Th>
                  <Table.Th>编号</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>所属区划</Table.Th>
                  <Table.Th>转往医院 / 就医地</Table.Th>
                  <Table.Th>最后有效日</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data!.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      {i.kind === 'referral' ? (
                        <Badge variant="light">转诊</Badge>
                      ) : (
                        <Badge variant="light" color="grape">
                          异地
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{i.number}</Table.Td>
                    <Table.Td>{i.personName}</Table.Td>
                    <Table.Td ff="monospace">{i.idNumberMasked}</Table.Td>
                    <Table.Td>{i.countyName}</Table.Td>
                    <Table.Td>{i.target}</Table.Td>
                    <Table.Td>{i.lastDay}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}

function ByMonth({ year }: { year: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.referrals.reportByMonth.queryOptions({ year }));
  return (
    <Section title={`${year} 年转诊备案（按月份、转往医院、区县）`} extra={q.data && <Text size="sm">合计 {q.data.total} 人次</Text>}>
      <QueryState query={q}>
        {() => {
          const rows = q.data!.rows;
          if (!rows.length)
            return (
              <Text c="dimmed" ta="center" py="sm">
                本年度尚无已备案的转诊
              </Text>
            );
          const byMonth = new Map<string, number>();
          for (const r of rows) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + Number(r.count));
          return (
            <Stack>
              <SimpleGrid cols={{ base: 3, sm: 6 }}>
                {[...byMonth].map(([m, n]) => (
                  <Paper key={m} withBorder p="xs">
                    <Text size="xs" c="dimmed">
                      {m}
                    </Text>
                    <Text fw={700}>{n} 人次</Text>
                  </Paper>
                ))}
              </SimpleGrid>
              <Table striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>月份</Table.Th>
                    <Table.Th>区县</Table.Th>
                    <Table.Th>转往医院</Table.Th>
                    <Table.Th>定点级别</Table.Th>
                    <Table.Th ta="right">人次</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.month}-${r.countyName}-${r.destinationName}`}>
                      <Table.Td>{r.month}</Table.Td>
                      <Table.Td>{r.countyName}</Table.Td>
                      <Table.Td>{r.destinationName}</Table.Td>
                      <Table.Td>{REFERRAL_TIER_LABELS[r.tier]}</Table.Td>
                      <Table.Td ta="right">{r.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}

function Unreferred({ year }: { year: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.referrals.reportUnreferred.queryOptions({ year }));
  return (
    <Section title="县域外住院未转诊名单（未享受转诊优惠，需跟进）">
      <QueryState query={q}>
        {() =>
          q.data!.length === 0 ? (
            <Text c="dimmed" ta="center" py="sm">
              本年度没有未转诊的县域外住院
            </Text>
          ) : (
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>结算单号</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>区县</Table.Th>
                  <Table.Th>就诊医院</Table.Th>
                  <Table.Th>就医地</Table.Th>
                  <Table.Th>入院日期</Table.Th>
                  <Table.Th>诊断</Table.Th>
                  <Table.Th ta="right">个人负担</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data!.map((r) => (
                  <Table.Tr key={r.claimId}>
                    <Table.Td ff="monospace">{r.claimNo}</Table.Td>
                    <Table.Td>{r.personName}</Table.Td>
                    <Table.Td ff="monospace">{r.idNumberMasked}</Table.Td>
                    <Table.Td>{r.countyName}</Table.Td>
                    <Table.Td>{r.hospitalName}</Table.Td>
                    <Table.Td>{LOCATION_LABELS[r.location]}</Table.Td>
                    <Table.Td>{r.admissionDate}</Table.Td>
                    <Table.Td>{r.diagnosis}</Table.Td>
                    <Table.Td ta="right">{formatYuan(r.patientPays)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}
