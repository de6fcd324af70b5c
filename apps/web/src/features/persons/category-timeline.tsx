import { Badge, Button, Group, Modal, Paper, SimpleGrid, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CATEGORY_LABELS,
  PROFILE_CATEGORIES,
  SOURCE_DEPARTMENTS,
  SOURCE_DEPARTMENT_LABELS,
  ZCategoryFactInput,
  ZEndCategoryInput,
  type TProfileId,
} from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/data-table';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { categoryLabel, SOURCE_LABELS } from '../../components/labels';
import { formatDate, formatDateRange } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

type Fact = RouterOutputs['persons']['get']['categoryHistory'][number];

/** The person's categories as dated facts, with add and end actions. */
export function CategoryTimeline({
  personId,
  profile,
  facts,
  today,
  canEdit,
}: {
  personId: string;
  profile: TProfileId | null;
  facts: Fact[];
  today: string;
  canEdit: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Fact | null>(null);
  return (
    <>
      <Group justify="space-between">
        <Title order={4}>身份类别</Title>
        {canEdit && (
          <Button size="xs" onClick={() => setAdding(true)}>
            登记身份类别
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        {facts.length === 0 ? (
          <EmptyState py={0}>暂无身份类别记录</EmptyState>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {facts.map((c) => {
              const active = c.startDate <= today && (!c.endDate || c.endDate >= today);
              return (
                <Timeline.Item
                  key={c.id}
                  color={active ? 'blue' : 'gray'}
                  title={
                    <Group gap="xs">
                      <Text fw={500}>{categoryLabel(c.category)}</Text>
                      <Badge size="xs" color={active ? 'green' : 'gray'} variant="light">
                        {active ? '有效' : c.startDate > today ? '未生效' : '已终止'}
                      </Badge>
                      {canEdit && !c.endDate && (
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setEnding(c)}>
                          终止
                        </Button>
                      )}
                    </Group>
                  }
                >
                  <Text size="sm" c="dimmed">
                    {formatDateRange(c.startDate, c.endDate)} · {SOURCE_LABELS[c.sourceDepartment] ?? c.sourceDepartment}
                    {c.sourceDocument ? ` · ${c.sourceDocument}` : ''}
                    {c.enrollmentYear ? ` · 纳入 ${c.enrollmentYear} 年度资助参保` : ''}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Paper>
      <Modal opened={adding} onClose={() => setAdding(false)} title="登记身份类别" size="lg">
        <AddCategoryForm personId={personId} profile={profile} today={today} onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={!!ending} onClose={() => setEnding(null)} title={`终止身份类别：${ending ? categoryLabel(ending.category) : ''}`}>
        {ending && <EndCategoryForm fact={ending} today={today} onDone={() => setEnding(null)} />}
      </Modal>
    </>
  );
}

function useInvalidatePerson() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.persons.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.persons.list.queryKey() }),
    ]);
}

function AddCategoryForm({
  personId,
  profile,
  today,
  onDone,
}: {
  personId: string;
  profile: TProfileId | null;
  today: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePerson();
  const add = useMutation(trpc.persons.addCategory.mutationOptions({ onSuccess: invalidate }));
  const form = useZodForm(ZCategoryFactInput, {
    defaultValues: { personId, startDate: today, endDate: '', sourceDocument: '' },
  });
  const categories = (profile ? PROFILE_CATEGORIES[profile] : []).filter((c) => c !== 'ordinary');
  return (
    <FormShell
      form={form}
      onCancel={onDone}
      onSubmit={async (values) => {
        const r = await add.mutateAsync(values);
        notifications.show({
          color: 'green',
          title: '已登记身份类别',
          message: r.enrollment ? `按参保时点规定纳入 ${r.enrollment.year} 年度资助参保（${r.enrollment.clause}）` : '已保存',
        });
        onDone();
      }}
    >
      <SelectField
        control={form.control}
        name="category"
        label="人员类别"
        withAsterisk
        data={categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
      />
      <SimpleGrid cols={2}>
        <DateField control={form.control} name="startDate" label="认定日期" withAsterisk />
        <DateField control={form.control} name="endDate" label="终止日期" description="仍在享受的留空" />
      </SimpleGrid>
      <SelectField
        control={form.control}
        name="sourceDepartment"
        label="认定部门"
        withAsterisk
        data={SOURCE_DEPARTMENTS.map((d) => ({ value: d, label: SOURCE_DEPARTMENT_LABELS[d] }))}
      />
      <TextField control={form.control} name="sourceDocument" label="认定文件或批次" placeholder="如：通民发〔2024〕12号" />
    </FormShell>
  );
}

function EndCategoryForm({ fact, today, onDone }: { fact: Fact; today: string; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePerson();
  const end = useMutation(trpc.persons.endCategory.mutationOptions({ onSuccess: invalidate }));
  const form = useZodForm(ZEndCategoryInput, { defaultValues: { id: fact.id, endDate: today, reason: '' } });
  return (
    <FormShell
      form={form}
      submitLabel="确认终止"
      submitColor="red"
      onCancel={onDone}
      onSubmit={async (values) => {
        await end.mutateAsync(values);
        notifications.show({ color: 'green', message: '身份类别已终止' });
        onDone();
      }}
    >
      <Text size="sm" c="dimmed">
        认定日期 {formatDate(fact.startDate)}。终止后历史记录保留，此前日期的待遇仍按该类别计算。
      </Text>
      <DateField control={form.control} name="endDate" label="终止日期" withAsterisk />
      <TextField control={form.control} name="reason" label="终止原因" withAsterisk placeholder="如：退出低保名单" />
    </FormShell>
  );
}
