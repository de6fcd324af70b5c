import { ActionIcon, Table, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { CheckboxField, TextField } from '../../components/fields';
import type { TableForm } from './submission-form';

const FIELDS = ['name', 'unitAndDepartment', 'post', 'phone'] as const;
const FIELD_LABELS = { name: '姓名', unitAndDepartment: '单位及部门', post: '职务', phone: '联系电话' } as const;

interface RowProps {
  form: TableForm;
  index: number;
  label: string;
  nth: number;
  isDirect: boolean;
  isExtra: boolean;
  canRemove: boolean;
  onRemove: () => void;
}

/** One person of one responsibility; the labels name the responsibility (and the n-th person) for screen readers. */
export function PersonRow({ form, index, label, nth, isDirect, isExtra, canRemove, onRemove }: RowProps) {
  const suffix = nth > 1 ? ` ${nth}` : '';
  const aria = (f: string) => `${label} ${f}${suffix}`;
  return (
    <Table.Tr>
      <Table.Td w="22%" style={{ verticalAlign: 'top' }}>
        {isExtra ? (
          <TextField
            control={form.control}
            name={`rows.${index}.extraLabel`}
            size="xs"
            placeholder="责任分工（如：政策宣传责任人）"
            aria-label={`${label} 责任分工`}
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
          <TextField
            control={form.control}
            name={`rows.${index}.${f}`}
            size="xs"
            aria-label={aria(FIELD_LABELS[f])}
            placeholder={f === 'phone' ? '手机或区号-座机' : undefined}
          />
        </Table.Td>
      ))}
      <Table.Td style={{ verticalAlign: 'top' }}>
        {isDirect && (
          <CheckboxField
            control={form.control}
            name={`rows.${index}.isDivisionHead`}
            size="xs"
            mt={6}
            label="处（科）室负责人"
            aria-label={aria('处（科）室负责人')}
          />
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {canRemove && (
          <Tooltip label="删除此行">
            <ActionIcon variant="subtle" color="red" mt={2} aria-label={`删除 ${label}${suffix}`} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
