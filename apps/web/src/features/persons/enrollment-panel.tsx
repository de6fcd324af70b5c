import { zodResolver } from '@hookform/resolvers/zod';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { NOT_ENROLLED_REASONS, NOT_ENROLLED_REASON_LABELS, ZEnrollmentRecordInput, type TNotEnrolledReason } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

interface Enrollment {
  id: string;
  year: number;
  basicEnrolled: boolean;
  criticalEnrolled: boolean;
  premiumTier: number | null;
  enrolledOn: string | null;
  commercialSupplementary: boolean;
  notEnrolledReason: string | null;
  resolutionDeadline: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

type TForm = z.input<typeof ZEnrollmentRecordInput>;

/** Enrollment per year (应保尽保), with a form to record or correct a year. */
export function EnrollmentPanel({
  personId,
  rows,
  year,
  canEdit,
}: {
  personId: string;
  rows: Enrollment[];
  year: number;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<Enrollment | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between">
        <Title order={4}>参保登记</Title>
        {canEdit && (
          <Button size="xs" onClick={() => setEditing('new')}>
            登记参保情况
          </Button>
        )}
      </Group>
      <Paper withBorder>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="md">
            尚未登记参保情况
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>年度</Table.Th>
                <Table.Th>基本医保</Table.Th>
                <Table.Th>大病保险</Table.Th>
                <Table.Th>档次 / 日期</Table.Th>
                <Table.Th>商业补充</Table.Th>
                <Table.Th>未参保原因 / 解决时限</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td>
                    {r.basicEnrolled ? (
                      <Badge color="green" variant="light">
                        已参保
                      </Badge>
                    ) : (
                      <Badge color="red" variant="light">
                        未参保
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{r.criticalEnrolled ? '是' : '否'}</Table.Td>
                  <Table.Td>{r.basicEnrolled ? `${r.premiumTier === 2 ? '二档' : '一档'} · ${r.enrolledOn}` : '—'}</Table.Td>
                  <Table.Td>{r.commercialSupplementary ? '是' : '否'}</Table.Td>
                  <Table.Td>
                    {r.notEnrolledReason
                      ? `${NOT_ENROLLED_REASON_LABELS[r.notEnrolledReason as TNotEnrolledReason]}${r.resolutionDeadline ? ` · 限 ${r.resolutionDeadline} 前解决` : ''}${r.resolvedAt ? ' · 已销号' : ''}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>
                        修改
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title="登记参保情况" size="lg">
        {editing && (
          <EnrollmentForm personId={personId} initial={editing === 'new' ? null : editing} year={year} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}

function EnrollmentForm({
  personId,
  initial,
  year,
  onDone,
}: {
  personId: string;
  initial: Enrollment | null;
  year: number;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = useMutation(
    trpc.enrollment.record.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.persons.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.enrollment.worklist.queryKey() }),
        ]),
    }),
  );
  const form = useForm<TForm>({
    resolver: zodResolver(ZEnrollmentRecordInput as never) as unknown as Resolver<TForm>,
    defaultValues: {
      personId,
      year: initial?.year ?? year,
      basicEnrolled: initial?.basicEnrolled ?? true,
      criticalEnrolled: initial?.criticalEnrolled ?? true,
      premiumTier: (initial?.premiumTier as 1 | 2 | null) ?? 1,
      enrolledOn: initial?.enrolledOn ?? '',
      commercialSupplementary: initial?.commercialSupplementary ?? false,
      notEnrolledReason: (initial?.notEnrolledReason as TNotEnrolledReason) ?? undefined,
      resolutionDeadline: initial?.resolutionDeadline ?? '',
    },
  });
  const e = form.formState.errors;
  const enrolled = useWatch({ control: form.control, name: 'basicEnrolled' });
  const submit = form.handleSubmit(async (values) => {
    try {
      await record.mutateAsync(values as never);
      notifications.show({ color: 'green', message: values.basicEnrolled ? '参保情况已登记' : '已登记未参保原因，列入未参保工作台账' });
      onDone();
    } catch (err) {
      applyServerError(err, form.setError, [
        'year',
        'enrolledOn',
        'premiumTier',
        'criticalEnrolled',
        'notEnrolledReason',
        'resolutionDeadline',
        'note',
      ]);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <SimpleGrid cols={2}>
            <Controller
              control={form.control}
              name="year"
              render={({ field }) => (
                <NumberInput
                  label="参保年度"
                  withAsterisk
                  value={field.value}
                  onChange={(v) => field.onChange(Number(v))}
                  error={e.year?.message}
                  disabled={!!initial}
                />
              )}
            />
            <Controller
              control={form.control}
              name="basicEnrolled"
              render={({ field }) => (
                <Select
                  label="城乡居民基本医保"
                  data={[
                    { value: 'yes', label: '已参保' },
                    { value: 'no', label: '未参保' },
                  ]}
                  value={field.value ? 'yes' : 'no'}
                  onChange={(v) => {
                    field.onChange(v === 'yes');
                    if (v === 'no') form.setValue('criticalEnrolled', false);
                  }}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>
          {enrolled ? (
            <SimpleGrid cols={2}>
              <TextInput label="参保日期" type="date" withAsterisk {...form.register('enrolledOn')} error={e.enrolledOn?.message} />
              <Controller
                control={form.control}
                name="premiumTier"
                render={({ field }) => (
                  <Select
                    label="缴费档次"
                    withAsterisk
                    data={[
                      { value: '1', label: '一档' },
                      { value: '2', label: '二档（威海）' },
                    ]}
                    value={field.value ? String(field.value) : null}
                    onChange={(v) => field.onChange(v ? Number(v) : null)}
                    error={e.premiumTier?.message}
                  />
                )}
              />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={2}>
              <Controller
                control={form.control}
                name="notEnrolledReason"
                render={({ field }) => (
                  <Select
                    label="未参保原因"
                    withAsterisk
                    data={NOT_ENROLLED_REASONS.map((r) => ({ value: r, label: NOT_ENROLLED_REASON_LABELS[r] }))}
                    value={(field.value as string | undefined) ?? null}
                    onChange={(v) => field.onChange(v ?? undefined)}
                    error={e.notEnrolledReason?.message}
                  />
                )}
              />
              <TextInput
                label="解决时限"
                type="date"
                description="参军、外地参保、职工医保、死亡无需填写"
                {...form.register('resolutionDeadline')}
                error={e.resolutionDeadline?.message}
              />
            </SimpleGrid>
          )}
          <Group>
            <Checkbox
              label="参加大病保险"
              disabled={!enrolled}
              {...form.register('criticalEnrolled')}
              error={e.criticalEnrolled?.message}
            />
            <Checkbox label="参加商业补充医疗保险" {...form.register('commercialSupplementary')} />
          </Group>
          <TextInput label="备注" {...form.register('note')} error={e.note?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              取消
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              保存
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
