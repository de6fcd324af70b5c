import { Alert, Center, Loader, SimpleGrid, Text } from '@mantine/core';
import { ADVANCE_DECLARATION_LIMIT, ZAdvancePaymentInput, ZAdvanceRecoveryInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ConfirmPanel } from '../../components/confirm-dialog';
import { DateField, MoneyField, SelectField, TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { formatDate } from '../../lib/dates';
import { readServerError } from '../../lib/form-errors';
import { formatYuan, formatYuanInput, yuanToFen, zMoney } from '../../lib/money';
import { newRequestKey } from '../../lib/request-key';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm } from '../../lib/use-zod-form';

export type Advance = RouterOutputs['advances']['list']['items'][number];

const LIMIT_TEXT = `${ADVANCE_DECLARATION_LIMIT.label} ${formatYuan(ADVANCE_DECLARATION_LIMIT.value)} 元`;

/** The declaration as typed; cross-field checks (period order, a total above 0, the limit's reason) are the server's (rules). */
const ZDeclarationForm = z.object({
  hospitalId: z.string().min(1, '请选择定点医疗机构'),
  periodFrom: z.iso.date({ error: '请填写结算期间起' }),
  periodTo: z.iso.date({ error: '请填写结算期间止' }),
  receivedOn: z.iso.date({ error: '请填写收到申报日期' }),
  basic: zMoney('基本医保垫付', { optional: true }),
  critical: zMoney('大病保险垫付', { optional: true }),
  assistance: zMoney('医疗救助垫付', { optional: true }),
  note: z.string().trim().max(500, '备注最多 500 字'),
  limitReason: z.string().trim().max(500, '超限说明最多 500 字'),
});

/** 登记垫付申报: a hospital's declaration of what it advanced in a period; a total above the plausible limit needs a reason. */
export function DeclarationForm({ onDone, onCancel }: { onDone: () => Promise<unknown>; onCancel: () => void }) {
  const trpc = useTRPC();
  const { today } = useServerToday();
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({}));
  const create = useMutation(trpc.advances.create.mutationOptions());
  const [idempotencyKey] = useState(newRequestKey);
  const form = useZodForm(ZDeclarationForm, {
    defaultValues: {
      hospitalId: '',
      periodFrom: '',
      periodTo: '',
      receivedOn: today ?? '',
      basic: '',
      critical: '',
      assistance: '',
      note: '',
      limitReason: '',
    },
  });
  const [basic, critical, assistance] = useWatch({ control: form.control, name: ['basic', 'critical', 'assistance'] });
  const total = yuanToFen(basic ?? '') + yuanToFen(critical ?? '') + yuanToFen(assistance ?? '');
  const isAboveLimit = total > ADVANCE_DECLARATION_LIMIT.value;
  return (
    <FormShell
      form={form}
      onCancel={onCancel}
      onSubmit={async (v) => {
        await create.mutateAsync({ ...v, basic: v.basic ?? 0, critical: v.critical ?? 0, assistance: v.assistance ?? 0, idempotencyKey });
        await onDone();
      }}
    >
      <SelectField
        control={form.control}
        name="hospitalId"
        label="定点医疗机构"
        withAsterisk
        searchable
        data={(hospitals.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
      />
      <SimpleGrid cols={3}>
        <DateField control={form.control} name="periodFrom" label="结算期间起" withAsterisk maxDate={today} placeholder="如 2026-12-01" />
        <DateField control={form.control} name="periodTo" label="结算期间止" withAsterisk maxDate={today} placeholder="如 2026-12-01" />
        <DateField control={form.control} name="receivedOn" label="收到申报日期" withAsterisk maxDate={today} placeholder="如 2026-12-01" />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <MoneyField control={form.control} name="basic" label="基本医保垫付（元）" />
        <MoneyField control={form.control} name="critical" label="大病保险垫付（元）" />
        <MoneyField control={form.control} name="assistance" label="医疗救助垫付（元）" />
      </SimpleGrid>
      {isAboveLimit && (
        <Alert color="orange" p="sm" title={`申报总额 ${formatYuan(total)} 元，超过${LIMIT_TEXT}`}>
          <TextareaField
            control={form.control}
            name="limitReason"
            label="超限说明"
            withAsterisk
            autosize
            minRows={2}
            description="说明申报金额为何超过合理上限（本地参数），审核批准时可见"
          />
        </Alert>
      )}
      <TextareaField control={form.control} name="note" label="备注" autosize minRows={2} />
    </FormShell>
  );
}

interface ActionProps {
  advance: Advance;
  onDone: () => Promise<unknown>;
  onCancel: () => void;
  /** Someone else acted meanwhile: the list is reloaded. */
  onConflict: () => Promise<unknown>;
}

/** One request key per dialog (a double click is one action), and a reload when someone else acted first. */
function useAdvanceAction({ advance, onDone, onConflict }: ActionProps) {
  const [requestKey] = useState(newRequestKey);
  const base = { id: advance.id, version: advance.version, requestKey };
  return async (action: (b: typeof base) => Promise<unknown>) => {
    try {
      await action(base);
    } catch (err) {
      if (readServerError(err).code === 'CONFLICT') await onConflict();
      throw err;
    }
    await onDone();
  };
}

const hospitalFacts = (a: Advance) => [
  { label: '定点医疗机构', value: a.hospitalName },
  { label: '申报号', value: a.declarationNo },
  { label: '申报总额', value: `${formatYuan(a.total)} 元` },
  { label: '申报登记人', value: a.declaredByName },
];

/** 批准 70% 预付: the amount is the rules' 70 % of the declared total, rounded half up; confirmed, not typed. */
export function ApproveFirstPanel(props: ActionProps) {
  const { advance: a, onCancel } = props;
  const trpc = useTRPC();
  const approve = useMutation(trpc.advances.approve.mutationOptions());
  const act = useAdvanceAction(props);
  return (
    <ConfirmPanel
      amountLabel="批准拨付 70% 预付款"
      amount={a.first.dueAmount}
      facts={[...hospitalFacts(a), ...(a.limitReason ? [{ label: '超限说明', value: a.limitReason }] : [])]}
      acknowledge="已核对申报材料，同意拨付申报总额的 70%"
      confirmLabel="批准"
      onCancel={onCancel}
      description={`自收到申报之日起 10 个工作日内拨付（期限 ${formatDate(a.first.due)}）。批准人不能同时登记拨付。`}
      onConfirm={() => act((base) => approve.mutateAsync({ ...base, stage: 'first', note: '' }))}
    />
  );
}

/** 审核结清: the approved total after review (≤ declared), then a confirmation of what remains to pay or to recover. */
export function ApproveTotalPanel(props: ActionProps) {
  const { advance: a, onCancel } = props;
  const trpc = useTRPC();
  const approve = useMutation(trpc.advances.approve.mutationOptions());
  const act = useAdvanceAction(props);
  const [approvedTotal, setApprovedTotal] = useState<number | null>(null);
  const schema = z.object({
    approvedTotal: zMoney('审核确认总额').refine((v) => v <= a.total, '审核确认总额不能大于申报总额'),
    note: z.string().trim().max(500, '审核意见最多 500 字'),
  });
  const form = useZodForm(schema, { defaultValues: { approvedTotal: '', note: '' } });
  if (approvedTotal !== null) {
    const rest = approvedTotal - a.ledger.netPaid;
    return (
      <ConfirmPanel
        amountLabel="审核确认总额"
        amount={approvedTotal}
        facts={[
          ...hospitalFacts(a),
          { label: '已拨付净额', value: `${formatYuan(a.ledger.netPaid)} 元` },
          { label: rest >= 0 ? '尚需支付' : '应追回多付', value: `${formatYuan(Math.abs(rest))} 元`, testId: 'confirm-rest' },
        ]}
        acknowledge="已完成审核，确认以上总额"
        confirmLabel="确认审核结清"
        cancelLabel="返回修改"
        onCancel={() => setApprovedTotal(null)}
        description="录入审核确认总额的人不能同时支付剩余资金。"
        onConfirm={() => act((base) => approve.mutateAsync({ ...base, stage: 'total', approvedTotal, note: form.getValues('note') }))}
      />
    );
  }
  return (
    <FormShell form={form} submitLabel="下一步" onCancel={onCancel} onSubmit={(v) => setApprovedTotal(v.approvedTotal)}>
      <Text size="sm">
        申报总额 {formatYuan(a.total)} 元，已拨付净额 {formatYuan(a.ledger.netPaid)} 元。
      </Text>
      <MoneyField control={form.control} name="approvedTotal" label="审核确认总额（元）" withAsterisk data-autofocus />
      <TextareaField control={form.control} name="note" label="审核意见" autosize minRows={2} />
    </FormShell>
  );
}

/** Waits for the server's today: the date fields of a movement default to it. */
function WithToday({ children }: { children: (today: string) => ReactNode }) {
  const { today } = useServerToday();
  if (!today)
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  return <>{children(today)}</>;
}

/** 登记拨付: one transfer on the day it was made, at most what is approved and unpaid; confirmed before it is recorded. */
export function PaymentPanel(props: ActionProps) {
  return <WithToday>{(today) => <PaymentForm {...props} today={today} />}</WithToday>;
}

function PaymentForm(props: ActionProps & { today: string }) {
  const { advance: a, onCancel, today } = props;
  const trpc = useTRPC();
  const pay = useMutation(trpc.advances.pay.mutationOptions());
  const act = useAdvanceAction(props);
  const isFirst = a.ledger.nextInstalment === 'first';
  const schema = z.object({
    amount: zMoney('本次支付金额').refine(
      (v) => v <= a.ledger.outstanding,
      `本次支付不能超过已批准尚未支付的 ${formatYuan(a.ledger.outstanding)} 元`,
    ),
    paidOn: z.iso.date({ error: '请填写支付日期' }),
    paymentRef: ZAdvancePaymentInput.shape.paymentRef,
  });
  const form = useZodForm(schema, {
    defaultValues: { amount: formatYuanInput(a.ledger.outstanding), paidOn: today, paymentRef: '' },
  });
  const [values, setValues] = useState<z.output<typeof schema> | null>(null);
  if (values) {
    return (
      <ConfirmPanel
        amountLabel={isFirst ? '拨付 70% 预付款' : '拨付剩余资金'}
        amount={values.amount}
        facts={[
          ...hospitalFacts(a),
          { label: '支付日期', value: formatDate(values.paidOn) },
          { label: '支付凭证号', value: values.paymentRef },
        ]}
        confirmLabel="确认支付"
        cancelLabel="返回修改"
        onCancel={() => setValues(null)}
        onConfirm={() => act((base) => pay.mutateAsync({ ...base, ...values }))}
      />
    );
  }
  return (
    <FormShell form={form} submitLabel="下一步" onCancel={onCancel} onSubmit={(v) => setValues(v)}>
      <Text size="sm">
        {isFirst ? `已批准 70% 预付 ${formatYuan(a.first.dueAmount)} 元` : `审核确认总额 ${formatYuan(a.rest.approvedTotal ?? 0)} 元`}
        ，已拨付净额 {formatYuan(a.ledger.netPaid)} 元，尚需支付 {formatYuan(a.ledger.outstanding)} 元。可分次拨付，按实际支付日期登记。
      </Text>
      <MoneyField control={form.control} name="amount" label="本次支付金额（元）" withAsterisk />
      <SimpleGrid cols={2}>
        <DateField control={form.control} name="paidOn" label="支付日期" withAsterisk maxDate={today} />
        <TextField control={form.control} name="paymentRef" label="支付凭证号" withAsterisk />
      </SimpleGrid>
    </FormShell>
  );
}

/** 登记追回: money the hospital returned, on the day it arrived; it reduces what was paid. */
export function RecoveryPanel(props: ActionProps) {
  return <WithToday>{(today) => <RecoveryForm {...props} today={today} />}</WithToday>;
}

function RecoveryForm(props: ActionProps & { today: string }) {
  const { advance: a, onCancel, today } = props;
  const trpc = useTRPC();
  const recover = useMutation(trpc.advances.recover.mutationOptions());
  const act = useAdvanceAction(props);
  const overpaid = Math.max(0, -a.ledger.outstanding);
  const schema = z.object({
    amount: zMoney('追回金额').refine((v) => v <= a.ledger.netPaid, `追回金额不能超过已拨付净额 ${formatYuan(a.ledger.netPaid)} 元`),
    recoveredOn: z.iso.date({ error: '请填写追回日期' }),
    reference: ZAdvanceRecoveryInput.shape.reference,
    reason: ZAdvanceRecoveryInput.shape.reason,
  });
  const form = useZodForm(schema, {
    defaultValues: { amount: overpaid ? formatYuanInput(overpaid) : '', recoveredOn: today, reference: '', reason: '' },
  });
  const [values, setValues] = useState<z.output<typeof schema> | null>(null);
  if (values) {
    return (
      <ConfirmPanel
        amountLabel="追回金额"
        amount={values.amount}
        facts={[
          ...hospitalFacts(a),
          { label: '追回日期', value: formatDate(values.recoveredOn) },
          { label: '追回凭证号', value: values.reference },
          { label: '追回后已拨付净额', value: `${formatYuan(a.ledger.netPaid - values.amount)} 元` },
          { label: '追回原因', value: values.reason },
        ]}
        confirmLabel="确认登记追回"
        cancelLabel="返回修改"
        onCancel={() => setValues(null)}
        onConfirm={() => act((base) => recover.mutateAsync({ ...base, ...values }))}
      />
    );
  }
  return (
    <FormShell form={form} submitLabel="下一步" onCancel={onCancel} onSubmit={(v) => setValues(v)}>
      <Text size="sm">
        已拨付净额 {formatYuan(a.ledger.netPaid)} 元{overpaid > 0 ? `，超过审核确认总额 ${formatYuan(overpaid)} 元，应予追回` : ''}
        。登记追回的人不能再办理本申报的拨付。
      </Text>
      <SimpleGrid cols={2}>
        <MoneyField control={form.control} name="amount" label="追回金额（元）" withAsterisk />
        <DateField control={form.control} name="recoveredOn" label="追回日期" withAsterisk maxDate={today} />
      </SimpleGrid>
      <TextField control={form.control} name="reference" label="追回凭证号" withAsterisk />
      <TextareaField control={form.control} name="reason" label="追回原因" withAsterisk autosize minRows={2} />
    </FormShell>
  );
}
