import { Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatYuan, VISIT_TYPE_LABELS } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTRPC } from '../../lib/trpc';

function CapBar({ label, used, cap, capNote = '元（不设封顶）' }: { label: string; used: number; cap: number | null; capNote?: string }) {
  const pct = cap ? Math.min(100, (used / cap) * 100) : 0;
  return (
    <div>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" className="num">
          {formatYuan(used)} {cap ? `/ ${formatYuan(cap)} 元` : capNote}
        </Text>
      </Group>
      {cap ? <Progress value={pct} color={pct >= 90 ? 'red' : 'blue'} size="sm" mt={4} /> : null}
    </div>
  );
}

/** A person's settlements of a year and what they used of each fund's annual cap. */
export function PersonClaimsPanel({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const today = useQuery(trpc.system.info.queryOptions()).data?.today;
  const thisYear = Number((today ?? '2026').slice(0, 4));
  const [year, setYear] = useState<string | null>(null);
  const all = useQuery(trpc.claims.list.queryOptions({ personId, pageSize: 200 }));
  const years = [...new Set((all.data?.items ?? []).map((c) => c.dischargeDate.slice(0, 4)))].sort().reverse();
  const shownYear = year ?? years[0] ?? String(thisYear);
  const ctx = useQuery(trpc.claims.context.queryOptions({ personId, date: `${shownYear}-12-31` }));
  const claims = (all.data?.items ?? []).filter((c) => c.dischargeDate.startsWith(shownYear));
  const ytd = ctx.data?.ytd;
  const params = ctx.data?.params;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>医疗费用结算</Title>
        <Select
          w={120}
          data={[...new Set([...years, String(thisYear)])].sort().reverse()}
          value={shownYear}
          onChange={setYear}
          allowDeselect={false}
          aria-label="年度"
        />
      </Group>
      {ytd && params && (
        <Paper withBorder p="md" data-testid="accumulators">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <CapBar label="基本医保（住院）已支付" used={ytd.basic} cap={params.basic.annualCap} />
            <CapBar label="大病保险已支付" used={ytd.critical} cap={params.critical.annualCap} />
            <CapBar
              label="医疗救助已支付"
              used={ytd.assistance}
              cap={params.assistance.annualCap || null}
              capNote="元（限额按身份类别依文件规定）"
            />
            <CapBar label="大病保险累计基数" used={ytd.criticalBase} cap={null} capNote="元" />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            封顶线为普通参保人员标准；扶贫对象取消或提高封顶的，按结算时适用身份计算。
          </Text>
        </Paper>
      )}
      <Paper withBorder>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>结算单号</Table.Th>
              <Table.Th>医院</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>出院日期</Table.Th>
              <Table.Th className="num">总费用</Table.Th>
              <Table.Th className="num">基金及救助</Table.Th>
              <Table.Th className="num">个人自付</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed" ta="center" py="sm">
                    {shownYear} 年暂无结算记录
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {claims.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/claims/${c.id}`}>{c.claimNo}</Link>
                  {c.kind === 'reversal' ? '（冲销）' : c.status === 'reversed' ? '（已冲销）' : ''}
                </Table.Td>
                <Table.Td>{c.hospitalName}</Table.Td>
                <Table.Td>{VISIT_TYPE_LABELS[c.visitType]}</Table.Td>
                <Table.Td>{c.dischargeDate}</Table.Td>
                <Table.Td className="num">{formatYuan(c.totalCost)}</Table.Td>
                <Table.Td className="num">{formatYuan(c.basic + c.critical + c.assistance + c.tilted + c.hospitalReduction)}</Table.Td>
                <Table.Td className="num">{formatYuan(c.patientPays)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
