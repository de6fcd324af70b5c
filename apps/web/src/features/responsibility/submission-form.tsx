import { Alert, Button, Group, List, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import {
  EXTRA_ITEM_KEY,
  validateRowsForSubmit,
  ZIsoDate,
  ZResponsibilityRow,
  ZResponsibilityRows,
  type TResponsibilityRow,
  type TResponsibilityTemplate,
} from '@portal/rules';
import type { RouterInputs } from '@portal/server/router';
import { useRef, useState } from 'react';
import { useFieldArray, type Path } from 'react-hook-form';
import { z } from 'zod';
import { DateField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { PersonRow } from './person-row';
import { SealDialog, type Seal } from './seal-dialog';
import { applyServerError, readServerError } from '../../lib/form-errors';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';

const ZTableForm = z.object({ filledDate: ZIsoDate.or(z.literal('')), rows: ZResponsibilityRows });
export type TableForm = ZodForm<typeof ZTableForm>;
type TableFormInput = z.input<typeof ZTableForm>;

const emptyRow = (itemKey: string): TResponsibilityRow => ZResponsibilityRow.parse({ itemKey });

type Draft = Omit<RouterInputs['responsibility']['saveDraft'], 'submissionId'>;
type Submitted = Omit<RouterInputs['responsibility']['submit'], 'submissionId'>;

interface Props {
  template: TResponsibilityTemplate;
  initialRows: TResponsibilityRow[];
  initialFilledDate: string | null;
  today: string;
  onSaveDraft: (values: Draft) => Promise<unknown>;
  onSubmit: (values: Submitted) => Promise<unknown>;
}

/**
 * The clerk's form: one line per person, grouped by responsibility in the template's order, with
 * "add a person" per responsibility and extra rows where the template allows them. 保存草稿 keeps
 * an incomplete table; 报送 checks it is complete, then asks for the seal.
 */
export function SubmissionForm({ template, initialRows, initialFilledDate, today, onSaveDraft, onSubmit }: Props) {
  const form = useZodForm(ZTableForm, {
    defaultValues: {
      filledDate: initialFilledDate ?? today,
      rows: initialRows.length ? initialRows : template.items.map((i) => emptyRow(i.key)),
    },
  });
  const { fields, insert, append, remove } = useFieldArray({ control: form.control, name: 'rows' });
  const [missing, setMissing] = useState<string[]>([]);
  const [ready, setReady] = useState<z.output<typeof ZTableForm> | null>(null);
  // Which footer button submitted the form: 保存草稿 sets it; Enter and 报送 submit.
  const intent = useRef<'draft' | 'submit'>('submit');

  const saveDraft = async (values: z.output<typeof ZTableForm>) => {
    await onSaveDraft({ filledDate: values.filledDate || undefined, rows: values.rows });
    setMissing([]);
    notifications.show({ color: 'green', message: '草稿已保存' });
  };

  /** Checks everything a submission needs before asking for the seal confirmation. */
  const prepareSubmit = (values: z.output<typeof ZTableForm>) => {
    const issues = validateRowsForSubmit(template, values.rows);
    if (!values.filledDate) issues.unshift({ path: 'filledDate', message: '请填写填报时间' });
    for (const issue of issues)
      if (!issue.path.startsWith('items.')) form.setError(issue.path as Path<TableFormInput>, { type: 'submit', message: issue.message });
    setMissing(issues.filter((i) => i.path.startsWith('items.')).map((i) => i.message));
    if (issues.length) {
      notifications.show({ color: 'red', title: '尚不能报送', message: `还有 ${issues.length} 处需要填写或修改，已在表中标出` });
      return;
    }
    setReady(values);
  };

  const confirmSubmit = async (seal: Seal) => {
    if (!ready) return;
    try {
      await onSubmit({ filledDate: ready.filledDate, rows: ready.rows, ...seal });
    } catch (err) {
      // A refusal about the table goes back to the table; one about the seal stays in the dialog.
      const server = readServerError(err);
      const onTable = [server.field, ...server.fieldErrors.map((f) => f.path)].some((p) => p && /^(rows|filledDate)/.test(p));
      if (!onTable) throw err;
      setReady(null);
      applyServerError(err, form.setError);
      return;
    }
    setReady(null);
    notifications.show({ color: 'green', message: '已报送，等待上级审阅' });
  };

  const extraCount = (upTo: number) => fields.slice(0, upTo + 1).filter((f) => f.itemKey === EXTRA_ITEM_KEY).length;

  return (
    <>
      <FormShell
        form={form}
        submitLabel="报送"
        footerStart={
          <Button type="submit" variant="default" onClick={() => (intent.current = 'draft')}>
            保存草稿
          </Button>
        }
        onSubmit={(values) => {
          const mode = intent.current;
          intent.current = 'submit';
          return mode === 'draft' ? saveDraft(values) : prepareSubmit(values);
        }}
      >
        {missing.length > 0 && (
          <Alert color="red" title="以下责任尚未填报责任人">
            <List size="sm">
              {missing.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <DateField control={form.control} name="filledDate" label="填报时间" withAsterisk w={200} maxDate={today} />
        <Paper withBorder style={{ overflowX: 'auto' }}>
          <Table verticalSpacing={6} miw={980}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>责任分工</Table.Th>
                <Table.Th w="12%">姓名</Table.Th>
                <Table.Th w="24%">单位及部门</Table.Th>
                <Table.Th w="11%">职务</Table.Th>
                <Table.Th w="14%">联系电话</Table.Th>
                <Table.Th w={150} />
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {template.items.map((item) => {
                const indices = fields.map((f, i) => (f.itemKey === item.key ? i : -1)).filter((i) => i >= 0);
                return [
                  ...indices.map((index, n) => (
                    <PersonRow
                      key={fields[index]!.id}
                      form={form}
                      index={index}
                      label={item.label}
                      nth={n + 1}
                      isDirect={Boolean(item.isDirect)}
                      isExtra={false}
                      canRemove={indices.length > 1}
                      onRemove={() => remove(index)}
                    />
                  )),
                  indices.length === 0 ? (
                    <Table.Tr key={`${item.key}-none`}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {item.label}
                        </Text>
                      </Table.Td>
                      <Table.Td colSpan={6}>
                        <Text size="xs" c="red">
                          尚未填报责任人
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null,
                  <Table.Tr key={`${item.key}-add`}>
                    <Table.Td colSpan={7} py={0}>
                      <Group gap="xs" justify="space-between">
                        {item.hint ? (
                          <Text size="xs" c="dimmed">
                            {item.hint}
                          </Text>
                        ) : (
                          <span />
                        )}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconPlus size={12} />}
                          aria-label={`为 ${item.label} 增加责任人`}
                          onClick={() => insert((indices.at(-1) ?? fields.length - 1) + 1, emptyRow(item.key))}
                        >
                          增加责任人
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>,
                ];
              })}
              {fields.map((f, i) =>
                f.itemKey === EXTRA_ITEM_KEY ? (
                  <PersonRow
                    key={f.id}
                    form={form}
                    index={i}
                    label={`加行${extraCount(i)}`}
                    nth={1}
                    isDirect={false}
                    isExtra
                    canRemove
                    onRemove={() => remove(i)}
                  />
                ) : null,
              )}
            </Table.Tbody>
          </Table>
        </Paper>
        {template.allowExtraRows && (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => append(emptyRow(EXTRA_ITEM_KEY))}>
              加行（其他具体工作责任人）
            </Button>
          </Group>
        )}
      </FormShell>
      <SealDialog opened={ready !== null} onClose={() => setReady(null)} onConfirm={confirmSubmit} />
    </>
  );
}
