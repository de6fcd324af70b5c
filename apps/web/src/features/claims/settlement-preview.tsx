import { Alert, List, Paper, Table, Text } from '@mantine/core';
import { CATEGORY_LABELS, TIER_LABELS, type TSettleResult } from '@portal/rules';
import { EmptyState } from '../../components/data-table';
import { formatYuan } from '../../lib/money';
import type { Preview } from './use-claim-preview';

/** The settlement as a table of tiers with amounts, clauses and explanations; patient pays in bold. */
export function SettlementTable({ result }: { result: Pick<TSettleResult, 'lines' | 'totals' | 'notices' | 'appliedCategory'> }) {
  return (
    <>
      <Text size="sm" mb={4}>
        适用身份：<b>{CATEGORY_LABELS[result.appliedCategory]}</b>
      </Text>
      <Table withTableBorder verticalSpacing={6} data-testid="settlement-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>结算项目</Table.Th>
            <Table.Th className="num">金额（元）</Table.Th>
            <Table.Th>依据</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.lines.map((l) => (
            <Table.Tr key={l.tier} data-tier={l.tier}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {TIER_LABELS[l.tier]}
                </Text>
                <Text size="xs" c="dimmed">
                  {l.explain}
                </Text>
              </Table.Td>
              <Table.Td className="num" data-testid={`amount-${l.tier}`}>
                {formatYuan(l.amount)}
              </Table.Td>
              <Table.Td>
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {l.clause}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>各项基金及救助合计</Table.Td>
            <Table.Td className="num">{formatYuan(result.totals.fundPaid)}</Table.Td>
            <Table.Td />
          </Table.Tr>
          <Table.Tr>
            <Table.Td fw={700}>个人自付</Table.Td>
            <Table.Td className="num" fw={700} fz="lg" data-testid="patient-pays">
              {formatYuan(result.totals.patientPays)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {result.notices.length > 0 && (
        <Alert color="yellow" mt="sm" p="xs" title="提示">
          <List size="xs">
            {result.notices.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

/** The settlement computed in the browser while the clerk types. */
export function SettlementPreview({ preview }: { preview: Preview }) {
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        结算预览
      </Text>
      {!preview ? (
        <EmptyState py="xs">填写参保人、医院、日期和费用后即时显示各项支付。</EmptyState>
      ) : 'error' in preview ? (
        <Alert color="red" p="xs">
          {preview.error}
        </Alert>
      ) : (
        <SettlementTable result={preview.result} />
      )}
      <Text size="xs" c="dimmed" mt="xs">
        预览与保存使用同一套政策计算规则；保存时由服务器按最新累计数重新计算。
      </Text>
    </Paper>
  );
}
