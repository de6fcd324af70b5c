import { Box, Divider, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { TSlip } from '@portal/rules';
import classes from './slip.module.css';

function Pairs({ rows, cols = 2 }: { rows: [string, string][]; cols?: number }) {
  return (
    <SimpleGrid cols={cols} spacing={4} verticalSpacing={2}>
      {rows.map(([k, v]) => (
        <Text key={k} size="sm">
          <Text span c="dimmed" size="sm">
            {k}：
          </Text>
          {v}
        </Text>
      ))}
    </SimpleGrid>
  );
}

/** The one-page settlement slip (一单清) as an A4 sheet; the print stylesheet prints only it. */
export function SlipView({ slip }: { slip: TSlip }) {
  return (
    <Box className={classes.sheet} data-testid="slip">
      <Title order={3} ta="center">
        {slip.title}
      </Title>
      <Text ta="center" size="xs" c="dimmed" mb="sm">
        {slip.subtitle}
      </Text>
      <Pairs rows={slip.header} />
      <Divider my={6} />
      <Pairs rows={slip.visit} />
      <Divider my={6} />
      <Pairs rows={slip.costs} cols={3} />
      <Table withTableBorder withColumnBorders mt="sm" verticalSpacing={4} className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="24%">结算项目</Table.Th>
            <Table.Th w="16%" className="num">
              支付金额（元）
            </Table.Th>
            <Table.Th w="14%">政策依据</Table.Th>
            <Table.Th>计算说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {slip.lines.map((l) => (
            <Table.Tr key={l.label}>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td className="num">{l.amount}</Table.Td>
              <Table.Td>{l.clause}</Table.Td>
              <Table.Td fz="xs">{l.explain}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack2>
        <Text size="sm">各项基金及救助支付合计：{slip.fundPaid} 元</Text>
        {slip.hospitalReduction && (
          <Text size="sm" data-testid="slip-hospital-reduction">
            医疗机构减免（医院减免，不属基金支付，{slip.hospitalReduction.clause}）：{slip.hospitalReduction.amount} 元
            <Text span size="xs" c="dimmed">
              {' '}
              {slip.hospitalReduction.explain}
            </Text>
          </Text>
        )}
        {slip.hospitalBorne && <Text size="sm">医疗机构负担（超比例目录外费用）：{slip.hospitalBorne} 元</Text>}
        <Text size="lg" fw={700} data-testid="slip-patient-pays">
          个人自付：{slip.patientPays} 元
        </Text>
        <Text size="md" fw={600} data-testid="slip-capital">
          大写：{slip.patientPaysCapital}
        </Text>
      </Stack2>
      {slip.notices.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          ※ {n}
        </Text>
      ))}
      <Group justify="space-between" mt={40}>
        {slip.signatures.map((s) => (
          <Text key={s} size="sm">
            {s}：＿＿＿＿＿＿
          </Text>
        ))}
      </Group>
      <Text size="sm" ta="right" mt="md">
        日期：＿＿＿＿年＿＿月＿＿日
      </Text>
    </Box>
  );
}

function Stack2({ children }: { children: React.ReactNode }) {
  return <Box mt="sm">{children}</Box>;
}
