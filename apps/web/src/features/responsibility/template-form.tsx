import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  TEMPLATE_ORGANISATION_LABELS,
  TEMPLATE_ORGANISATIONS,
  ZTemplateInput,
  type TResponsibilityTemplate,
  type TTemplateInput,
} from '@portal/rules';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { CheckboxField, SelectField, TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useZodForm } from '../../lib/use-zod-form';

/** The template as typed: the notes as one text, a line each. */
const ZTemplateForm = ZTemplateInput.omit({ notes: true }).extend({ notesText: z.string().max(2000, '说明过长') });
type TTemplateFormInput = z.input<typeof ZTemplateForm>;

function initialValues(t: TResponsibilityTemplate | undefined): TTemplateFormInput {
  if (!t)
    return {
      name: '',
      title: '医疗保障扶贫责任分工表',
      organisedBy: 'role',
      items: [{ label: '总负责人', hint: '', isDirect: false }],
      notesText: '',
      allowExtraRows: true,
    };
  return {
    name: t.name,
    title: t.title,
    organisedBy: t.organisedBy,
    items: t.items.map((i) => ({ label: i.label, hint: i.hint ?? '', isDirect: Boolean(i.isDirect) })),
    notesText: t.notes.join('\n'),
    allowExtraRows: t.allowExtraRows,
  };
}

/** A custom template: its name and title, the responsibilities in print order, and the notes under the table. */
export function TemplateForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial?: TResponsibilityTemplate;
  onSubmit: (data: TTemplateInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useZodForm(ZTemplateForm, { defaultValues: initialValues(initial) });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const itemsError = form.formState.errors.items;
  return (
    <FormShell
      form={form}
      onCancel={onCancel}
      onSubmit={({ notesText, ...v }) =>
        onSubmit({
          ...v,
          notes: notesText
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        })
      }
    >
      <TextField control={form.control} name="name" label="模板名称" withAsterisk />
      <TextField control={form.control} name="title" label="表格标题" withAsterisk />
      <SelectField
        control={form.control}
        name="organisedBy"
        label="组织方式"
        allowDeselect={false}
        data={TEMPLATE_ORGANISATIONS.map((o) => ({ value: o, label: TEMPLATE_ORGANISATION_LABELS[o] }))}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          责任项（按打印顺序）
        </Text>
        {items.fields.map((f, i) => (
          <Group key={f.id} align="flex-start" wrap="nowrap">
            <TextField
              control={form.control}
              name={`items.${i}.label`}
              size="xs"
              placeholder="责任分工"
              aria-label={`第 ${i + 1} 项 责任分工`}
              style={{ flex: 2 }}
            />
            <TextField
              control={form.control}
              name={`items.${i}.hint`}
              size="xs"
              placeholder="说明（可选）"
              aria-label={`第 ${i + 1} 项 说明`}
              style={{ flex: 2 }}
            />
            <CheckboxField control={form.control} name={`items.${i}.isDirect`} size="xs" mt={6} label="直接负责人" />
            <ActionIcon variant="subtle" color="red" aria-label={`删除第 ${i + 1} 项`} onClick={() => items.remove(i)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {(itemsError?.message ?? itemsError?.root?.message) && (
          <Text size="xs" c="red">
            {itemsError?.message ?? itemsError?.root?.message}
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
      </Stack>
      <TextareaField control={form.control} name="notesText" label="说明（每行一条，印在表下）" autosize minRows={2} />
      <CheckboxField control={form.control} name="allowExtraRows" label="允许填报单位加行" />
    </FormShell>
  );
}
