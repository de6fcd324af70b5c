import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { formatYuan, parseYuan } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { isApiError, useTRPC } from '../../lib/trpc';
import { newRequestKey as newKey } from '../../lib/request-key';

type Errors = Record<string, string>;
const TONE = { ok: 'green', amber: 'orange', red: 'red', none: 'gray' } as const;

function errorsOf(err: unknown): Errors {
  if (!isApiError(err)) return { _: '网络错误，请稍后重试' };
  const data = err.data as { fieldErrors?: { path: string; message: string }[] | null; field?: string | null } | undefined;
  if (data?.fieldErrors?.length) return Object.fromEntries(data.fieldErrors.map((f) => [f.path, f.message]));
  if (data?.field) return { [data.field]: err.message };
  return { _: err.message };
}
const fen = (v: string) => (v.trim() === '' ? Number.NaN : (parseYuan(v) ?? Number.NaN));

/** Hospital advance settlement (`000 §二(五)1`): 70 % in 10 working days, the rest in the next 15. */
export function AdvancesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const staff = me?.role === 'clerk' || me?.role === 'reviewer';
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const list = useQuery(trpc.advances.list.queryOptions({ status }));
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({}));
  const create = useMutation(trpc.advances.create.mutationOptions());
  const pay = useMutation(trpc.advances.pay.mutationOptions());
  const [creating, setCreating] = useState(false);
  const [form, setForm] = useState({
    hospitalId: '',
    periodFrom: '',
    periodTo: '',
    receivedOn: '',
    basic: '',
    critical: '',
    assistance: '',
    note: '',
  });
  const [createKey, setCreateKey] = useState(newKey);
  const [errors, setErrors] = useState<Errors>({});
  const [paying, setPaying] = useState<null | {
    id: string;
    version: number;
    instalment: 'first' | 'rest';
    due: number;
    total: number;
    firstPaid: number;
    key: string;
  }>(null);
  const [payForm, setPayForm] = useState({ amount: '', approvedTotal: '', paymentRef: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.advances.pathKey() });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };

  const submit = async () => {
    setErrors({});
    try {
      await create.mutateAsync({
        ...form,
        basic: fen(form.basic || '0'),
        critical: fen(form.critical || '0'),
        assistance: fen(form.assistance || '0'),
        idempotencyKey: createKey,
      });
      setCreating(false);
      setCreateKey(newKey());
      setForm({ hospitalId: '', periodFrom: '', periodTo: '', receivedOn: '', basic: '', critical: '', assistance: '', note: '' });
      await refresh();
    } catch (err) {
      setErrors(errorsOf(err));
    }
  };
  const submitPay = async () => {
    if (!paying) return;
    setErrors({});
    try {
      await pay.mutateAsync({
        id: paying.id,
        version: paying.version,
        requestKey: paying.key,
        instalment: paying.instalment,
        amount: fen(payForm.amount),
        approvedTotal: paying.instalment === 'rest' ? fen(payForm.approvedTotal) : undefined,
        paymentRef: payForm.paymentRef,
      });
      setPaying(null);
      await refresh();
    } catch (err) {
      setErrors(errorsOf(err));
      if (isApiError(err) && (err.data as { code?: string } | undefined)?.code === 'CONFLICT') await refresh();
    }
  };

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/reimbursements">
          零星报销
        </Anchor>
        <Text>医院垫付资金结算</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={3}>定点医疗机构垫付资金结算</Title>
        {staff && (
          <Button
            onClick={() => {
              setErrors({});
              setCreating(true);
            }}
          >
            登记垫付申报
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        自收到申报材料之日起 10 个工作日内支付申报总额的 70%，之后 15 个工作日内完成审核确认并支付剩余资金（000 §二(五)1）。
      </Text>
      <Select
        w={160}
        data={[
          { value: 'open', label: '未结清' },
          { value: 'all', label: '全部' },
        ]}
        value={status}
        onChange={(v) => setStatus((v as 'open' | 'all') ?? 'open')}
        aria-label="状态"
      />
      <QueryState query={list}>
        {() => (
          <Paper withBorder style={{ overflowX: 'auto' }}>
            <Table striped verticalSpacing="xs" miw={1400} style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>申报号</Table.Th>
                  <Table.Th>医院</Table.Th>
                  <Table.Th>结算期间</Table.Th>
                  <Table.Th>收到日期</Table.Th>
                  <Table.Th className="num">基本医保</Table.Th>
                  <Table.Th className="num">大病保险</Table.Th>
                  <Table.Th className="num">医疗救助</Table.Th>
                  <Table.Th className="num">合计</Table.Th>
                  <Table.Th>70% 预付（期限）</Table.Th>
                  <Table.Th>结清（期限）</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={11}>
                      <Text c="dimmed" ta="center" py="md">
                        暂无垫付申报
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.items.map((d) => (
                  <Table.Tr key={d.id} data-testid="advance-row">
                    <Table.Td>{d.declarationNo}</Table.Td>
                    <Table.Td>{d.hospitalName}</Table.Td>
                    <Table.Td>
                      {d.periodFrom} 至 {d.periodTo}
                    </Table.Td>
                    <Table.Td>{d.receivedOn}</Table.Td>
                    <Table.Td className="num">{formatYuan(d.basic)}</Table.Td>
                    <Table.Td className="num">{formatYuan(d.critical)}</Table.Td>
                    <Table.Td className="num">{formatYuan(d.assistance)}</Table.Td>
                    <Table.Td className="num">{formatYuan(d.total)}</Table.Td>
                    <Table.Td>
                      <Badge color={TONE[d.first.tone]} variant="light">
                        {d.first.paidOn
                          ? `${d.first.overdue ? '超期' : '按时'}已付 ${formatYuan(d.first.paidAmount)}`
                          : d.first.overdue
                            ? '已超期'
                            : `应付 ${formatYuan(d.first.dueAmount)}`}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        期限 {d.first.due ?? d.calendarError}
                        {d.first.paidOn ? `，${d.first.paidOn} 支付` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={TONE[d.rest.tone]} variant="light">
                        {d.rest.paidOn
                          ? `${d.rest.overdue ? '超期' : '按时'}已付 ${formatYuan(d.rest.paidAmount)}`
                          : d.rest.overdue
                            ? '已超期'
                            : '待审核结清'}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        期限 {d.rest.due ?? d.calendarError}
                        {d.rest.approvedTotal !== null ? `，审核确认 ${formatYuan(d.rest.approvedTotal)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {staff && d.status === 'received' && (
                        <Button
                          size="xs"
                          onClick={() => {
                            setErrors({});
                            setPayForm({ amount: formatYuan(d.first.dueAmount).replace(/,/g, ''), approvedTotal: '', paymentRef: '' });
                            setPaying({
                              id: d.id,
                              version: d.version,
                              instalment: 'first',
                              due: d.first.dueAmount,
                              total: d.total,
                              firstPaid: 0,
                              key: newKey(),
                            });
                          }}
                        >
                          支付 70%
                        </Button>
                      )}
                      {staff && d.status === 'first_paid' && (
                        <Button
                          size="xs"
                          onClick={() => {
                            setErrors({});
                            setPayForm({ amount: '', approvedTotal: '', paymentRef: '' });
                            setPaying({
                              id: d.id,
                              version: d.version,
                              instalment: 'rest',
                              due: 0,
                              total: d.total,
                              firstPaid: d.first.paidAmount,
                              key: newKey(),
                            });
                          }}
                        >
                          审核结清
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>

      <Modal opened={creating} onClose={() => setCreating(false)} title="登记垫付申报" size="lg">
        <Stack>
          <Select
            label="定点医疗机构"
            withAsterisk
            searchable
            data={(hospitals.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
            value={form.hospitalId || null}
            onChange={(v) => setForm((f) => ({ ...f, hospitalId: v ?? '' }))}
            error={errors.hospitalId}
          />
          <SimpleGrid cols={3}>
            <TextInput
              type="date"
              label="结算期间起"
              withAsterisk
              value={form.periodFrom}
              onChange={set('periodFrom')}
              error={errors.periodFrom}
            />
            <TextInput
              type="date"
              label="结算期间止"
              withAsterisk
              value={form.periodTo}
              onChange={set('periodTo')}
              error={errors.periodTo}
            />
            <TextInput
              type="date"
              label="收到申报日期"
              withAsterisk
              value={form.receivedOn}
              onChange={set('receivedOn')}
              error={errors.receivedOn}
            />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <TextInput label="基本医保垫付（元）" inputMode="decimal" value={form.basic} onChange={set('basic')} error={errors.basic} />
            <TextInput
              label="大病保险垫付（元）"
              inputMode="decimal"
              value={form.critical}
              onChange={set('critical')}
              error={errors.critical}
            />
            <TextInput
              label="医疗救助垫付（元）"
              inputMode="decimal"
              value={form.assistance}
              onChange={set('assistance')}
              error={errors.assistance}
            />
          </SimpleGrid>
          <Textarea label="备注" value={form.note} onChange={set('note')} />
          {errors._ && (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCreating(false)}>
              取消
            </Button>
            <Button onClick={submit} loading={create.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={paying?.instalment === 'first' ? '支付 70% 预付款' : '审核确认并结清'}
      >
        {paying && (
          <Stack>
            <Text size="sm">
              申报总额 {formatYuan(paying.total)} 元
              {paying.instalment === 'first' ? `，70% 为 ${formatYuan(paying.due)} 元。` : `，已预付 ${formatYuan(paying.firstPaid)} 元。`}
            </Text>
            {paying.instalment === 'rest' && (
              <TextInput
                label="审核确认总额（元）"
                withAsterisk
                value={payForm.approvedTotal}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  const approved = fen(v);
                  setPayForm((f) => ({
                    ...f,
                    approvedTotal: v,
                    amount:
                      Number.isFinite(approved) && approved >= paying.firstPaid
                        ? formatYuan(approved - paying.firstPaid).replace(/,/g, '')
                        : f.amount,
                  }));
                }}
                error={errors.approvedTotal}
              />
            )}
            <TextInput
              label="本次支付金额（元）"
              withAsterisk
              value={payForm.amount}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setPayForm((f) => ({ ...f, amount: value }));
              }}
              error={errors.amount}
            />
            <TextInput
              label="支付凭证号"
              withAsterisk
              value={payForm.paymentRef}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setPayForm((f) => ({ ...f, paymentRef: value }));
              }}
              error={errors.paymentRef}
            />
            {errors._ && (
              <Text c="red" size="sm">
                {errors._}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPaying(null)}>
                取消
              </Button>
              <Button onClick={submitPay} loading={pay.isPending}>
                确认支付
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
