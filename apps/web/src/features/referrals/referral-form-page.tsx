import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  addCalendarDays,
  HOSPITAL_LEVEL_LABELS,
  PROFILES,
  REFERRAL_TIER_LABELS,
  ZCreateReferralInput,
  type TCreateReferralInput,
  type TProfileId,
} from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { PersonCheck, useServerToday, type Prepared } from './shared';

const FIELDS = [
  'idNumber',
  'issuingHospitalId',
  'destinationHospitalId',
  'diagnosis',
  'reason',
  'issueDate',
  'plannedAdmissionDate',
  'registerNow',
] as const;

/** What the profile requires of the hospital that issues a referral (capabilities.referralIssuer), as the field's hint. */
function issuerRule(profile: string | null | undefined): string | undefined {
  const issuer = profile ? PROFILES[profile as TProfileId]?.capabilities.referralIssuer : null;
  if (!issuer) return undefined;
  return `须为参保人${issuer.sameCounty ? '所在县域内' : ''}${HOSPITAL_LEVEL_LABELS[issuer.minLevel as 1 | 2 | 3]}及以上医疗机构`;
}

export function ReferralFormPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const today = useServerToday();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const form = useForm<TCreateReferralInput>({
    resolver: zodResolver(ZCreateReferralInput) as unknown as Resolver<TCreateReferralInput>,
    defaultValues: {
      idNumber: '',
      issuingHospitalId: '',
      destinationHospitalId: '',
      diagnosis: '',
      reason: '',
      issueDate: '',
      plannedAdmissionDate: '',
      registerNow: true,
    },
  });
  useEffect(() => {
    if (today && !form.getValues('issueDate')) form.setValue('issueDate', today);
  }, [today, form]);
  const create = useMutation(trpc.referrals.create.mutationOptions());
  const e = form.formState.errors;
  const issueDate = form.watch('issueDate');
  const issuerId = form.watch('issuingHospitalId');
  const issuerProblem = prepared?.issuingHospitals.find((h) => h.id === issuerId)?.problem ?? null;
  const lastDay = prepared && issueDate ? addCalendarDays(issueDate, prepared.validityDays - 1) : null;

  const submit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync(values as never);
      await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
      notifications.show({ color: 'green', message: created.referralNo ? `已备案，转诊编号 ${created.referralNo}` : '已登记，等待备案' });
      void navigate(`/referrals/${created.id}`);
    } catch (err) {
      applyServerError(err, form.setError, FIELDS);
    }
  });

  const destinationGroups = (['provincial', 'city'] as const)
    .map((tier) => ({
      group: REFERRAL_TIER_LABELS[tier],
      items: (prepared?.destinations ?? [])
        .filter((d) => d.referralTier === tier)
        .map((d) => ({ value: d.id, label: `${d.name}（${d.regionName}）` })),
    }))
    .filter((g) => g.items.length > 0);

  return (
    <Stack maw={880}>
      <Group justify="space-between">
        <Title order={3}>登记转诊转院备案</Title>
        <Button component={Link} to="/referrals" variant="default">
          返回列表
        </Button>
      </Group>
      <PersonCheck
        onChecked={(idNumber, p) => {
          setPrepared(p);
          form.setValue('idNumber', idNumber ?? '');
          form.clearErrors('idNumber');
        }}
      />
      {e.idNumber && (
        <Alert color="red" p="xs">
          {e.idNumber.message}
        </Alert>
      )}
      {prepared && (
        <form onSubmit={submit} noValidate>
          <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Paper withBorder p="md">
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Controller
                    control={form.control}
                    name="issuingHospitalId"
                    render={({ field }) => (
                      <Select
                        label="出具转诊证明的医院"
                        description={issuerRule(prepared.person.profile)}
                        withAsterisk
                        searchable
                        data={prepared.issuingHospitals.map((h) => ({
                          value: h.id,
                          label: `${h.name}（${HOSPITAL_LEVEL_LABELS[h.level as 1 | 2 | 3] ?? h.level}，${h.regionName}）`,
                        }))}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        error={e.issuingHospitalId?.message ?? issuerProblem}
                        nothingFoundMessage="没有匹配的医院"
                      />
                    )}
                  />
                  <Controller
                    control={form.control}
                    name="destinationHospitalId"
                    render={({ field }) => (
                      <Select
                        label="转往医院（指定转诊定点医疗机构）"
                        withAsterisk
                        searchable
                        data={destinationGroups}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        error={e.destinationHospitalId?.message}
                        nothingFoundMessage="本地区尚未设定转诊定点医院，请联系管理员"
                      />
                    )}
                  />
                </SimpleGrid>
                <TextInput
                  label="诊断"
                  withAsterisk
                  placeholder="如：肺恶性肿瘤"
                  {...form.register('diagnosis')}
                  error={e.diagnosis?.message}
                />
                <Textarea
                  label="转诊原因"
                  withAsterisk
                  autosize
                  minRows={2}
                  placeholder="如：本院不具备放射治疗条件"
                  {...form.register('reason')}
                  error={e.reason?.message}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    type="date"
                    label="开具日期"
                    withAsterisk
                    max={today}
                    {...form.register('issueDate')}
                    error={e.issueDate?.message}
                  />
                  <TextInput
                    type="date"
                    label="计划入院日期"
                    withAsterisk
                    {...form.register('plannedAdmissionDate')}
                    error={e.plannedAdmissionDate?.message}
                  />
                </SimpleGrid>
                {lastDay && (
                  <Text size="sm" c="dimmed">
                    本地转诊有效期 {prepared.validityDays} 天（自开具之日起算），本次转诊可用至 {lastDay}。
                  </Text>
                )}
                <Controller
                  control={form.control}
                  name="registerNow"
                  render={({ field }) => (
                    <Radio.Group label="办理方式" value={field.value ? 'now' : 'later'} onChange={(v) => field.onChange(v === 'now')}>
                      <Group mt={4}>
                        <Radio value="now" label="窗口代医院登记并立即备案（生成电子转诊编号）" />
                        <Radio value="later" label="仅登记，待审核后备案" />
                      </Group>
                    </Radio.Group>
                  )}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={form.formState.isSubmitting}>
                    提交
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </fieldset>
        </form>
      )}
    </Stack>
  );
}
