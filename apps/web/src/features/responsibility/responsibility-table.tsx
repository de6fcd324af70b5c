import { Badge } from '@mantine/core';
import { rowLabel, type TResponsibilityRow, type TResponsibilityTemplate } from '@portal/rules';
import { useMemo } from 'react';
import { DataTable, type ColumnDef } from '../../components/data-table';

type Line = TResponsibilityRow & { n: number };

/** A submitted responsibility table, read-only: one line per person, the template's label first. */
export function ResponsibilityTable({
  template,
  rows,
  label = '责任分工表',
}: {
  template: Pick<TResponsibilityTemplate, 'items'>;
  rows: TResponsibilityRow[];
  label?: string;
}) {
  const columns = useMemo<ColumnDef<Line, never>[]>(
    () => [
      { id: 'label', header: '责任分工', cell: ({ row }) => rowLabel(template, row.original), meta: { width: 260 } },
      { id: 'name', header: '姓名', accessorKey: 'name' },
      { id: 'unit', header: '单位及部门', accessorKey: 'unitAndDepartment' },
      {
        id: 'post',
        header: '职务',
        cell: ({ row: { original: r } }) => (
          <>
            {r.post}
            {r.isDivisionHead && template.items.find((i) => i.key === r.itemKey)?.isDirect && (
              <Badge size="xs" ml={6} variant="light">
                处（科）室负责人
              </Badge>
            )}
          </>
        ),
      },
      { id: 'phone', header: '联系电话', accessorKey: 'phone', meta: { mono: true } },
    ],
    [template],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows.map((r, n) => ({ ...r, n }))}
      getRowId={(r) => String(r.n)}
      empty="尚未填写"
      withPaper={false}
      tableProps={{ striped: false, withTableBorder: true, withColumnBorders: true, verticalSpacing: 6, fz: 'sm', 'aria-label': label }}
    />
  );
}
