import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  HOSPITAL_LEVEL_LABELS,
  MATERIAL_ITEMS,
  MATERIAL_LABELS,
  REIMBURSEMENT_KIND_LABELS,
  VISIT_TYPE_LABELS,
  type TMaterialItem,
} from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { yuanToFen, zYuan } from '../../lib/money';
import { applyServerError } from '../../lib/form-errors';
import { isApiError, useTRPC } from '../../lib/trpc';
import { toEntry, ZClaimForm } from '../claims';
import { PersonPicker } from '../claims';
import { newKey } from './clock-badge';

const ZIntakeForm = z
  .object({
    kind: z.enum(['non_networked', 'offsite_networked']),
    entry: ZClaimForm,
    materials: z.object(Object.fromEntries(MATERIAL_ITEMS.map((m) => [m, z.boolean()])) as Record<TMaterialItem, z.ZodBoolean>),
    paidElsewhereBasic: zYuan('医院已结算的基本医保', { optional: true }),
    paidElsewhereCritical: zYuan('医院已结算的大病保险', { optional: true }),
  })
  .superRefine((v, ctx) => {
    if (
      v.kind === 'offsite_networked' &&
      yuanToFen(v.paidElsewhereBasic) + yuanToFen(v.paidElsewhereCritical) > yuanToFen(v.entry.totalCost)
    ) {
      ctx.addIssue({ code: 'custom', path: ['paidElsewhereCritical'], message: '医院已结算金额不能大于医疗总费用' });
    }
  });
type TIntakeForm = z.infer<typeof ZIntakeForm>;
const VISIT_FIELDS = ['personId', 'hospitalId', 'admissionDate', 'dischargeDate', 'diagnosis', 'totalCost', 'inScopeCost'];

/** 受理: the visit as in claim entry, the six-item checklist, and (out-of-prefecture) what the hospital paid. */
export function ReimbursementNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newKey);
  const form = useForm<TIntakeForm>({
    resolver: zodResolver(ZIntakeForm),
    mode: 'onTouched',
    defaultValues: {
      kind: 'non_networked',
      entry: {
        personId: '',
        hospitalId: '',
        visitType: 'inpatient',
        admissionDate: '',
        dischargeDate: '',
        diagnosis: '',
        specialDisease: null,
        totalCost: '',
        inScopeCost: '',
        specialDrugCost: '',
      },
      materials: Object.fromEntries(MATERIAL_ITEMS.map((m) => [m, false])) as Record<TMaterialItem, boolean>,
      paidElsewhereBasic: '',
      paidElsewhereCritical: '',
    },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const visitType = useWatch({ control: form.control, name: 'entry.visitType' });
  const materials = useWatch({ control: form.control, name: 'materials' });
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({}));
  const create = useMutation(trpc.reimbursements.create.mutationOptions());
  const missing = MATERIAL_ITEMS.filter((m) => !materials[m]);
  const onSubmit = form.handleSubmit(async (v) => {
    try {
      const c = await create.mutateAsync({
        kind: v.kind,
        entry: toEntry(v.entry),
        materials: v.materials,
        paidElsewhereBasic: v.kind === 'offsite_networked' ? yuanToFen(v.paidElsewhereBasic) : 0,
        paidElsewhereCritical: v.kind === 'offsite_networked' ? yuanToFen(v.paidElsewhereCritical) : 0,
        idempotencyKey,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.reimbursements.pathKey() });
      void navigate(`/reimbursements/${c.id}`);
    } catch (err) {
      // Domain errors name a visit field without the "entry." prefix.
      const field = isApiError(err) ? (err.data as { field?: string | null } | undefined)?.field : null;
      if (field && VISIT_FIELDS.includes(field)) {
        form.setError(`entry.${field}` as never, { type: 'server', message: (err as Error).message });
        return;
      }
      applyServerError(err, form.setError, [...VISIT_FIELDS.map((f) => `entry.${f}`), 'paidElsewhereBasic', 'paidElsewhereCritical']);
    }
  });
  const e = form.formState.errors;
  const hospitalOptions = (hospitals.data ?? []).map((h) => ({
    value: h.id,
    label: `${h.name}（${HOSPITAL_LEVEL_LABELS[h.level]}·${h.regionName}${h.isNetworked ? '' : '·未联网'}）`,
  }));
  return (
    <Stack>
      <Title order={3}>零星报销 · 受理</Title>
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Controller
                    control={form.control}
                    name="kind"
                    render={({ field }) => (
                      <div>
                        <Text size="sm" fw={500} mb={4}>
                          报销类型
                        </Text>
                        <SegmentedControl
                          value={field.value}
                          onChange={field.onChange}
                          data={(['non_networked', 'offsite_networked'] as const).map((k) => ({
                            value: k,
                            label: REIMBURSEMENT_KIND_LABELS[k],
                          }))}
                        />
                      </div>
                    )}
                  />
                  <Controller
                    control={form.control}
                    name="entry.personId"
                    render={({ field }) => (
                      <PersonPicker value={field.value} onChange={field.onChange} error={e.entry?.personId?.message} />
                    )}
                  />
                  <Controller
                    control={form.control}
                    name="entry.visitType"
                    render={({ field }) => (
                      <div>
                        <Text size="sm" fw={500} mb={4}>
                          就诊类型
                        </Text>
                        <SegmentedControl
                          value={field.value}
                          onChange={field.onChange}
                          data={(['inpatient', 'chronic_outpatient', 'outpatient'] as const).map((v) => ({
                            value: v,
                            label: VISIT_TYPE_LABELS[v],
                          }))}
                        />
                      </div>
                    )}
                  />
                  <Controller
                    control={form.control}
                    name="entry.hospitalId"
                    render={({ field }) => (
                      <Select
                        label="就诊医院"
                        withAsterisk
                        searchable
                        data={hospitalOptions}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        error={e.entry?.hospitalId?.message}
                        nothingFoundMessage="名单中没有该医院"
                      />
                    )}
                  />
                  <SimpleGrid cols={2}>
                    <TextInput
                      type="date"
                      label={visitType === 'inpatient' ? '入院日期' : '就诊日期'}
                      withAsterisk
                      {...form.register('entry.admissionDate')}
                      error={e.entry?.admissionDate?.message}
                    />
                    {visitType === 'inpatient' && (
                      <TextInput
                        type="date"
                        label="出院日期"
                        withAsterisk
                        {...form.register('entry.dischargeDate')}
                        error={e.entry?.dischargeDate?.message}
                      />
                    )}
                  </SimpleGrid>
                  <TextInput label="诊断" withAsterisk {...form.register('entry.diagnosis')} error={e.entry?.diagnosis?.message} />
                  <SimpleGrid cols={2}>
                    <TextInput
                      label="医疗总费用（元）"
                      withAsterisk
                      inputMode="decimal"
                      {...form.register('entry.totalCost')}
                      error={e.entry?.totalCost?.message}
                    />
                    <TextInput
                      label="政策范围内费用（元）"
                      withAsterisk
                      inputMode="decimal"
                      {...form.register('entry.inScopeCost')}
                      error={e.entry?.inScopeCost?.message}
                    />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed">
                    县域外住院是否已转诊，由系统按转诊转院备案登记核对（000 §二(七)），无需手工勾选。
                  </Text>
                  {kind === 'offsite_networked' && (
                    <Alert color="blue" p="sm" title="州外联网医院已直接结算基本医保和大病保险（000 §二(五)2）">
                      <SimpleGrid cols={2}>
                        <TextInput
                          label="医院已结算基本医保（元）"
                          inputMode="decimal"
                          {...form.register('paidElsewhereBasic')}
                          error={e.paidElsewhereBasic?.message}
                        />
                        <TextInput
                          label="医院已结算大病保险（元）"
                          inputMode="decimal"
                          {...form.register('paidElsewhereCritical')}
                          error={e.paidElsewhereCritical?.message}
                        />
                      </SimpleGrid>
                      <Text size="xs" c="dimmed" mt={4}>
                        按医院结算单填写；本流程只支付医疗救助部分。
                      </Text>
                    </Alert>
                  )}
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Paper withBorder p="md">
                <Text fw={600} mb="xs">
                  申报材料（逐项勾选已收到的）
                </Text>
                <Stack gap={8}>
                  {MATERIAL_ITEMS.map((m) => (
                    <Controller
                      key={m}
                      control={form.control}
                      name={`materials.${m}`}
                      render={({ field }) => (
                        <Checkbox
                          label={MATERIAL_LABELS[m]}
                          checked={field.value}
                          onChange={(ev) => field.onChange(ev.currentTarget.checked)}
                        />
                      )}
                    />
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
              <Group justify="flex-end" mt="md">
                <Button variant="default" onClick={() => navigate('/reimbursements')}>
                  取消
                </Button>
                <Button type="submit" loading={form.formState.isSubmitting}>
                  受理
                </Button>
              </Group>
            </Grid.Col>
          </Grid>
        </fieldset>
      </form>
    </Stack>
  );
}
