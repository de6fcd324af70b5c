import { orderRows, rowLabel, type TResponsibilityRow } from './schemas.js';
import type { TResponsibilityTemplate } from './templates.js';

export const ROW_FIELDS = ['name', 'unitAndDepartment', 'post', 'phone', 'isDivisionHead'] as const;
export type TRowField = (typeof ROW_FIELDS)[number];

export const ROW_FIELD_LABELS: Record<TRowField | 'extraLabel', string> = {
  extraLabel: '责任分工',
  name: '姓名',
  unitAndDepartment: '单位及部门',
  post: '职务',
  phone: '联系电话',
  isDivisionHead: '处（科）室负责人',
};

export type TRowChange =
  | { kind: 'added'; label: string; row: TResponsibilityRow }
  | { kind: 'removed'; label: string; row: TResponsibilityRow }
  | { kind: 'changed'; label: string; fields: { field: TRowField; before: string; after: string }[] };

export interface TVersionDiff {
  changes: TRowChange[];
  filledDate?: { before: string | null; after: string | null };
}

const show = (row: TResponsibilityRow, field: TRowField) => (field === 'isDivisionHead' ? (row.isDivisionHead ? '是' : '否') : row[field]);

/**
 * The differences between two versions of a unit's table. Rows are matched per responsibility by
 * position (the n-th person of an item against the n-th person of the same item), which is how a
 * reader compares two printed tables; extra rows are matched by their own label.
 */
export function diffVersions(
  template: Pick<TResponsibilityTemplate, 'items'>,
  before: { rows: readonly TResponsibilityRow[]; filledDate?: string | null },
  after: { rows: readonly TResponsibilityRow[]; filledDate?: string | null },
): TVersionDiff {
  const group = (rows: readonly TResponsibilityRow[]) => {
    const map = new Map<string, TResponsibilityRow[]>();
    for (const row of orderRows(template, rows)) {
      const key = `${row.itemKey}\u0000${row.itemKey === 'extra' ? row.extraLabel : ''}`;
      map.set(key, [...(map.get(key) ?? []), row]);
    }
    return map;
  };
  const a = group(before.rows);
  const b = group(after.rows);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const changes: TRowChange[] = [];
  for (const key of keys) {
    const left = a.get(key) ?? [];
    const right = b.get(key) ?? [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i];
      const r = right[i];
      if (l && !r) changes.push({ kind: 'removed', label: rowLabel(template, l), row: l });
      else if (!l && r) changes.push({ kind: 'added', label: rowLabel(template, r), row: r });
      else if (l && r) {
        const fields = ROW_FIELDS.filter((f) => show(l, f) !== show(r, f)).map((f) => ({
          field: f,
          before: show(l, f),
          after: show(r, f),
        }));
        if (fields.length) changes.push({ kind: 'changed', label: rowLabel(template, r), fields });
      }
    }
  }
  const result: TVersionDiff = { changes };
  if ((before.filledDate ?? null) !== (after.filledDate ?? null))
    result.filledDate = { before: before.filledDate ?? null, after: after.filledDate ?? null };
  return result;
}
