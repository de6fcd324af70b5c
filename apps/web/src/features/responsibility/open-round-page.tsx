import { zodResolver } from '@hookform/resolvers/zod';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BUILTIN_TEMPLATES, PROFILES, ZOpenRoundInput, type TOpenRoundInput, type TProfileId } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

/** The jurisdiction's own template where its notice has one, otherwise the first built-in template. */
const defaultTemplateOf = (profile: string | null | undefined) =>
  (profile ? PROFILES[profile as TProfileId]?.capabilities.responsibilityTemplateId : null) ?? BUILTIN_TEMPLATES[0]!.key;

/** A province or city supervisor opens a reporting round for its subordinate units. */
export function OpenRoundPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.responsibility.listTemplates.queryOptions());
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const info = useQuery(trpc.system.info.queryOptions());
  const open = useMutation(trpc.responsibility.openRound.mutationOptions());
  const children = (units.data ?? []).filter((u) => u.parentId === me?.orgUnitId);
  const form = useForm<TOpenRoundInput>({
    resolver: zodResolver(ZOpenRoundInput) as unknown as Resolver<TOpenRoundInput>,
    defaultValues: {
      title: `${(info.data?.today ?? '').slice(0, 4) || new Date().getFullYear()}年医疗保障扶贫责任分工表报送`,
      templateKey: defaultTemplateOf(me?.profile),
      dueDate: '',
      orgUnitIds: [],
      instructions: '',
    },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      const { id } = await open.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.responsibility.listRounds.queryKey() });
      notifications.show({ color: 'green', message: '已发起填报，各填报单位登录后即可填报' });
      void navigate(`/responsibility/rounds/${id}`);
    } catch (err) {
      applyServerError(err, form.setError, ['title', 'templateKey', 'dueDate', 'orgUnitIds', 'instructions']);
    }
  });
  return (
    <Stack maw={860}>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        <Text>发起填报</Text>
      </Breadcrumbs>
      <Title order={3}>发起责任分工表填报</Title>
      <QueryState query={{ isPending: templates.isPending || units.isPending, error: templates.error ?? units.error }}>
        {() => (
          <form onSubmit={submit} noValidate>
            <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
              <Paper withBorder p="md">
                <Stack>
                  <TextInput label="填报任务名称" withAsterisk {...form.register('title')} error={e.title?.message} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Controller
                      control={form.control}
                      name="templateKey"
                      render={({ field }) => (
                        <Select
                          label="模板"
                          withAsterisk
                          allowDeselect={false}
                          data={(templates.data ?? []).map((t) => ({ value: t.key, label: t.name }))}
                          value={field.value}
                          onChange={(v) => field.onChange(v ?? '')}
                          error={e.templateKey?.message}
                        />
                      )}
                    />
                    <TextInput
                      type="date"
                      label="截止日期"
                      withAsterisk
                      description={info.data ? `今天是 ${info.data.today}；逾期按工作日计算` : undefined}
                      {...form.register('dueDate')}
                      error={e.dueDate?.message}
                    />
                  </SimpleGrid>
                  <Controller
                    control={form.control}
                    name="orgUnitIds"
                    render={({ field }) => (
                      <Checkbox.Group
                        label="填报单位（本单位的下级单位）"
                        withAsterisk
                        value={field.value}
                        onChange={field.onChange}
                        error={e.orgUnitIds?.message ?? e.orgUnitIds?.root?.message}
                      >
                        <Group gap="xs" mt={6} mb={6}>
                          <Button size="compact-xs" variant="light" onClick={() => field.onChange(children.map((c) => c.id))}>
                            全选
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => field.onChange([])}>
                            清空
                          </Button>
                          <Text size="xs" c="dimmed">
                            已选 {field.value.length} 个
                          </Text>
                        </Group>
                        {children.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            本单位没有下级单位
                          </Text>
                        ) : (
                          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                            {children.map((u) => (
                              <Checkbox key={u.id} value={u.id} label={u.name} />
                            ))}
                          </SimpleGrid>
                        )}
                      </Checkbox.Group>
                    )}
                  />
                  <Textarea
                    label="填报说明"
                    autosize
                    minRows={2}
                    placeholder="如：请于截止日前报送，并结合本地实际细化责任分工"
                    {...form.register('instructions')}
                    error={e.instructions?.message}
                  />
                  <Group justify="flex-end">
                    <Button variant="default" component={Link} to="/responsibility">
                      取消
                    </Button>
                    <Button type="submit" loading={form.formState.isSubmitting}>
                      发起
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </fieldset>
          </form>
        )}
      </QueryState>
    </Stack>
  );
}
