import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addCalendarDays, HOSPITAL_LEVEL_LABELS, PROFILES, REFERRAL_TIER_LABELS, ZCreateReferralInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { DateField, SelectField, TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';
import { PersonCheck, type Prepared } from './person-check';

type ReferralForm = ZodForm<typeof ZCreateReferralInput>;

/** What the jurisdiction asks of the issuing hospital, in words (Xianning: level 2 or above, the person's county). */
function issuerRule(prepared: Prepared): string | undefined {
  const rule = PROFILES[prepared.person.profile].capabilities.referralIssuer;
  if (!rule) return undefined;
  const level = HOSPITAL_LEVEL_LABELS[rule.minLevel as 1 | 2 | 3] ?? `${rule.minLevel} 级`;
  return `须为${rule.sameCounty ? '参保人所在县域内' : ''}${level}及以上医疗机构`;
}

function RegisterNowField({ form }: { form: ReferralForm }) {
  const { field } = useController({ control: form.control, name: 'registerNow' });
  return (
    <Radio.Group label="办理方式" value={field.value === false ? 'later' : 'now'} onChange={(v) => field.onChange(v === 'now')}>
      <Group mt={4}>
        <Radio value="now" label="窗口代医院登记并立即备案（生成电子转诊编号）" />
        <Radio value="later" label="仅登记，待审核后备案" />
      </Group>
    </Radio.Group>
  );
}

function ReferralFields({ form, prepared, today }: { form: ReferralForm; prepared: Prepared; today: string | undefined }) {
  const [issueDate, issuerId] = useWatch({ control: form.control, name: ['issueDate', 'issuingHospitalId'] });
  const issuerProblem = prepared.issuingHospitals.find((h) => h.id === issuerId)?.problem ?? undefined;
  const lastDay = /^\d{4}-\d{2}-\d{2}$/.test(issueDate) ? addCalendarDays(issueDate, prepared.validityDays - 1) : null;
  const destinations = (['provincial', 'city'] as const)
    .map((tier) => ({
      group: REFERRAL_TIER_LABELS[tier],
      items: prepared.destinations
        .filter((d) => d.referralTier === tier)
        .map((d) => ({ value: d.id, label: `${d.name}（${d.regionName}）` })),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={form.control}
          name="issuingHospitalId"
          label="出具转诊证明的医院"
          description={issuerRule(prepared)}
          withAsterisk
          searchable
          data={prepared.issuingHospitals.map((h) => ({
            value: h.id,
            label: `${h.name}（${HOSPITAL_LEVEL_LABELS[h.level as 1 | 2 | 3] ?? h.level}，${h.regionName}）`,
          }))}
          nothingFoundMessage="没有匹配的医院"
        />
        <SelectField
          control={form.control}
          name="destinationHospitalId"
          label="转往医院（指定转诊定点医疗机构）"
          withAsterisk
          searchable
          data={destinations}
          nothingFoundMessage="本地区尚未设定转诊定点医院，请联系管理员"
        />
      </SimpleGrid>
      {issuerProblem && !form.formState.errors.issuingHospitalId && (
        <Text size="sm" c="red" role="alert">
          {issuerProblem}
        </Text>
      )}
      <TextField control={form.control} name="diagnosis" label="诊断" withAsterisk placeholder="如：肺恶性肿瘤" />
      <TextareaField
        control={form.control}
        name="reason"
        label="转诊原因"
        withAsterisk
        autosize
        minRows={2}
        placeholder="如：本院不具备放射治疗条件"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField control={form.control} name="issueDate" label="开具日期" withAsterisk maxDate={today} />
        <DateField control={form.control} name="plannedAdmissionDate" label="计划入院日期" withAsterisk />
      </SimpleGrid>
      {lastDay && (
        <Text size="sm" c="dimmed">
          本地转诊有效期 {prepared.validityDays} 天（自开具之日起算），本次转诊可用至 {formatDate(lastDay)}。
        </Text>
      )}
      <RegisterNowField form={form} />
    </>
  );
}

/** 登记转诊转院备案: the identity check, then the certificate as the hospital issued it. */
export function ReferralFormPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { today } = useServerToday();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const form = useZodForm(ZCreateReferralInput, {
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
  const idError = form.formState.errors.idNumber?.message;
  const create = useMutation(trpc.referrals.create.mutationOptions());
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
          if (p && today && !form.getValues('issueDate')) form.setValue('issueDate', today);
        }}
      />
      {idError && (
        <Alert color="red" p="xs">
          {idError}
        </Alert>
      )}
      {prepared && (
        <Paper withBorder p="md">
          <FormShell
            form={form}
            submitLabel="提交"
            onSubmit={async (values) => {
              const created = await create.mutateAsync(values);
              await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
              notifications.show({
                color: 'green',
                message: created.referralNo ? `已备案，转诊编号 ${created.referralNo}` : '已登记，等待备案',
              });
              void navigate(`/referrals/${created.id}`);
            }}
          >
            <ReferralFields form={form} prepared={prepared} today={today} />
          </FormShell>
        </Paper>
      )}
    </Stack>
  );
}
