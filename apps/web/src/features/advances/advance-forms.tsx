import { SimpleGrid, Text } from '@mantine/core';
import { ZAdvancePaymentInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { DateField, MoneyField, SelectField, TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { readServerError } from '../../lib/form-errors';
import { formatYuan, formatYuanInput, parseYuanText, zMoney } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm } from '../../lib/use-zod-form';
import { newRequestKey } from '../../lib/request-key';

export type Advance = RouterOutputs['advances']['list']['items'][number];

/** The declaration as typed; cross-field checks (period order, a total above 0) are the server's (rules). */
const ZDeclarationForm = z.object({
  hospitalId: z.string().min(1, '请选择定点医疗机构'),
  periodFrom: z.iso.date({ error: '请填写结算期间起' }),
  periodTo: z.iso.date({ error: '请填写结算期间止' }),
  receivedOn: z.iso.date({ error: '请填写收到申报日期' }),
  basic: zMoney('基本医保垫付', { optional: true }),
  critical: zMoney('大病保险垫付', { optional: true }),
  assistance: zMoney('医疗救助垫付', { optional: true }),
  note: z.string().trim().max(500, '备注最多 500 字'),
});

/** 登记垫付申报: a hospital's declaration of what it advanced in a period. */
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
    },
  });
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
      <TextareaField control={form.control} name="note" label="备注" autosize minRows={2} />
    </FormShell>
  );
}

const ZFirstPayment = z.object({ amount: zMoney('本次支付金额'), paymentRef: ZAdvancePaymentInput.shape.paymentRef });
const ZRestPayment = ZFirstPayment.extend({ approvedTotal: zMoney('审核确认总额') });

interface PaymentProps {
  advance: Advance;
  onDone: () => Promise<unknown>;
  onCancel: () => void;
  /** Someone else paid meanwhile: the list is reloaded. */
  onConflict: () => Promise<unknown>;
}

function usePay({ advance, onDone, onConflict }: PaymentProps) {
  const trpc = useTRPC();
  const pay = useMutation(trpc.advances.pay.mutationOptions());
  const [requestKey] = useState(newRequestKey);
  return async (input: { instalment: 'first' | 'rest'; amount: number; approvedTotal?: number; paymentRef: string }) => {
    try {
      await pay.mutateAsync({ id: advance.id, version: advance.version, requestKey, ...input });
    } catch (err) {
      if (readServerError(err).code === 'CONFLICT') await onConflict();
      throw err;
    }
    await onDone();
  };
}

/** 支付 70%: the amount is the rules' 70 % of the declared total, rounded half up. */
export function FirstPaymentForm(props: PaymentProps) {
  const { advance, onCancel } = props;
  const pay = usePay(props);
  const form = useZodForm(ZFirstPayment, { defaultValues: { amount: formatYuanInput(advance.first.dueAmount), paymentRef: '' } });
  return (
    <FormShell form={form} submitLabel="确认支付" onCancel={onCancel} onSubmit={(v) => pay({ instalment: 'first', ...v })}>
      <Text size="sm">
        申报总额 {formatYuan(advance.total)} 元，70% 为 {formatYuan(advance.first.dueAmount)} 元。
      </Text>
      <MoneyField control={form.control} name="amount" label="本次支付金额（元）" withAsterisk />
      <TextField control={form.control} name="paymentRef" label="支付凭证号" withAsterisk />
    </FormShell>
  );
}

/** 审核结清: the approved total after review; the rest to pay is that minus the first instalment. */
export function RestPaymentForm(props: PaymentProps) {
  const { advance, onCancel } = props;
  const pay = usePay(props);
  const firstPaid = advance.first.paidAmount ?? 0;
  const form = useZodForm(ZRestPayment, { defaultValues: { approvedTotal: '', amount: '', paymentRef: '' } });
  useEffect(() => {
    const sub = form.watch((values, { name }) => {
      if (name !== 'approvedTotal') return;
      const approved = parseYuanText(values.approvedTotal ?? '');
      if (typeof approved === 'number' && approved >= firstPaid) form.setValue('amount', formatYuanInput(approved - firstPaid));
    });
    return () => sub.unsubscribe();
  }, [form, firstPaid]);
  return (
    <FormShell form={form} submitLabel="确认支付" onCancel={onCancel} onSubmit={(v) => pay({ instalment: 'rest', ...v })}>
      <Text size="sm">
        申报总额 {formatYuan(advance.total)} 元，已预付 {formatYuan(firstPaid)} 元。
      </Text>
      <MoneyField control={form.control} name="approvedTotal" label="审核确认总额（元）" withAsterisk />
      <MoneyField control={form.control} name="amount" label="本次支付金额（元）" withAsterisk />
      <TextField control={form.control} name="paymentRef" label="支付凭证号" withAsterisk />
    </FormShell>
  );
}
