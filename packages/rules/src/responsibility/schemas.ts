import { z } from 'zod';
import { PHONE_PATTERN, ZPhone } from '../access/index.js';
import { ZIsoDate } from '../calendar/dates.js';
import { TEMPLATE_ORGANISATIONS, type TResponsibilityTemplate } from './templates.js';

/** The `itemKey` of a row the reporting unit added for a further specific responsibility. */
export const EXTRA_ITEM_KEY = 'extra';

const text = (label: string, max: number) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .max(max, `${label}最多 ${max} 个字`);

/**
 * One person named for one responsibility. In a draft every field may still be empty; a phone
 * that is filled in must already be valid, so a clerk learns of a typo when saving, not at the end.
 */
export const ZResponsibilityRow = z.object({
  itemKey: z.string().trim().min(1, '缺少责任项').max(64),
  /** Only for extra rows: the responsibility's own name. */
  extraLabel: text('责任分工', 64).default(''),
  name: text('姓名', 32).default(''),
  unitAndDepartment: text('单位及部门', 64).default(''),
  post: text('职务', 32).default(''),
  phone: z
    .string()
    .trim()
    .max(20, '电话号码过长')
    .default('')
    .refine((v) => v === '' || PHONE_PATTERN.test(v), '电话号码格式不正确（手机号 11 位，或带区号的固定电话，如 0715-8123456）'),
  /** Confirms the person heads the responsible division (处/科室) — required on direct rows. */
  isDivisionHead: z.boolean().default(false),
});
export type TResponsibilityRow = z.output<typeof ZResponsibilityRow>;
export type TResponsibilityRowInput = z.input<typeof ZResponsibilityRow>;

export const ZResponsibilityRows = z.array(ZResponsibilityRow).max(200, '行数过多（最多 200 行）');

export const ZTemplateItemInput = z.object({
  label: text('责任分工', 64).min(1, '请输入责任分工'),
  hint: text('说明', 200).default(''),
  isDirect: z.boolean().default(false),
});

/** A custom template an administrator defines. */
export const ZTemplateInput = z.object({
  name: text('模板名称', 64).min(2, '请输入模板名称'),
  title: text('表格标题', 64).min(2, '请输入表格标题'),
  organisedBy: z.enum(TEMPLATE_ORGANISATIONS, { error: '请选择组织方式' }),
  items: z.array(ZTemplateItemInput).min(1, '至少需要一项责任').max(60, '责任项最多 60 项'),
  notes: z.array(text('说明', 200).min(1, '说明不能为空')).max(10, '说明最多 10 条').default([]),
  allowExtraRows: z.boolean().default(true),
});
export type TTemplateInput = z.input<typeof ZTemplateInput>;

export const ZCreateTemplateInput = ZTemplateInput;
export const ZUpdateTemplateInput = z.object({ id: z.uuid(), data: ZTemplateInput });
export const ZArchiveTemplateInput = z.object({ id: z.uuid() });

/** Opening a reporting round. */
export const ZOpenRoundInput = z.object({
  title: text('填报任务名称', 80).min(2, '请输入填报任务名称'),
  templateKey: z.string({ error: '请选择模板' }).trim().min(1, '请选择模板').max(64),
  dueDate: ZIsoDate,
  orgUnitIds: z.array(z.uuid('机构无效')).min(1, '请至少选择一个填报单位').max(200, '填报单位过多'),
  instructions: text('填报说明', 500).default(''),
});
export type TOpenRoundInput = z.input<typeof ZOpenRoundInput>;

export const ZSaveDraftInput = z.object({
  submissionId: z.uuid(),
  filledDate: ZIsoDate.optional().or(z.literal('').transform(() => undefined)),
  rows: ZResponsibilityRows,
});
export type TSaveDraftInput = z.input<typeof ZSaveDraftInput>;

export const ZSubmitInput = ZSaveDraftInput.extend({
  filledDate: ZIsoDate,
  sealConfirmed: z.literal(true, { error: '请确认已加盖单位公章' }),
  sealConfirmedBy: text('盖章确认人', 32).min(1, '请输入盖章确认人姓名'),
});
export type TSubmitInput = z.input<typeof ZSubmitInput>;

export const ZReturnInput = z.object({
  submissionId: z.uuid(),
  comment: text('退回意见', 500).min(2, '请填写退回意见（至少 2 个字）'),
});

export const ZSearchResponsibleInput = z.object({
  q: text('检索词', 32).default(''),
  orgUnitId: z.uuid().optional(),
});

export interface RowIssue {
  /** `rows.<index>.<field>` so forms can place the message on the field. */
  path: string;
  message: string;
}

/**
 * What must hold before a table can be submitted: every printed responsibility has at least one
 * complete row, every row is complete with a valid phone, direct rows name a division head, and
 * extra rows only where the template allows them.
 */
export function validateRowsForSubmit(
  template: Pick<TResponsibilityTemplate, 'items' | 'allowExtraRows'>,
  rows: readonly TResponsibilityRow[],
): RowIssue[] {
  const issues: RowIssue[] = [];
  const items = new Map(template.items.map((i) => [i.key, i]));
  rows.forEach((row, index) => {
    const at = (field: string, message: string) => issues.push({ path: `rows.${index}.${field}`, message });
    const isExtra = row.itemKey === EXTRA_ITEM_KEY;
    const item = items.get(row.itemKey);
    if (!isExtra && !item) return at('itemKey', '责任项不属于本模板');
    if (isExtra && !template.allowExtraRows) return at('itemKey', '本模板不允许加行');
    if (isExtra && !row.extraLabel) at('extraLabel', '请填写加行的责任分工');
    if (!row.name) at('name', '请填写姓名');
    if (!row.unitAndDepartment) at('unitAndDepartment', '请填写单位及部门');
    if (!row.post) at('post', '请填写职务');
    if (!row.phone) at('phone', '请填写联系电话');
    else if (!ZPhone.safeParse(row.phone).success) at('phone', '电话号码格式不正确（手机号 11 位，或带区号的固定电话，如 0715-8123456）');
    if (item?.isDirect && !row.isDivisionHead) at('isDivisionHead', '直接负责人须为责任处（科）室或内设部门负责人，请确认');
  });
  for (const item of template.items) {
    if (!rows.some((r) => r.itemKey === item.key)) issues.push({ path: `items.${item.key}`, message: `“${item.label}”尚未填报责任人` });
  }
  return issues;
}

/**
 * Rows in the template's order (extra rows last), keeping each item's people in the order given.
 * Rows whose item the template does not know are dropped.
 */
export function orderRows(template: Pick<TResponsibilityTemplate, 'items'>, rows: readonly TResponsibilityRow[]): TResponsibilityRow[] {
  const order = new Map(template.items.map((i, n) => [i.key, n]));
  return rows
    .map((row, n) => ({ row, n, rank: row.itemKey === EXTRA_ITEM_KEY ? template.items.length : (order.get(row.itemKey) ?? -1) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.n - b.n)
    .map((r) => r.row);
}

/** The 责任分工 text of a row. */
export function rowLabel(
  template: Pick<TResponsibilityTemplate, 'items'>,
  row: Pick<TResponsibilityRow, 'itemKey' | 'extraLabel'>,
): string {
  if (row.itemKey === EXTRA_ITEM_KEY) return row.extraLabel || '（加行）';
  return template.items.find((i) => i.key === row.itemKey)?.label ?? row.itemKey;
}
