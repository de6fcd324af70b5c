import { Badge, Button, Group, Modal, Select, SimpleGrid, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  NOT_ENROLLED_REASONS,
  NOT_ENROLLED_REASON_LABELS,
  PROFILES,
  ZEnrollmentRecordInput,
  type TNotEnrolledReason,
  type TProfileId,
} from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { CheckboxField, DateField, SelectField, TextField, YearField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

type Enrollment = RouterOutputs['persons']['get']['enrollments'][number];

const TIER_LABELS = { 1: '一档', 2: '二档' } as const;

function notEnrolledText(r: Enrollment): string {
  if (!r.notEnrolledReason) return '—';
  return `${NOT_ENROLLED_REASON_LABELS[r.notEnrolledReason as TNotEnrolledReason]}${r.resolutionDeadline ? ` · 限 ${formatDate(r.resolutionDeadline)} 前解决` : ''}${r.resolvedAt ? ' · 已销号' : ''}`;
}

/** Enrollment per year (应保尽保), with a form to record or correct a year. */
export function EnrollmentPanel({
  personId,
  profile,
  rows,
  year,
  canEdit,
}: {
  personId: string;
  profile: TProfileId | null;
  rows: Enrollment[];
  year: number;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<Enrollment | 'new' | null>(null);
  const twoTiers = !!profile && PROFILES[profile].capabilities.hasTwoPremiumTiers;
  const columns: ColumnDef<Enrollment, never>[] = [
    { id: 'year', header: '年度', accessorKey: 'year' },
    {
      id: 'basic',
      header: '基本医保',
      cell: ({ row }) =>
        row.original.basicEnrolled ? (
          <Badge color="green" variant="light">
            已参保
          </Badge>
        ) : (
          <Badge color="red" variant="light">
            未参保
          </Badge>
        ),
    },
    { id: 'critical', header: '大病保险', cell: ({ row }) => (row.original.criticalEnrolled ? '是' : '否') },
    {
      id: 'enrolledOn',
      header: twoTiers ? '档次 / 参保日期' : '参保日期',
      cell: ({ row }) => {
        const r = row.original;
        if (!r.basicEnrolled) return '—';
        const tier = twoTiers ? `${TIER_LABELS[r.premiumTier === 2 ? 2 : 1]} · ` : '';
        return `${tier}${formatDate(r.enrolledOn)}`;
      },
    },
    { id: 'commercial', header: '商业补充', cell: ({ row }) => (row.original.commercialSupplementary ? '是' : '否') },
    { id: 'reason', header: '未参保原因 / 解决时限', cell: ({ row }) => notEnrolledText(row.original) },
    {
      id: 'edit',
      header: '',
      cell: ({ row }) =>
        canEdit && (
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(row.original)}>
            修改
          </Button>
        ),
    },
  ];
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
      <DataTable columns={columns} rows={rows} getRowId={(r) => r.id} empty="尚未登记参保情况" tableProps={{ striped: false }} />
      <Modal opened={!!editing} onClose={() => setEditing(null)} title="登记参保情况" size="lg">
        {editing && (
          <EnrollmentForm
            personId={personId}
            twoTiers={twoTiers}
            initial={editing === 'new' ? null : editing}
            year={year}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}

function EnrollmentForm({
  personId,
  twoTiers,
  initial,
  year,
  onDone,
}: {
  personId: string;
  twoTiers: boolean;
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
  const form = useZodForm(ZEnrollmentRecordInput, {
    defaultValues: {
      personId,
      year: initial?.year ?? year,
      basicEnrolled: initial?.basicEnrolled ?? true,
      criticalEnrolled: initial?.criticalEnrolled ?? true,
      premiumTier: initial?.premiumTier === 2 ? 2 : 1,
      enrolledOn: initial?.enrolledOn ?? '',
      commercialSupplementary: initial?.commercialSupplementary ?? false,
      notEnrolledReason: initial?.notEnrolledReason ?? '',
      resolutionDeadline: initial?.resolutionDeadline ?? '',
      note: initial?.note ?? '',
    },
  });
  const c = form.control;
  const enrolled = useWatch({ control: c, name: 'basicEnrolled' });
  return (
    <FormShell
      form={form}
      onCancel={onDone}
      onSubmit={async (values) => {
        await record.mutateAsync(values);
        notifications.show({ color: 'green', message: values.basicEnrolled ? '参保情况已登记' : '已登记未参保原因，列入未参保工作台账' });
        onDone();
      }}
    >
      <SimpleGrid cols={2}>
        <YearField control={c} name="year" label="参保年度" withAsterisk disabled={!!initial} />
        <Select
          label="城乡居民基本医保"
          data={[
            { value: 'yes', label: '已参保' },
            { value: 'no', label: '未参保' },
          ]}
          value={enrolled ? 'yes' : 'no'}
          onChange={(v) => {
            form.setValue('basicEnrolled', v === 'yes');
            if (v === 'no') form.setValue('criticalEnrolled', false);
          }}
          allowDeselect={false}
        />
      </SimpleGrid>
      {enrolled ? (
        <SimpleGrid cols={2}>
          <DateField control={c} name="enrolledOn" label="参保日期" withAsterisk />
          {twoTiers && (
            <SelectField
              control={c}
              name="premiumTier"
              numeric
              label="缴费档次"
              withAsterisk
              data={[
                { value: '1', label: TIER_LABELS[1] },
                { value: '2', label: TIER_LABELS[2] },
              ]}
            />
          )}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={2}>
          <SelectField
            control={c}
            name="notEnrolledReason"
            label="未参保原因"
            withAsterisk
            data={NOT_ENROLLED_REASONS.map((r) => ({ value: r, label: NOT_ENROLLED_REASON_LABELS[r] }))}
          />
          <DateField control={c} name="resolutionDeadline" label="解决时限" description="参军、外地参保、职工医保、死亡无需填写" />
        </SimpleGrid>
      )}
      <Group>
        <CheckboxField control={c} name="criticalEnrolled" label="参加大病保险" disabled={!enrolled} />
        <CheckboxField control={c} name="commercialSupplementary" label="参加商业补充医疗保险" />
      </Group>
      <TextField control={c} name="note" label="备注" />
    </FormShell>
  );
}
