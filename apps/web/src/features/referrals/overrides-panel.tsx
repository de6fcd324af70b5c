import { Alert, Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, ZCreateReferralOverrideInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { DateField, SelectField, TextareaField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';
import { PersonCheck, type Prepared } from './person-check';

type Override = RouterOutputs['referrals']['listOverrides'][number];

const COLUMNS: ColumnDef<Override, never>[] = [
  { id: 'name', header: '姓名', accessorKey: 'personName' },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
  { id: 'hospital', header: '就诊医院', accessorKey: 'hospitalName' },
  { id: 'admissionDate', header: '入院日期', cell: ({ row }) => formatDate(row.original.admissionDate) },
  { id: 'reason', header: '认定理由', accessorKey: 'reason' },
  { id: 'by', header: '认定人', accessorKey: 'createdByName' },
  {
    id: 'used',
    header: '结算',
    cell: ({ row }) => (row.original.isUsed ? <Badge color="green">已用于结算</Badge> : <Badge color="gray">未结算</Badge>),
  },
];

/** Reviewers record "counts as referred" decisions; everyone in casework sees the list. */
export function OverridesPanel() {
  const trpc = useTRPC();
  const me = useMe().data;
  const list = useQuery(trpc.referrals.listOverrides.queryOptions({ page: 1 }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        没有转诊或异地就医备案、但确因急诊等原因应按“经转诊”结算的住院，由审核复核人员认定并写明理由；一站式结算录入该次住院时自动采用，操作留痕。
      </Text>
      {me && can(me.role, 'referrals.override') ? <OverrideForm /> : <Alert color="gray">只有审核复核人员可以认定视同转诊。</Alert>}
      <DataTable columns={COLUMNS} rows={list.data} getRowId={(o) => o.id} query={list} empty="尚无视同转诊认定" minWidth={900} />
    </Stack>
  );
}

function OverrideFields({ form, prepared }: { form: ZodForm<typeof ZCreateReferralOverrideInput>; prepared: Prepared }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={form.control}
          name="hospitalId"
          label="就诊医院"
          withAsterisk
          searchable
          data={prepared.issuingHospitals.map((h) => ({ value: h.id, label: `${h.name}（${h.regionName}）` }))}
        />
        <DateField control={form.control} name="admissionDate" label="入院日期" withAsterisk />
      </SimpleGrid>
      <TextareaField
        control={form.control}
        name="reason"
        label="认定理由"
        withAsterisk
        autosize
        minRows={2}
        placeholder="如：急诊转院，事后补办转诊证明"
      />
    </>
  );
}

function OverrideForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const form = useZodForm(ZCreateReferralOverrideInput, {
    defaultValues: { personId: '', hospitalId: '', admissionDate: '', reason: '' },
  });
  const create = useMutation(trpc.referrals.createOverride.mutationOptions());
  return (
    <Stack>
      <PersonCheck
        onChecked={(_, p) => {
          setPrepared(p);
          form.setValue('personId', p?.person.id ?? '');
        }}
      />
      {prepared && (
        <Paper withBorder p="md">
          <FormShell
            form={form}
            submitLabel="记录认定"
            onSubmit={async (values) => {
              await create.mutateAsync(values);
              await queryClient.invalidateQueries({ queryKey: trpc.referrals.listOverrides.queryKey() });
              notifications.show({ color: 'green', message: '已记录视同转诊认定' });
              form.reset({ personId: values.personId, hospitalId: '', admissionDate: '', reason: '' });
            }}
          >
            <OverrideFields form={form} prepared={prepared} />
          </FormShell>
        </Paper>
      )}
    </Stack>
  );
}
