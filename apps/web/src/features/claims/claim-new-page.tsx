import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
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
  buildClaimSettleRequest,
  formatYuan,
  HOSPITAL_LEVEL_LABELS,
  isReferralRequired,
  listSpecialDiseases,
  LOCATION_LABELS,
  parseSettleRequest,
  PROFILES,
  settle,
  VISIT_TYPE_LABELS,
  ZClaimEntry,
  type TProfileId,
} from '@portal/rules';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { toEntry, ZClaimForm, type TClaimForm } from './claim-form-schema';
import { PersonPicker } from './person-picker';
import { SettlementTable } from './settlement-preview';

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export function ClaimNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newKey);
  const today = useQuery(trpc.system.info.queryOptions()).data?.today ?? '';
  const form = useForm<TClaimForm>({
    resolver: zodResolver(ZClaimForm),
    mode: 'onTouched',
    defaultValues: {
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
  });
  const values = useWatch({ control: form.control }) as TClaimForm;
  const visitDate = values.visitType === 'inpatient' ? values.dischargeDate : values.admissionDate;
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({}));
  const context = useQuery({
    ...trpc.claims.context.queryOptions({
      personId: values.personId,
      date: visitDate || today || '2000-01-01',
      hospitalId: values.hospitalId || undefined,
      admissionDate: values.hospitalId && /^\d{4}-\d{2}-\d{2}$/.test(values.admissionDate) ? values.admissionDate : undefined,
      visitType: values.visitType,
    }),
    enabled: Boolean(values.personId && (visitDate || today)),
    placeholderData: keepPreviousData,
  });
  const ctx = context.data;
  const profile = ctx?.profile as TProfileId | undefined;
  const referralRequired = ctx?.location ? isReferralRequired(values.visitType, ctx.location) : false;
  // "Referred" comes from the server's referral decision, never from a tick by hand (issue 7, 11).
  const referral = referralRequired ? (ctx?.referral ?? null) : null;
  const isReferred = referral?.referred ?? false;
  const isOffsite = referral?.offsiteRegistered ?? false;

  const preview = useMemo(() => {
    if (!ctx || !ctx.hospital || !ctx.location) return null;
    const parsedForm = ZClaimForm.safeParse(values);
    if (!parsedForm.success) return null;
    const entry = ZClaimEntry.safeParse(toEntry(parsedForm.data));
    if (!entry.success) return { error: entry.error.issues[0]?.message ?? '输入有误' };
    const request = buildClaimSettleRequest(entry.data, {
      profile: ctx.profile as TProfileId,
      params: ctx.params,
      categories: ctx.categories.map((c) => c.id),
      countyCode: ctx.person.countyCode,
      hospital: ctx.hospital,
      location: ctx.location,
      referral: { referred: isReferred, offsiteRegistered: isOffsite },
      ytd: ctx.ytd,
    });
    const parsed = parseSettleRequest(request);
    if (!parsed.success) return { error: parsed.message };
    return { result: settle(parsed.data) };
  }, [ctx, values, isReferred, isOffsite]);

  const create = useMutation(trpc.claims.create.mutationOptions());
  const onSubmit = form.handleSubmit(async (v) => {
    try {
      const claim = await create.mutateAsync({ entry: toEntry(v), idempotencyKey });
      await queryClient.invalidateQueries({ queryKey: trpc.claims.pathKey() });
      void navigate(`/claims/${claim.id}`);
    } catch (err) {
      applyServerError(err, form.setError, [
        'personId',
        'hospitalId',
        'admissionDate',
        'dischargeDate',
        'diagnosis',
        'totalCost',
        'inScopeCost',
        'specialDrugCost',
      ]);
    }
  });
  const e = form.formState.errors;
  const hospitalOptions = (hospitals.data ?? []).map((h) => ({
    value: h.id,
    label: `${h.name}（${HOSPITAL_LEVEL_LABELS[h.level]}·${h.regionName}${h.isNetworked ? '' : '·未联网'}）`,
  }));
  const diseases = profile ? listSpecialDiseases(profile) : [];

  return (
    <Stack>
      <Title order={3}>一站式结算 · 新增结算</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md">
            <form onSubmit={onSubmit} noValidate>
              <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
                <Stack gap="sm">
                  <Controller
                    control={form.control}
                    name="personId"
                    render={({ field }) => <PersonPicker value={field.value} onChange={field.onChange} error={e.personId?.message} />}
                  />
                  <Controller
                    control={form.control}
                    name="visitType"
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
                    name="hospitalId"
                    render={({ field }) => (
                      <Select
                        label="就诊医院"
                        withAsterisk
                        searchable
                        data={hospitalOptions}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        error={e.hospitalId?.message}
                        nothingFoundMessage="名单中没有该医院"
                      />
                    )}
                  />
                  <SimpleGrid cols={2}>
                    <TextInput
                      type="date"
                      label={values.visitType === 'inpatient' ? '入院日期' : '就诊日期'}
                      withAsterisk
                      {...form.register('admissionDate')}
                      error={e.admissionDate?.message}
                    />
                    {values.visitType === 'inpatient' && (
                      <TextInput
                        type="date"
                        label="出院日期"
                        withAsterisk
                        {...form.register('dischargeDate')}
                        error={e.dischargeDate?.message}
                      />
                    )}
                  </SimpleGrid>
                  <TextInput label="诊断" withAsterisk {...form.register('diagnosis')} error={e.diagnosis?.message} />
                  {diseases.length > 0 && (
                    <Controller
                      control={form.control}
                      name="specialDisease"
                      render={({ field }) => (
                        <Select
                          label="特殊病种（如有）"
                          clearable
                          searchable
                          data={diseases.map((d) => ({ value: d.id, label: d.name }))}
                          value={field.value}
                          onChange={field.onChange}
                        />
                      )}
                    />
                  )}
                  <SimpleGrid cols={2}>
                    <TextInput
                      label="医疗总费用（元）"
                      withAsterisk
                      inputMode="decimal"
                      {...form.register('totalCost')}
                      error={e.totalCost?.message}
                    />
                    <TextInput
                      label="政策范围内费用（元）"
                      withAsterisk
                      inputMode="decimal"
                      {...form.register('inScopeCost')}
                      error={e.inScopeCost?.message}
                    />
                  </SimpleGrid>
                  {profile && PROFILES[profile].capabilities.hasSpecialDrugs && (
                    <TextInput
                      label="单独补偿特药费用（元）"
                      description="属于政策范围外费用的一部分"
                      inputMode="decimal"
                      {...form.register('specialDrugCost')}
                      error={e.specialDrugCost?.message}
                    />
                  )}
                  {referralRequired && (
                    <Alert
                      color={referral?.source === 'registry' ? 'green' : referral?.source === 'override' ? 'blue' : 'orange'}
                      p="xs"
                      title={
                        referral?.source === 'registry'
                          ? '已查到转诊转院备案'
                          : referral?.source === 'override'
                            ? '审核认定视同转诊'
                            : '县域外住院须办理转诊转院备案'
                      }
                      data-testid="referral-status"
                    >
                      <Checkbox
                        label="按已转诊结算"
                        checked={isReferred || isOffsite}
                        disabled
                        readOnly
                        description="由转诊备案登记自动判定，不能手工勾选"
                      />
                      <Text size="sm" mt={6}>
                        {!values.admissionDate
                          ? '填写入院日期后查询转诊备案。'
                          : context.isFetching && !referral
                            ? '正在查询转诊备案…'
                            : (referral?.note ?? '正在查询转诊备案…')}
                      </Text>
                      {referral?.source === 'none' && (
                        <Text size="xs" c="dimmed" mt={4}>
                          未转诊的，不享受降低起付线、提高报销比例等倾斜政策（000 §二(七)）；咸宁口径不享受倾斜救助（002 §三(三)）。请先
                          <Text component={Link} to="/referrals/new" size="xs" c="blue" span>
                            登记转诊备案
                          </Text>
                          ，急诊等特殊情况由审核人员办理视同转诊认定。
                        </Text>
                      )}
                    </Alert>
                  )}
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => navigate('/claims')}>
                      取消
                    </Button>
                    <Button type="submit" loading={form.formState.isSubmitting}>
                      保存结算
                    </Button>
                  </Group>
                </Stack>
              </fieldset>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                参保人信息
              </Text>
              {!values.personId ? (
                <Text size="sm" c="dimmed">
                  请先选择参保人
                </Text>
              ) : (
                <QueryState query={context}>
                  {() =>
                    ctx && (
                      <Stack gap={6}>
                        <Text size="sm">
                          {ctx.person.name}　{ctx.person.idNumberMasked}　{ctx.person.orgUnitName}（{ctx.profileLabel}口径）
                        </Text>
                        <Group gap={6}>
                          <Text size="sm">{visitDate ? `${visitDate} 有效身份：` : '今日有效身份：'}</Text>
                          {ctx.categories.length ? (
                            ctx.categories.map((c) => (
                              <Badge key={c.id} variant="light">
                                {c.label}
                              </Badge>
                            ))
                          ) : (
                            <Badge color="gray">无（按普通参保人员结算）</Badge>
                          )}
                        </Group>
                        {ctx.location && (
                          <Text size="sm">
                            就医地：{LOCATION_LABELS[ctx.location]}
                            {referralRequired ? '（需转诊备案）' : ''}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {ctx.year} 年累计：基本医保已付 {formatYuan(ctx.ytd.basic)} 元 / 封顶 {formatYuan(ctx.params.basic.annualCap)}{' '}
                          元；大病累计基数 {formatYuan(ctx.ytd.criticalBase)} 元，已付 {formatYuan(ctx.ytd.critical)} 元；医疗救助已付{' '}
                          {formatYuan(ctx.ytd.assistance)} 元
                          {ctx.params.assistance.annualCap > 0
                            ? ` / 封顶 ${formatYuan(ctx.params.assistance.annualCap)} 元`
                            : '（限额按身份类别依文件规定）'}
                          {ctx.paramVersion ? `（参数版本 ${ctx.paramVersion}，${ctx.paramEffectiveFrom} 起）` : '（默认参数）'}
                        </Text>
                      </Stack>
                    )
                  }
                </QueryState>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                结算预览
              </Text>
              {!preview ? (
                <Text size="sm" c="dimmed">
                  填写参保人、医院、日期和费用后即时显示各项支付。
                </Text>
              ) : 'error' in preview ? (
                <Alert color="red" p="xs">
                  {preview.error}
                </Alert>
              ) : (
                preview.result && <SettlementTable result={preview.result} />
              )}
              <Text size="xs" c="dimmed" mt="xs">
                预览与保存使用同一套政策计算规则；保存时由服务器按最新累计数重新计算。
              </Text>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
