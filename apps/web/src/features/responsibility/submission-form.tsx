import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Alert, Button, Checkbox, Group, List, Modal, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  EXTRA_ITEM_KEY,
  validateRowsForSubmit,
  ZIsoDate,
  ZResponsibilityRow,
  ZResponsibilityRows,
  type TResponsibilityRow,
  type TResponsibilityTemplate,
} from '@portal/rules';
import { useState } from 'react';
import { useFieldArray, useForm, type FieldError, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { applyServerError } from '../../lib/form-errors';

const ZForm = z.object({ filledDate: ZIsoDate.or(z.literal('')), rows: ZResponsibilityRows });
type TForm = { filledDate: string; rows: TResponsibilityRow[] };

const emptyRow = (itemKey: string): TResponsibilityRow => ZResponsibilityRow.parse({ itemKey });

interface Props {
  template: TResponsibilityTemplate;
  initialRows: TResponsibilityRow[];
  initialFilledDate: string | null;
  today: string;
  onSaveDraft: (values: { filledDate?: string; rows: TResponsibilityRow[] }) => Promise<unknown>;
  onSubmit: (values: { filledDate: string; rows: TResponsibilityRow[]; sealConfirmed: true; sealConfirmedBy: string }) => Promise<unknown>;
}

const FIELDS = ['name', 'unitAndDepartment', 'post', 'phone'] as const;
const FIELD_LABELS = { name: '姓名', unitAndDepartment: '单位及部门', post: '职务', phone: '联系电话' } as const;

/**
 * The clerk's form: one line per person, grouped by responsibility in the template's order, with
 * "add a person" per responsibility and extra rows where the template allows them.
 */
export function SubmissionForm({ template, initialRows, initialFilledDate, today, onSaveDraft, onSubmit }: Props) {
  const rowsInit = initialRows.length ? initialRows : template.items.map((i) => emptyRow(i.key));
  const form = useForm<TForm>({
    resolver: zodResolver(ZForm) as unknown as Resolver<TForm>,
    defaultValues: { filledDate: initialFilledDate ?? today, rows: rowsInit },
  });
  const { fields, insert, append, remove } = useFieldArray({ control: form.control, name: 'rows' });
  const [missing, setMissing] = useState<string[]>([]);
  const [sealOpen, setSealOpen] = useState(false);
  const [sealChecked, setSealChecked] = useState(false);
  const [sealBy, setSealBy] = useState('');
  const [sealError, setSealError] = useState<{ checked?: string; by?: string }>({});
  const [busy, setBusy] = useState(false);
  const errors = form.formState.errors;
  const fieldNames = [
    'filledDate',
    ...fields.flatMap((_, i) => [...FIELDS, 'isDivisionHead', 'extraLabel', 'itemKey'].map((f) => `rows.${i}.${f}`)),
  ];

  const saveDraft = form.handleSubmit(async (values) => {
    setBusy(true);
    try {
      await onSaveDraft({ filledDate: values.filledDate || undefined, rows: values.rows });
      setMissing([]);
      notifications.show({ color: 'green', message: '草稿已保存' });
    } catch (err) {
      applyServerError(err, form.setError, fieldNames);
    } finally {
      setBusy(false);
    }
  });

  /** Checks everything a submission needs before asking for the seal confirmation. */
  const prepareSubmit = form.handleSubmit((values) => {
    const issues = validateRowsForSubmit(template, values.rows);
    if (!values.filledDate) issues.unshift({ path: 'filledDate', message: '请填写填报时间' });
    for (const issue of issues)
      if (!issue.path.startsWith('items.')) form.setError(issue.path as never, { type: 'submit', message: issue.message });
    setMissing(issues.filter((i) => i.path.startsWith('items.')).map((i) => i.message));
    if (issues.length) {
      notifications.show({ color: 'red', title: '尚不能报送', message: `还有 ${issues.length} 处需要填写或修改，已在表中标出` });
      return;
    }
    setSealError({});
    setSealOpen(true);
  });

  const confirmSubmit = async () => {
    const problems: { checked?: string; by?: string } = {};
    if (!sealChecked) problems.checked = '请确认已加盖单位公章';
    if (!sealBy.trim()) problems.by = '请输入盖章确认人姓名';
    setSealError(problems);
    if (problems.checked || problems.by) return;
    const values = form.getValues();
    setBusy(true);
    try {
      await onSubmit({ filledDate: values.filledDate, rows: values.rows, sealConfirmed: true, sealConfirmedBy: sealBy.trim() });
      setSealOpen(false);
      notifications.show({ color: 'green', message: '已报送，等待上级审阅' });
    } catch (err) {
      setSealOpen(false);
      applyServerError(err, form.setError, fieldNames);
    } finally {
      setBusy(false);
    }
  };

  const rowError = (i: number, f: string) => (errors.rows?.[i] as Record<string, FieldError | undefined> | undefined)?.[f]?.message;
  const extraCount = (upTo: number) => fields.slice(0, upTo + 1).filter((f) => f.itemKey === EXTRA_ITEM_KEY).length;

  const renderRow = (index: number, label: string, nth: number, groupSize: number, isDirect: boolean, isExtra: boolean) => {
    const suffix = nth > 1 ? ` ${nth}` : '';
    const aria = (f: string) => `${label} ${f}${suffix}`;
    return (
      <Table.Tr key={fields[index]!.id}>
        <Table.Td w="22%" style={{ verticalAlign: 'top' }}>
          {isExtra ? (
            <TextInput
              size="xs"
              placeholder="责任分工（如：政策宣传责任人）"
              aria-label={`${label} 责任分工`}
              {...form.register(`rows.${index}.extraLabel`)}
              error={rowError(index, 'extraLabel')}
            />
          ) : nth === 1 ? (
            <Text size="sm" fw={500}>
              {label}
              {isDirect && (
                <Text span c="red" size="xs">
                  {' '}
                  *须为处（科）室负责人
                </Text>
              )}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              （同上，第 {nth} 人）
            </Text>
          )}
        </Table.Td>
        {FIELDS.map((f) => (
          <Table.Td key={f} style={{ verticalAlign: 'top' }}>
            <TextInput
              size="xs"
              aria-label={aria(FIELD_LABELS[f])}
              placeholder={f === 'phone' ? '手机或区号-座机' : undefined}
              {...form.register(`rows.${index}.${f}`)}
              error={rowError(index, f)}
            />
          </Table.Td>
        ))}
        <Table.Td style={{ verticalAlign: 'top' }}>
          {isDirect ? (
            <Checkbox
              size="xs"
              mt={6}
              label="处（科）室负责人"
              aria-label={aria('处（科）室负责人')}
              {...form.register(`rows.${index}.isDivisionHead`)}
              error={rowError(index, 'isDivisionHead')}
            />
          ) : null}
        </Table.Td>
        <Table.Td style={{ verticalAlign: 'top' }}>
          {(groupSize > 1 || isExtra) && (
            <Tooltip label="删除此行">
              <ActionIcon variant="subtle" color="red" mt={2} aria-label={`删除 ${label}${suffix}`} onClick={() => remove(index)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          {missing.length > 0 && (
            <Alert color="red" title="以下责任尚未填报责任人">
              <List size="sm">
                {missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group align="flex-end">
            <TextInput
              type="date"
              label="填报时间"
              withAsterisk
              w={200}
              max={today}
              {...form.register('filledDate')}
              error={errors.filledDate?.message}
            />
          </Group>
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
                    ...indices.map((index, n) => renderRow(index, item.label, n + 1, indices.length, Boolean(item.isDirect), false)),
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
                {fields.map((f, i) => (f.itemKey === EXTRA_ITEM_KEY ? renderRow(i, `加行${extraCount(i)}`, 1, 1, false, true) : null))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group justify="space-between">
            {template.allowExtraRows ? (
              <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => append(emptyRow(EXTRA_ITEM_KEY))}>
                加行（其他具体工作责任人）
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={() => void saveDraft()} loading={busy}>
                保存草稿
              </Button>
              <Button onClick={() => void prepareSubmit()} loading={busy}>
                报送
              </Button>
            </Group>
          </Group>
        </Stack>
      </fieldset>
      <Modal opened={sealOpen} onClose={() => setSealOpen(false)} title="盖章确认">
        <Stack>
          <Text size="sm">报送前请打印本表，由单位加盖公章。报送后表格锁定，如需修改须由上级退回。</Text>
          <Checkbox
            label="已在纸质表上加盖本单位公章"
            checked={sealChecked}
            onChange={(e) => setSealChecked(e.currentTarget.checked)}
            error={sealError.checked}
          />
          <TextInput
            label="盖章确认人"
            withAsterisk
            value={sealBy}
            onChange={(e) => setSealBy(e.currentTarget.value)}
            error={sealError.by}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSealOpen(false)}>
              取消
            </Button>
            <Button onClick={() => void confirmSubmit()} loading={busy}>
              确认报送
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
