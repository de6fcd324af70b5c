import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { formatYuan, LEDGER_COLUMNS, LEDGER_GROUPS, LEDGER_TITLE } from '@portal/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { PagedFooter } from '../../components/data-table';

const PAGE_SIZE = 20;

/** 综合管理台账 (Liaoning annex 1): 36 columns, filter by region and year, export as .xlsx. */
export function LedgerPage() {
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [yearInput, setYearInput] = useState<number | string>('');
  const [page, setPage] = useState(1);
  const year = Number(yearInput === '' ? (info.data?.today.slice(0, 4) ?? 2020) : yearInput);
  const ledger = useQuery({
    ...trpc.ledger.list.queryOptions({ year, orgUnitId: orgUnitId ?? undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    enabled: !!info.data,
  });
  const options = (units.data ?? [])
    .filter((u) => u.level !== 'system')
    .map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}` }));
  const exportUrl = `/api/exports/ledger.xlsx?${new URLSearchParams({ year: String(year), ...(orgUnitId ? { orgUnitId } : {}) })}`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{LEDGER_TITLE}</Title>
        <Button component="a" href={exportUrl} download>
          导出 Excel
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <Select
            label="区划"
            placeholder="本级全部"
            data={options}
            value={orgUnitId}
            onChange={(v) => {
              setOrgUnitId(v);
              setPage(1);
            }}
            clearable
            searchable
            w={260}
          />
          <NumberInput
            label="年度"
            value={yearInput === '' ? year : yearInput}
            onChange={(v) => {
              setYearInput(v);
              setPage(1);
            }}
            min={2017}
            max={2100}
            w={120}
          />
          <Text size="xs" c="dimmed" maw={520}>
            一行一名当年享受过扶贫身份的人员；第 19–36
            列按已结算的就诊记录汇总（冲正记录相抵），“其他保障”含倾斜救助与医疗机构减免。金额单位：元。
          </Text>
        </Group>
      </Paper>
      <QueryState query={ledger}>
        {() => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={3600}>
              <Table withColumnBorders withTableBorder verticalSpacing={4} fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    {LEDGER_COLUMNS.slice(0, 18).map((c) => (
                      <Table.Th key={c.no} rowSpan={2} style={{ minWidth: c.no === 5 ? 150 : 80 }}>
                        {c.heading}
                      </Table.Th>
                    ))}
                    {LEDGER_GROUPS.map((g) => (
                      <Table.Th key={g} colSpan={6} ta="center">
                        {g}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    {LEDGER_COLUMNS.slice(18).map((c) => (
                      <Table.Th key={c.no}>{c.heading}</Table.Th>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    {LEDGER_COLUMNS.map((c) => (
                      <Table.Th key={c.no} ta="center" c="dimmed">
                        {c.no}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ledger.data?.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={36}>
                        <Text c="dimmed" py="md">
                          该区划该年度没有扶贫对象
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {ledger.data?.items.map((r) => (
                    <Table.Tr key={r.personId}>
                      {r.cells.map((v, i) => (
                        <Table.Td key={i} ff={i === 4 ? 'monospace' : undefined} ta={typeof v === 'number' ? 'right' : undefined}>
                          {LEDGER_COLUMNS[i]!.kind === 'money' ? (v === null ? '' : formatYuan(v as number)) : (v ?? '')}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PagedFooter total={ledger.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onChange={setPage} unit="人" />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
