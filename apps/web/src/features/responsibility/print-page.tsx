import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { EXTRA_ITEM_KEY, orderRows, RESPONSIBILITY_COLUMNS, rowLabel } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../lib/dates';
import { readServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import './print.css';

/** The table in the official printed layout of annex 2, on A4, with a print stylesheet. */
export function PrintPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const table = useQuery(trpc.responsibility.printable.queryOptions({ id }));
  if (table.error)
    return (
      <Center p="xl">
        <Text c="red">{readServerError(table.error).message}</Text>
      </Center>
    );
  if (table.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const t = table.data;
  const ordered = orderRows(t.template, t.rows);
  const lines: { label: string; row?: (typeof ordered)[number] }[] = [];
  for (const item of t.template.items) {
    const people = ordered.filter((r) => r.itemKey === item.key);
    if (!people.length) lines.push({ label: item.label });
    for (const p of people) lines.push({ label: item.label, row: p });
  }
  for (const p of ordered.filter((r) => r.itemKey === EXTRA_ITEM_KEY)) lines.push({ label: rowLabel(t.template, p), row: p });
  // The form prints 填报时间：____年__月__日 with the date written into the blanks.
  const [y, m, d] = t.filledDate ? formatDate(t.filledDate).split(/[年月日]/) : ['', '', ''];
  return (
    <div className="print-root">
      <Group className="no-print print-toolbar" justify="space-between">
        <Button variant="default" component={Link} to={`/responsibility/submissions/${id}`}>
          返回
        </Button>
        <Text size="sm" c="dimmed">
          A4 纵向打印；打印后加盖单位公章
        </Text>
        <Button onClick={() => window.print()}>打印</Button>
      </Group>
      <article className="a4-sheet" aria-label="打印预览">
        <h1 className="print-title">{t.title}</h1>
        <div className="print-header">
          <span>填报单位（盖章）：{t.unitName}</span>
          <span>
            填报时间：<span className="date-slot">{y}</span>年<span className="date-slot">{m}</span>月<span className="date-slot">{d}</span>
            日
          </span>
        </div>
        <table className="print-table">
          <colgroup>
            <col style={{ width: '30%' }} />
            <col style={{ width: '12%' }} />
            <col style={{ width: '28%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '17%' }} />
          </colgroup>
          <thead>
            <tr>
              {RESPONSIBILITY_COLUMNS.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l, n) => (
              <tr key={n}>
                <td>{l.label}</td>
                <td>{l.row?.name}</td>
                <td>{l.row?.unitAndDepartment}</td>
                <td>{l.row?.post}</td>
                <td>{l.row?.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {t.remark && <p className="print-remark">{t.remark}</p>}
        {t.template.notes.length > 0 && (
          <div className="print-notes">
            <div>说明：</div>
            {t.template.notes.map((note, i) => (
              <div key={i} className="print-note">
                {i + 1}. {note}
              </div>
            ))}
          </div>
        )}
      </article>
    </div>
  );
}
