import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OFFSITE_TYPE_LABELS, OFFSITE_TYPES, PROVINCES, ZCreateOffsiteInput, type TCreateOffsiteInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { PersonCheck } from './shared';

const FIELDS = ['idNumber', 'type', 'provinceCode', 'cityCode', 'cityName', 'startDate', 'endDate', 'documentType', 'documentNo'] as const;

export function OffsiteFormPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<TCreateOffsiteInput>({
    resolver: zodResolver(ZCreateOffsiteInput) as unknown as Resolver<TCreateOffsiteInput>,
    defaultValues: {
      idNumber: '',
      type: undefined,
      provinceCode: '',
      cityCode: null,
      cityName: null,
      startDate: '',
      endDate: '',
      documentType: '',
      documentNo: '',
    },
  });
  const create = useMutation(trpc.referrals.createOffsite.mutationOptions());
  const e = form.formState.errors;
  const checked = form.watch('idNumber');
  const submit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync(values as never);
      await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
      notifications.show({ color: 'green', message: `已备案，编号 ${created.registrationNo}` });
      void navigate('/referrals?tab=offsite');
    } catch (err) {
      applyServerError(err, form.setError, FIELDS);
    }
  });
  return (
    <Stack maw={880}>
      <Group justify="space-between">
        <Title order={3}>登记异地就医备案</Title>
        <Button component={Link} to="/referrals?tab=offsite" variant="default">
          返回列表
        </Button>
      </Group>
      <PersonCheck onChecked={(idNumber) => form.setValue('idNumber', idNumber ?? '')} />
      {e.idNumber && (
        <Alert color="red" p="xs">
          {e.idNumber.message}
        </Alert>
      )}
      {checked && (
        <form onSubmit={submit} noValidate>
          <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Paper withBorder p="md">
              <Stack>
                <Controller
                  control={form.control}
                  name="type"
                  render={({ field }) => (
                    <Select
                      label="备案类型"
                      withAsterisk
                      data={OFFSITE_TYPES.map((t) => ({ value: t, label: OFFSITE_TYPE_LABELS[t] }))}
                      value={field.value ?? null}
                      onChange={(v) => field.onChange(v ?? undefined)}
                      error={e.type?.message}
                      w={280}
                    />
                  )}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Controller
                    control={form.control}
                    name="provinceCode"
                    render={({ field }) => (
                      <Select
                        label="就医省份"
                        withAsterisk
                        searchable
                        data={PROVINCES.map(([code, name]) => ({ value: code, label: name }))}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        error={e.provinceCode?.message}
                      />
                    )}
                  />
                  <Controller
                    control={form.control}
                    name="cityCode"
                    render={({ field }) => (
                      <TextInput
                        label="地市区划代码"
                        description="不填则全省有效"
                        placeholder="如 420100"
                        value={field.value ?? ''}
                        onChange={(ev) => field.onChange(ev.currentTarget.value.trim() || null)}
                        error={e.cityCode?.message}
                      />
                    )}
                  />
                  <Controller
                    control={form.control}
                    name="cityName"
                    render={({ field }) => (
                      <TextInput
                        label="地市名称"
                        description="填了区划代码时必填"
                        placeholder="如 武汉市"
                        value={field.value ?? ''}
                        onChange={(ev) => field.onChange(ev.currentTarget.value.trim() || null)}
                        error={e.cityName?.message}
                      />
                    )}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput type="date" label="开始日期" withAsterisk {...form.register('startDate')} error={e.startDate?.message} />
                  <TextInput type="date" label="结束日期" withAsterisk {...form.register('endDate')} error={e.endDate?.message} />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="证明材料"
                    withAsterisk
                    placeholder="如：居住证、劳动合同、安置证明、转诊证明"
                    {...form.register('documentType')}
                    error={e.documentType?.message}
                  />
                  <TextInput
                    label="材料编号或说明"
                    withAsterisk
                    placeholder="如：证件编号、合同编号"
                    {...form.register('documentNo')}
                    error={e.documentNo?.message}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button type="submit" loading={form.formState.isSubmitting}>
                    备案
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
