import { Anchor, Breadcrumbs, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateRange } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import classes from './notice.module.css';

/** 一次性告知书: everything missing, told once, on one printable page. */
export function ReimbursementNoticePage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.reimbursements.get.queryOptions({ id }));
  const c = query.data;
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Breadcrumbs>
          <Anchor component={Link} to="/reimbursements">
            零星报销
          </Anchor>
          <Anchor component={Link} to={`/reimbursements/${id}`}>
            {c?.caseNo ?? '案件'}
          </Anchor>
          <Text>一次性告知书</Text>
        </Breadcrumbs>
        <Button onClick={() => window.print()}>打印</Button>
      </Group>
      <QueryState query={query}>
        {() =>
          c && (
            <Paper withBorder p="xl" maw={760} mx="auto" w="100%" className={classes.letter} data-testid="notice">
              <Title order={3} ta="center">
                医疗费用零星报销材料一次性告知书
              </Title>
              <Text ta="right" size="sm" mt="xs">
                编号：{c.caseNo}
              </Text>
              <Text mt="lg">
                {c.person.name}（身份证号 {c.person.idNumberMasked}）：
              </Text>
              <Text mt="sm" style={{ textIndent: '2em', lineHeight: 1.9 }}>
                您于 {formatDate(c.receivedOn)} 申请报销在{c.hospital.name}（{formatDateRange(c.visit.admissionDate, c.visit.dischargeDate)}
                ）发生的医疗费用。经审查，您提交的申报材料不齐全，现一次性告知尚需补交以下材料：
              </Text>
              {c.missing.length ? (
                <List type="ordered" mt="sm" ml="xl" spacing={6} data-testid="notice-missing">
                  {c.missing.map((m) => (
                    <List.Item key={m.id}>{m.label}</List.Item>
                  ))}
                </List>
              ) : (
                <Text mt="sm" fw={600}>
                  材料已于 {formatDate(c.materialsCompleteOn)} 补齐。
                </Text>
              )}
              <Text mt="md" style={{ textIndent: '2em', lineHeight: 1.9 }}>
                请补齐上述材料后到本经办机构窗口办理。自材料补齐之日起，我们将在 25
                个工作日内完成审核并将报销资金支付到您指定的银行账户（遇特殊病案、疑问病案需调查核实的，核实期间不计入办理时限）。
              </Text>
              <Group justify="space-between" mt={48} align="flex-end">
                <Stack gap={4}>
                  <Text>经办人：____________</Text>
                  <Text>申请人签收：____________</Text>
                </Stack>
                <Stack gap={4} align="flex-end">
                  <Text>{c.agencyName}医疗保障经办机构（盖章）</Text>
                  <Text>{formatDate(c.receivedOn)}</Text>
                </Stack>
              </Group>
              <Text size="xs" c="dimmed" mt="xl">
                依据：非直接结算医疗费用报销流程（000 §二(五)3）。本告知书一式两份，申请人与经办机构各执一份。
              </Text>
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
