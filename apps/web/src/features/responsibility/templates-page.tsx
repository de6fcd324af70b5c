import { zodResolver } from '@hookform/resolvers/zod';
import {
  Accordion,
  ActionIcon,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  TEMPLATE_ORGANISATION_LABELS,
  TEMPLATE_ORGANISATIONS,
  ZTemplateInput,
  type TResponsibilityTemplate,
  type TTemplateInput,
} from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

const ZTemplateForm = ZTemplateInput.omit({ notes: true }).extend({ notesText: z.string().max(2000, '说明过长') });
type TForm = {
  name: string;
  title: string;
  organisedBy: (typeof TEMPLATE_ORGANISATIONS)[number];
  items: { label: string; hint: string; isDirect: boolean }[];
  notesText: string;
  allowExtraRows: boolean;
};

function TemplateForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial?: TResponsibilityTemplate;
  onSubmit: (data: TTemplateInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<TForm>({
    resolver: zodResolver(ZTemplateForm) as unknown as Resolver<TForm>,
    defaultValues: initial
      ? {
          name: initial.name,
          title: initial.title,
          organisedBy: initial.organisedBy,
          items: initial.items.map((i) => ({ label: i.label, hint: i.hint ?? '', isDirect: Boolean(i.isDirect) })),
          notesText: initial.notes.join('\n'),
          allowExtraRows: initial.allowExtraRows,
        }
      : {
          name: '',
          title: '医疗保障扶贫责任分工表',
          organisedBy: 'role',
          items: [{ label: '总负责人', hint: '', isDirect: false }],
          notesText: '',
          allowExtraRows: true,
        },
  });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    try {
      await onSubmit({
        name: v.name,
        title: v.title,
        organisedBy: v.organisedBy,
        items: v.items,
        notes: v.notesText
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        allowExtraRows: v.allowExtraRows,
      });
    } catch (err) {
      applyServerError(err, form.setError, ['name', 'title', 'organisedBy', 'items', ...items.fields.map((_, i) => `items.${i}.label`)]);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <TextInput label="模板名称" withAsterisk {...form.register('name')} error={e.name?.message} />
          <TextInput label="表格标题" withAsterisk {...form.register('title')} error={e.title?.message} />
          <Controller
            control={form.control}
            name="organisedBy"
            render={({ field }) => (
              <Select
                label="组织方式"
                allowDeselect={false}
                data={TEMPLATE_ORGANISATIONS.map((o) => ({ value: o, label: TEMPLATE_ORGANISATION_LABELS[o] }))}
                value={field.value}
                onChange={(v) => field.onChange(v)}
              />
            )}
          />
          <Text size="sm" fw={500}>
            责任项（按打印顺序）
          </Text>
          {items.fields.map((f, i) => (
            <Group key={f.id} align="flex-start" wrap="nowrap">
              <TextInput
                size="xs"
                placeholder="责任分工"
                aria-label={`第 ${i + 1} 项 责任分工`}
                style={{ flex: 2 }}
                {...form.register(`items.${i}.label`)}
                error={e.items?.[i]?.label?.message}
              />
              <TextInput
                size="xs"
                placeholder="说明（可选）"
                aria-label={`第 ${i + 1} 项 说明`}
                style={{ flex: 2 }}
                {...form.register(`items.${i}.hint`)}
              />
              <Checkbox size="xs" mt={6} label="直接负责人" {...form.register(`items.${i}.isDirect`)} />
              <ActionIcon variant="subtle" color="red" aria-label={`删除第 ${i + 1} 项`} onClick={() => items.remove(i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {e.items?.message && (
            <Text size="xs" c="red">
              {e.items.message}
            </Text>
          )}
          {e.items?.root?.message && (
            <Text size="xs" c="red">
              {e.items.root.message}
            </Text>
          )}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={12} />}
            onClick={() => items.append({ label: '', hint: '', isDirect: false })}
            w="fit-content"
          >
            增加责任项
          </Button>
          <Textarea label="说明（每行一条，印在表下）" autosize minRows={2} {...form.register('notesText')} />
          <Checkbox label="允许填报单位加行" {...form.register('allowExtraRows')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
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

/** The built-in templates, and the custom ones administrators define for their region. */
export function TemplatesPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.responsibility.listTemplates.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.responsibility.listTemplates.queryKey() });
  const create = useMutation(trpc.responsibility.createTemplate.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.responsibility.updateTemplate.mutationOptions({ onSuccess: invalidate }));
  const archive = useMutation(trpc.responsibility.archiveTemplate.mutationOptions({ onSuccess: invalidate }));
  const [editing, setEditing] = useState<{ template?: TResponsibilityTemplate } | null>(null);
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        <Text>模板</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={3}>责任分工表模板</Title>
        {me?.role === 'admin' && <Button onClick={() => setEditing({})}>新建模板</Button>}
      </Group>
      <QueryState query={templates}>
        {() => (
          <Accordion variant="separated" multiple>
            {templates.data!.map((t) => (
              <Accordion.Item key={t.key} value={t.key}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text fw={600}>{t.name}</Text>
                    <Badge variant="light" color={t.isBuiltin ? 'blue' : 'grape'}>
                      {t.isBuiltin ? '内置' : '自定义'}
                    </Badge>
                    <Badge variant="outline" color="gray">
                      {TEMPLATE_ORGANISATION_LABELS[t.organisedBy]} · {t.items.length} 项
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" c="dimmed" mb="xs">
                    表格标题：{t.title} · 依据：{t.source}
                    {t.allowExtraRows ? ' · 可加行' : ''}
                  </Text>
                  <List type="ordered" size="sm" spacing={2}>
                    {t.items.map((i) => (
                      <List.Item key={i.key}>
                        {i.label}
                        {i.isDirect && (
                          <Badge size="xs" ml={6} color="red" variant="light">
                            须为处（科）室负责人
                          </Badge>
                        )}
                        {i.hint && (
                          <Text size="xs" c="dimmed">
                            {i.hint}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                  {t.notes.length > 0 && (
                    <Text size="sm" mt="xs">
                      说明：{t.notes.map((n, k) => `${k + 1}. ${n}`).join(' ')}
                    </Text>
                  )}
                  {t.canEdit && (
                    <Group mt="sm" gap="xs">
                      <Button size="xs" variant="light" onClick={() => setEditing({ template: t })}>
                        编辑
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={async () => {
                          try {
                            await archive.mutateAsync({ id: t.key });
                            notifications.show({ message: '模板已停用（已发起的填报不受影响）' });
                          } catch (err) {
                            applyServerError(err);
                          }
                        }}
                      >
                        停用
                      </Button>
                    </Group>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.template ? '编辑模板' : '新建模板'} size="xl">
        {editing && (
          <TemplateForm
            initial={editing.template}
            onCancel={() => setEditing(null)}
            onSubmit={async (data) => {
              if (editing.template) await update.mutateAsync({ id: editing.template.key, data });
              else await create.mutateAsync(data);
              notifications.show({ color: 'green', message: '模板已保存' });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
