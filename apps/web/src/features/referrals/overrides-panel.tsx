import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZCreateReferralOverrideInput, type TCreateReferralOverrideInput } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { PersonCheck, type Prepared } from './shared';

/** Reviewers record "counts as referred" decisions; everyone in casework sees the list. */
export function OverridesPanel() {
  const trpc = useTRPC();
  const me = useMe();
  const list = useQuery(trpc.referrals.listOverrides.queryOptions({ page: 1 }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        没有转诊或异地就医备案、但确因急诊等原因应按“经转诊”结算的住院，由审核复核人员认定并写明理由；一站式结算录入该次住院时自动采用，操作留痕。
      </Text>
      {me.data?.role === 'reviewer' ? <OverrideForm /> : <Alert color="gray">只有审核复核人员可以认定视同转诊。</Alert>}
      <QueryState query={list}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>就诊医院</Table.Th>
                  <Table.Th>入院日期</Table.Th>
                  <Table.Th>认定理由</Table.Th>
                  <Table.Th>认定人</Table.Th>
                  <Table.Th>结算</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        尚无视同转诊认定
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data?.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.personName}</Table.Td>
                    <Table.Td ff="monospace">{o.idNumberMasked}</Table.Td>
                    <Table.Td>{o.hospitalName}</Table.Td>
                    <Table.Td>{o.admissionDate}</Table.Td>
                    <Table.Td>{o.reason}</Table.Td>
                    <Table.Td>{o.createdByName}</Table.Td>
                    <Table.Td>{o.isUsed ? <Badge color="green">已用于结算</Badge> : <Badge color="gray">未结算</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}

function OverrideForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const form = useForm<TCreateReferralOverrideInput>({
    resolver: zodResolver(ZCreateReferralOverrideInput) as unknown as Resolver<TCreateReferralOverrideInput>,
    defaultValues: { personId: '', hospitalId: '', admissionDate: '', reason: '' },
  });
  const create = useMutation(trpc.referrals.createOverride.mutationOptions());
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.referrals.listOverrides.queryKey() });
      notifications.show({ color: 'green', message: '已记录视同转诊认定' });
      form.reset({ personId: values.personId, hospitalId: '', admissionDate: '', reason: '' });
    } catch (err) {
      applyServerError(err, form.setError, ['personId', 'hospitalId', 'admissionDate', 'reason']);
    }
  });
  return (
    <Stack>
      <PersonCheck
        onChecked={(_, p) => {
          setPrepared(p);
          form.setValue('personId', p?.person.id ?? '');
        }}
      />
      {prepared && (
        <form onSubmit={submit} noValidate>
          <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Paper withBorder p="md">
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Controller
                    control={form.control}
                    name="hospitalId"
                    render={({ field }) => (
                      <Select
                        label="就诊医院"
                        withAsterisk
                        searchable
                        data={prepared.issuingHospitals.map((h) => ({ value: h.id, label: `${h.name}（${h.regionName}）` }))}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                        error={e.hospitalId?.message}
                      />
                    )}
                  />
                  <TextInput
                    type="date"
                    label="入院日期"
                    withAsterisk
                    {...form.register('admissionDate')}
                    error={e.admissionDate?.message}
                  />
                </SimpleGrid>
                <Textarea
                  label="认定理由"
                  withAsterisk
                  autosize
                  minRows={2}
                  placeholder="如：急诊转院，事后补办转诊证明"
                  {...form.register('reason')}
                  error={e.reason?.message}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={form.formState.isSubmitting}>
                    记录认定
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
