import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { categoryLabel, SOURCE_LABELS } from '../../components/labels';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

interface Fact {
  id: string;
  category: string;
  startDate: string;
  endDate: string | null;
  sourceDepartment: string;
  sourceDocument: string | null;
  enrollmentYear: number | null;
}

/** The person's categories as dated facts, with add and end actions. */
export function CategoryTimeline({
  personId,
  profile,
  facts,
  today,
  canEdit,
}: {
  personId: string;
  profile: string | null;
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
          <Text c="dimmed" size="sm">
            暂无身份类别记录
          </Text>
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
                    {c.startDate} 至 {c.endDate ?? '今'} · {SOURCE_LABELS[c.sourceDepartment] ?? c.sourceDepartment}
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

type TAdd = z.input<typeof ZCategoryFactInput>;

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
  profile: string | null;
  today: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePerson();
  const add = useMutation(trpc.persons.addCategory.mutationOptions({ onSuccess: invalidate }));
  const form = useForm<TAdd>({
    resolver: zodResolver(ZCategoryFactInput as never) as unknown as Resolver<TAdd>,
    defaultValues: {
      personId,
      category: undefined as never,
      startDate: today,
      endDate: '',
      sourceDepartment: undefined as never,
      sourceDocument: '',
    },
  });
  const e = form.formState.errors;
  const categories = (profile ? PROFILE_CATEGORIES[profile as TProfileId] : []).filter((c) => c !== 'ordinary');
  const submit = form.handleSubmit(async (values) => {
    try {
      const r = await add.mutateAsync(values as never);
      notifications.show({
        color: 'green',
        title: '已登记身份类别',
        message: r.enrollment ? `按参保时点规定纳入 ${r.enrollment.year} 年度资助参保（${r.enrollment.clause}）` : '已保存',
      });
      onDone();
    } catch (err) {
      applyServerError(err, form.setError, ['category', 'startDate', 'endDate', 'sourceDepartment', 'sourceDocument']);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <Controller
            control={form.control}
            name="category"
            render={({ field }) => (
              <Select
                label="人员类别"
                withAsterisk
                data={categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={e.category?.message}
              />
            )}
          />
          <SimpleGrid cols={2}>
            <TextInput label="认定日期" type="date" withAsterisk {...form.register('startDate')} error={e.startDate?.message} />
            <TextInput label="终止日期" type="date" description="仍在享受的留空" {...form.register('endDate')} error={e.endDate?.message} />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="sourceDepartment"
            render={({ field }) => (
              <Select
                label="认定部门"
                withAsterisk
                data={SOURCE_DEPARTMENTS.map((d) => ({ value: d, label: SOURCE_DEPARTMENT_LABELS[d] }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={e.sourceDepartment?.message}
              />
            )}
          />
          <TextInput
            label="认定文件或批次"
            placeholder="如：通民发〔2024〕12号"
            {...form.register('sourceDocument')}
            error={e.sourceDocument?.message}
          />
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

type TEnd = z.input<typeof ZEndCategoryInput>;

function EndCategoryForm({ fact, today, onDone }: { fact: Fact; today: string; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePerson();
  const end = useMutation(trpc.persons.endCategory.mutationOptions({ onSuccess: invalidate }));
  const form = useForm<TEnd>({
    resolver: zodResolver(ZEndCategoryInput as never) as unknown as Resolver<TEnd>,
    defaultValues: { id: fact.id, endDate: today, reason: '' },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await end.mutateAsync(values);
      notifications.show({ color: 'green', message: '身份类别已终止' });
      onDone();
    } catch (err) {
      applyServerError(err, form.setError, ['endDate', 'reason']);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <Text size="sm" c="dimmed">
            认定日期 {fact.startDate}。终止后历史记录保留，此前日期的待遇仍按该类别计算。
          </Text>
          <TextInput label="终止日期" type="date" withAsterisk {...form.register('endDate')} error={e.endDate?.message} />
          <TextInput label="终止原因" withAsterisk placeholder="如：退出低保名单" {...form.register('reason')} error={e.reason?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              取消
            </Button>
            <Button type="submit" color="red" loading={form.formState.isSubmitting}>
              确认终止
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
