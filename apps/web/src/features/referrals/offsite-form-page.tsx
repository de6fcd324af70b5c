import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OFFSITE_TYPE_LABELS, OFFSITE_TYPES, PROVINCES, ZCreateOffsiteInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useController, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useTRPC } from '../../lib/trpc';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';
import { PersonCheck } from './person-check';

type OffsiteForm = ZodForm<typeof ZCreateOffsiteInput>;

/** An optional city field: blank is "not given" (null), as the rules schema reads it. */
function CityField({
  form,
  name,
  ...props
}: {
  form: OffsiteForm;
  name: 'cityCode' | 'cityName';
  label: string;
  description: string;
  placeholder: string;
}) {
  const { field, fieldState } = useController({ control: form.control, name });
  return (
    <TextInput
      {...props}
      ref={field.ref}
      name={field.name}
      value={field.value ?? ''}
      onChange={(e) => field.onChange(e.currentTarget.value.trim() || null)}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/** 登记异地就医备案: the identity check, then where, when and on what evidence the person is treated elsewhere. */
export function OffsiteFormPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm(ZCreateOffsiteInput, {
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
  const checked = useWatch({ control: form.control, name: 'idNumber' });
  const idError = form.formState.errors.idNumber?.message;
  return (
    <Stack maw={880}>
      <Group justify="space-between">
        <Title order={3}>登记异地就医备案</Title>
        <Button component={Link} to="/referrals?tab=offsite" variant="default">
          返回列表
        </Button>
      </Group>
      <PersonCheck onChecked={(idNumber) => form.setValue('idNumber', idNumber ?? '')} />
      {idError && (
        <Alert color="red" p="xs">
          {idError}
        </Alert>
      )}
      {checked && (
        <Paper withBorder p="md">
          <FormShell
            form={form}
            submitLabel="备案"
            onSubmit={async (values) => {
              const created = await create.mutateAsync(values);
              await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
              notifications.show({ color: 'green', message: `已备案，编号 ${created.registrationNo}` });
              void navigate('/referrals?tab=offsite');
            }}
          >
            <SelectField
              control={form.control}
              name="type"
              label="备案类型"
              withAsterisk
              w={280}
              data={OFFSITE_TYPES.map((t) => ({ value: t, label: OFFSITE_TYPE_LABELS[t] }))}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <SelectField
                control={form.control}
                name="provinceCode"
                label="就医省份"
                withAsterisk
                searchable
                data={PROVINCES.map(([code, name]) => ({ value: code, label: name }))}
              />
              <CityField form={form} name="cityCode" label="地市区划代码" description="不填则全省有效" placeholder="如 420100" />
              <CityField form={form} name="cityName" label="地市名称" description="填了区划代码时必填" placeholder="如 武汉市" />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField control={form.control} name="startDate" label="开始日期" withAsterisk />
              <DateField control={form.control} name="endDate" label="结束日期" withAsterisk />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextField
                control={form.control}
                name="documentType"
                label="证明材料"
                withAsterisk
                placeholder="如：居住证、劳动合同、安置证明、转诊证明"
              />
              <TextField
                control={form.control}
                name="documentNo"
                label="材料编号或说明"
                withAsterisk
                placeholder="如：证件编号、合同编号"
              />
            </SimpleGrid>
          </FormShell>
        </Paper>
      )}
    </Stack>
  );
}
