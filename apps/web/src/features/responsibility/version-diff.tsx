import { Group, Select, Stack, Text } from '@mantine/core';
import { ROW_FIELD_LABELS, type TVersionDiff } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';

interface Line {
  key: string;
  label: string;
  change: string;
  before: string;
  after: string;
}

const COLUMNS: ColumnDef<Line, never>[] = [
  { id: 'label', header: '责任分工', accessorKey: 'label' },
  { id: 'change', header: '变化', accessorKey: 'change' },
  {
    id: 'before',
    header: '原内容',
    cell: ({ row }) => (
      <Text size="sm" c="red" td="line-through">
        {row.original.before}
      </Text>
    ),
  },
  {
    id: 'after',
    header: '新内容',
    cell: ({ row }) => (
      <Text size="sm" c="green.8">
        {row.original.after}
      </Text>
    ),
  },
];

/** The diff as table lines: one per changed field, added or removed person. */
function linesOf(diff: TVersionDiff): Line[] {
  const person = (r: { name: string; post: string; phone: string }) => `${r.name} ${r.post} ${r.phone}`;
  const lines: Line[] = [];
  if (diff.filledDate)
    lines.push({
      key: 'filledDate',
      label: '填报时间',
      change: '修改',
      before: formatDate(diff.filledDate.before),
      after: formatDate(diff.filledDate.after),
    });
  diff.changes.forEach((c, n) => {
    if (c.kind === 'changed')
      for (const f of c.fields)
        lines.push({
          key: `${n}-${f.field}`,
          label: c.label,
          change: `修改${ROW_FIELD_LABELS[f.field]}`,
          before: f.before || '（空）',
          after: f.after || '（空）',
        });
    else
      lines.push({
        key: String(n),
        label: c.label,
        change: c.kind === 'added' ? '新增责任人' : '删除责任人',
        before: c.kind === 'removed' ? person(c.row) : '',
        after: c.kind === 'added' ? person(c.row) : '',
      });
  });
  return lines;
}

/** Two submitted versions of a table side by side, field by field. */
export function VersionDiff({ submissionId, versions }: { submissionId: string; versions: { version: number }[] }) {
  const trpc = useTRPC();
  const last = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, last - 1)));
  const [to, setTo] = useState(String(last));
  const diff = useQuery({
    ...trpc.responsibility.diff.queryOptions({ submissionId, from: Number(from), to: Number(to) }),
    enabled: versions.length > 1,
  });
  if (versions.length < 2)
    return (
      <Text size="sm" c="dimmed">
        只有一个版本，重新报送后可在此对比。
      </Text>
    );
  const options = versions.map((v) => ({ value: String(v.version), label: `第 ${v.version} 版` }));
  return (
    <Stack gap="xs">
      <Group>
        <Select label="从" data={options} value={from} onChange={(v) => v && setFrom(v)} w={120} allowDeselect={false} />
        <Select label="到" data={options} value={to} onChange={(v) => v && setTo(v)} w={120} allowDeselect={false} />
      </Group>
      <DataTable
        columns={COLUMNS}
        rows={diff.data && linesOf(diff.data)}
        getRowId={(l) => l.key}
        query={diff}
        empty="两个版本内容相同"
        tableProps={{ striped: false, withTableBorder: true, verticalSpacing: 4, fz: 'sm', 'aria-label': '版本差异' }}
        withPaper={false}
      />
    </Stack>
  );
}
