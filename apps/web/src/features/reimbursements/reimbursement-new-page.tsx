import { Alert, Grid, Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  MATERIAL_ITEMS,
  MATERIAL_LABELS,
  REIMBURSEMENT_KIND_LABELS,
  REIMBURSEMENT_KINDS,
  ZMaterials,
  ZPayeeDetails,
  type TMaterials,
} from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useController, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { CheckboxField, MoneyField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { zMoney } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';
import {
  COSTS_IN_ORDER,
  costsInOrder,
  DATES_IN_ORDER,
  datesInOrder,
  DISCHARGE_GIVEN,
  dischargeGiven,
  EMPTY_VISIT,
  toEntry,
  VISIT_SERVER_FIELDS,
  VisitFields,
  ZVisitFields,
} from '../claims';
import { newRequestKey } from '../../lib/request-key';

const ZIntakeForm = ZVisitFields.extend({
  kind: z.enum(REIMBURSEMENT_KINDS, { error: '请选择报销类型' }),
  materials: ZMaterials,
  paidElsewhereBasic: zMoney('医院已结算的基本医保', { optional: true }),
  paidElsewhereCritical: zMoney('医院已结算的大病保险', { optional: true }),
  payeeSource: z.enum(['registered', 'entered']),
  payeeName: z.string(),
  payeeBankName: z.string(),
  payeeAccount: z.string(),
})
  .superRefine((v, ctx) => {
    if (v.payeeSource !== 'entered') return;
    const checked = ZPayeeDetails.safeParse({ name: v.payeeName, bankName: v.payeeBankName, account: v.payeeAccount });
    const field = { name: 'payeeName', bankName: 'payeeBankName', account: 'payeeAccount' } as const;
    for (const issue of checked.error?.issues ?? []) {
      const key = issue.path[0] as keyof typeof field;
      ctx.addIssue({ code: 'custom', path: [field[key]], message: issue.message });
    }
  })
  .refine(dischargeGiven, DISCHARGE_GIVEN)
  .refine(datesInOrder, DATES_IN_ORDER)
  .refine(costsInOrder, COSTS_IN_ORDER)
  .refine((v) => v.kind !== 'offsite_networked' || (v.paidElsewhereBasic ?? 0) + (v.paidElsewhereCritical ?? 0) <= v.totalCost, {
    path: ['paidElsewhereCritical'],
    message: '医院已结算金额不能大于医疗总费用',
  });
type TIntakeForm = ZodForm<typeof ZIntakeForm>;

const NOTHING_RECEIVED: TMaterials = {
  insurance_card: false,
  identity: false,
  invoice: false,
  discharge_summary: false,
  cost_list: false,
  bank_card: false,
};

function KindField({ form }: { form: TIntakeForm }) {
  const { field } = useController({ control: form.control, name: 'kind' });
  return (
    <Input.Wrapper label="报销类型">
      <div>
        <SegmentedControl
          value={field.value}
          onChange={(v) => field.onChange(REIMBURSEMENT_KINDS.find((k) => k === v) ?? 'non_networked')}
          data={REIMBURSEMENT_KINDS.map((k) => ({ value: k, label: REIMBURSEMENT_KIND_LABELS[k] }))}
        />
      </div>
    </Input.Wrapper>
  );
}

/**
 * 收款账户: the person's registered account (shown masked) unless the 银行存折（卡）复印件 names
 * another; 复核 checks it and 支付 pays only to it (decision 0009).
 */
function PayeeFields({ form }: { form: TIntakeForm }) {
  const trpc = useTRPC();
  const personId = useWatch({ control: form.control, name: 'personId' });
  const source = useWatch({ control: form.control, name: 'payeeSource' });
  const { field } = useController({ control: form.control, name: 'payeeSource' });
  const person = useQuery({ ...trpc.persons.get.queryOptions({ id: personId }), enabled: Boolean(personId) });
  const registered = person.data?.bankAccountMasked ?? null;
  return (
    <Paper withBorder p="md" data-testid="intake-payee">
      <Text fw={600} mb="xs">
        收款账户（支付到患者指定金融账户）
      </Text>
      <SegmentedControl
        value={source}
        onChange={(v) => field.onChange(v === 'entered' ? 'entered' : 'registered')}
        data={[
          { value: 'registered', label: '参保人登记账户' },
          { value: 'entered', label: '按存折（卡）填写其他账户' },
        ]}
      />
      {source === 'registered' ? (
        <Text size="sm" mt="sm" data-testid="intake-registered-account">
          {!personId
            ? '选择参保人后显示其登记账户'
            : registered
              ? `${person.data?.name ?? ''}　${person.data?.bankName ?? ''}　${registered}`
              : '参保人未登记银行账户，请按银行存折（卡）复印件填写'}
        </Text>
      ) : (
        <Stack gap="xs" mt="sm">
          <SimpleGrid cols={2}>
            <TextField control={form.control} name="payeeName" label="收款人" withAsterisk />
            <TextField control={form.control} name="payeeBankName" label="开户行" withAsterisk />
          </SimpleGrid>
          <TextField control={form.control} name="payeeAccount" label="银行账号" withAsterisk description="受理后只显示后四位" />
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        复核时与银行存折（卡）复印件核对；支付只付到此账户，变更须经另一人审批。
      </Text>
    </Paper>
  );
}

function MaterialsChecklist({ form }: { form: TIntakeForm }) {
  const materials = useWatch({ control: form.control, name: 'materials' });
  const missing = MATERIAL_ITEMS.filter((m) => !materials[m]);
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        申报材料（逐项勾选已收到的）
      </Text>
      <Stack gap={8}>
        {MATERIAL_ITEMS.map((m) => (
          <CheckboxField key={m} control={form.control} name={`materials.${m}`} label={MATERIAL_LABELS[m]} />
        ))}
      </Stack>
      {missing.length > 0 ? (
        <Alert color="orange" mt="md" p="sm" title={`尚缺 ${missing.length} 项材料`}>
          受理后案件为“待补材料”，并出具一次性告知书；材料补齐之日起计算 25 个工作日。
        </Alert>
      ) : (
        <Alert color="green" mt="md" p="sm">
          材料齐全，受理当日起计算 25 个工作日。
        </Alert>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        扫描件可在受理后于案件页面上传（PDF、JPG、PNG，单个不超过 10 MB）。
      </Text>
    </Paper>
  );
}

/** 受理: the visit as in claim entry, the six-item checklist, and (out-of-prefecture) what the hospital paid. */
export function ReimbursementNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newRequestKey);
  const form = useZodForm(ZIntakeForm, {
    mode: 'onTouched',
    defaultValues: {
      ...EMPTY_VISIT,
      kind: 'non_networked',
      materials: NOTHING_RECEIVED,
      paidElsewhereBasic: '',
      paidElsewhereCritical: '',
      payeeSource: 'registered',
      payeeName: '',
      payeeBankName: '',
      payeeAccount: '',
    },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const create = useMutation(trpc.reimbursements.create.mutationOptions());
  return (
    <Stack>
      <Title order={3}>零星报销 · 受理</Title>
      <FormProvider {...form}>
        <FormShell
          form={form}
          submitLabel="受理"
          onCancel={() => navigate('/reimbursements')}
          serverFields={{
            ...VISIT_SERVER_FIELDS,
            'payee.name': 'payeeName',
            'payee.bankName': 'payeeBankName',
            'payee.account': 'payeeAccount',
          }}
          onSubmit={async (v) => {
            const isOffsite = v.kind === 'offsite_networked';
            const c = await create.mutateAsync({
              kind: v.kind,
              entry: toEntry(v),
              materials: v.materials,
              paidElsewhereBasic: isOffsite ? (v.paidElsewhereBasic ?? 0) : 0,
              paidElsewhereCritical: isOffsite ? (v.paidElsewhereCritical ?? 0) : 0,
              payee:
                v.payeeSource === 'registered'
                  ? { source: 'registered' }
                  : { source: 'entered', name: v.payeeName, bankName: v.payeeBankName, account: v.payeeAccount },
              idempotencyKey,
            });
            await queryClient.invalidateQueries({ queryKey: trpc.reimbursements.pathKey() });
            void navigate(`/reimbursements/${c.id}`);
          }}
        >
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <KindField form={form} />
                  <VisitFields
                    afterCosts={
                      <>
                        <Text size="xs" c="dimmed">
                          县域外住院是否已转诊，由系统按转诊转院备案登记核对（000 §二(七)），无需手工勾选。
                        </Text>
                        {kind === 'offsite_networked' && (
                          <Alert color="blue" p="sm" title="州外联网医院已直接结算基本医保和大病保险（000 §二(五)2）">
                            <SimpleGrid cols={2}>
                              <MoneyField control={form.control} name="paidElsewhereBasic" label="医院已结算基本医保（元）" />
                              <MoneyField control={form.control} name="paidElsewhereCritical" label="医院已结算大病保险（元）" />
                            </SimpleGrid>
                            <Text size="xs" c="dimmed" mt={4}>
                              按医院结算单填写；本流程只支付医疗救助部分。
                            </Text>
                          </Alert>
                        )}
                      </>
                    }
                  />
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack>
                <MaterialsChecklist form={form} />
                <PayeeFields form={form} />
              </Stack>
            </Grid.Col>
          </Grid>
        </FormShell>
      </FormProvider>
    </Stack>
  );
}
