import { Anchor, Breadcrumbs, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PROFILES, ZOpenRoundInput, ZProfileId } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useController } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/use-me';
import { DateField, SelectField, TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useOrgUnits, type OrgUnit } from '../../components/org-unit-select';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';

type Template = RouterOutputs['responsibility']['listTemplates'][number];
type RoundForm = ZodForm<typeof ZOpenRoundInput>;

/** The reporting units: the opener's direct subordinates, with "all" and "none". */
function UnitsField({ form, units }: { form: RoundForm; units: OrgUnit[] }) {
  const { field, fieldState } = useController({ control: form.control, name: 'orgUnitIds' });
  return (
    <Checkbox.Group
      label="填报单位（本单位的下级单位）"
      withAsterisk
      value={field.value}
      onChange={field.onChange}
      error={fieldState.error?.message}
    >
      <Group gap="xs" mt={6} mb={6}>
        <Button size="compact-xs" variant="light" onClick={() => field.onChange(units.map((c) => c.id))}>
          全选
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => field.onChange([])}>
          清空
        </Button>
        <Text size="xs" c="dimmed">
          已选 {field.value.length} 个
        </Text>
      </Group>
      {units.length === 0 ? (
        <Text size="sm" c="dimmed">
          本单位没有下级单位
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {units.map((u) => (
            <Checkbox key={u.id} value={u.id} label={u.name} />
          ))}
        </SimpleGrid>
      )}
    </Checkbox.Group>
  );
}

function OpenRoundForm({ templates, units, today }: { templates: Template[]; units: OrgUnit[]; today: string }) {
  const trpc = useTRPC();
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation(trpc.responsibility.openRound.mutationOptions());
  const profile = ZProfileId.safeParse(me?.profile).data;
  const ownTemplate = profile ? PROFILES[profile].capabilities.responsibilityTemplateId : null;
  const form = useZodForm(ZOpenRoundInput, {
    defaultValues: {
      title: `${today.slice(0, 4)}年医疗保障扶贫责任分工表报送`,
      templateKey: templates.find((t) => t.key === ownTemplate)?.key ?? templates[0]?.key ?? '',
      dueDate: '',
      orgUnitIds: [],
      instructions: '',
    },
  });
  return (
    <FormShell
      form={form}
      submitLabel="发起"
      onCancel={() => navigate('/responsibility')}
      onSubmit={async (values) => {
        const { id } = await open.mutateAsync(values);
        await queryClient.invalidateQueries({ queryKey: trpc.responsibility.listRounds.queryKey() });
        notifications.show({ color: 'green', message: '已发起填报，各填报单位登录后即可填报' });
        void navigate(`/responsibility/rounds/${id}`);
      }}
    >
      <TextField control={form.control} name="title" label="填报任务名称" withAsterisk />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={form.control}
          name="templateKey"
          label="模板"
          withAsterisk
          allowDeselect={false}
          data={templates.map((t) => ({ value: t.key, label: t.name }))}
        />
        <DateField
          control={form.control}
          name="dueDate"
          label="截止日期"
          withAsterisk
          description={`今天是 ${formatDate(today)}；逾期按工作日计算`}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </SimpleGrid>
      <UnitsField form={form} units={units} />
      <TextareaField
        control={form.control}
        name="instructions"
        label="填报说明"
        autosize
        minRows={2}
        placeholder="如：请于截止日前报送，并结合本地实际细化责任分工"
      />
    </FormShell>
  );
}

/** A province or city supervisor opens a reporting round for its subordinate units. */
export function OpenRoundPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const templates = useQuery(trpc.responsibility.listTemplates.queryOptions());
  const units = useOrgUnits();
  const { today, isPending } = useServerToday();
  const children = (units.data ?? []).filter((u) => u.parentId === me?.orgUnitId);
  return (
    <Stack maw={860}>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        <Text>发起填报</Text>
      </Breadcrumbs>
      <Title order={3}>发起责任分工表填报</Title>
      <QueryState query={{ isPending: templates.isPending || units.isPending || isPending, error: templates.error ?? units.error }}>
        {() =>
          templates.data &&
          today && (
            <Paper withBorder p="md">
              <OpenRoundForm templates={templates.data} units={children} today={today} />
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
