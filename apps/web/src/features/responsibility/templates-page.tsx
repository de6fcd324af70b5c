import { Accordion, Anchor, Badge, Breadcrumbs, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, TEMPLATE_ORGANISATION_LABELS, type TResponsibilityTemplate } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { TemplateForm } from './template-form';

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
        {me && can(me.role, 'responsibility.templates') && <Button onClick={() => setEditing({})}>新建模板</Button>}
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
