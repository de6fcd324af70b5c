import { desc, eq, responsibilityVersions } from '@portal/db';
import {
  EXTRA_ITEM_KEY,
  REPORTING_STATUS_LABELS,
  RESPONSIBILITY_COLUMNS,
  type TPrintableTable,
  formatChineseDate,
  neutraliseCell,
  orderRows,
  rowLabel,
  safeSheetName,
} from '@portal/rules';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import { findCjkFont } from '../../lib/fonts.js';
import { type ZGetRoundInput } from './rounds.js';
import { loadRoundTables } from './rollup.js';
import { canSeePhones, getSupervisedRound, getVisibleSubmission, presentRows } from './internal.js';
import { type ActorContext, chinaDate, preconditionFailed } from '../../core/index.js';

/** What one printed table shows (`remark` is printed above the notes when the table is not the submitted one). */
export type PrintableTable = Omit<TPrintableTable, 'stage' | 'version'>;

/** Every printed responsibility gets at least one line, so a blank form still shows all of them. */
export function printedLines(table: PrintableTable): string[][] {
  const ordered = orderRows(table.template, table.rows);
  const lines: string[][] = [];
  for (const item of table.template.items) {
    const people = ordered.filter((r) => r.itemKey === item.key);
    if (!people.length) lines.push([item.label, '', '', '', '']);
    for (const p of people) lines.push([item.label, p.name, p.unitAndDepartment, p.post, p.phone]);
  }
  for (const p of ordered.filter((r) => r.itemKey === EXTRA_ITEM_KEY))
    lines.push([rowLabel(table.template, p), p.name, p.unitAndDepartment, p.post, p.phone]);
  return lines;
}

function dateLine(filledDate: string | null) {
  return filledDate ? `填报时间：${formatChineseDate(filledDate)}` : '填报时间：    年  月  日';
}

/** Writes one table on a worksheet in the printed layout (title, header line, five columns, notes). */
function writeSheet(sheet: ExcelJS.Worksheet, table: PrintableTable) {
  const cell = (v: string) => neutraliseCell(v);
  sheet.columns = [{ width: 30 }, { width: 12 }, { width: 30 }, { width: 16 }, { width: 18 }];
  sheet.mergeCells('A1:E1');
  const title = sheet.getCell('A1');
  title.value = cell(table.title);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(1).height = 28;
  sheet.mergeCells('A2:C2');
  sheet.getCell('A2').value = cell(`填报单位（盖章）：${table.unitName}`);
  sheet.mergeCells('D2:E2');
  sheet.getCell('D2').value = cell(dateLine(table.filledDate));
  sheet.getCell('D2').alignment = { horizontal: 'right' };
  const header = sheet.getRow(3);
  header.values = [...RESPONSIBILITY_COLUMNS];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  const border = { style: 'thin' as const };
  const lines = printedLines(table);
  lines.forEach((line, n) => {
    const row = sheet.getRow(4 + n);
    row.values = line.map(cell);
    row.alignment = { vertical: 'middle', wrapText: true };
  });
  for (let r = 3; r < 4 + lines.length; r++) {
    for (let c = 1; c <= 5; c++) sheet.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  let at = 4 + lines.length + 1;
  if (table.remark) {
    sheet.getCell(at, 1).value = cell(table.remark);
    sheet.getCell(at, 1).font = { italic: true, color: { argb: 'FF9A3412' } };
    at += 1;
  }
  if (table.template.notes.length) {
    sheet.getCell(at, 1).value = '说明：';
    table.template.notes.forEach((note, i) => {
      sheet.mergeCells(at + 1 + i, 1, at + 1 + i, 5);
      sheet.getCell(at + 1 + i, 1).value = cell(`${i + 1}. ${note}`);
    });
  }
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

export const ZExportSubmissionInput = z.object({ id: z.uuid() });

/**
 * The table one unit shows in print and export: its own clerk sees the working copy (the draft it
 * is about to seal); everyone else the latest submitted version, or the blank form if none yet.
 */
export async function loadPrintableTable({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZExportSubmissionInput>;
}): Promise<TPrintableTable> {
  const user = ctx.actor;
  const { id } = input;
  const { submission: sub, round, unitName } = await getVisibleSubmission(ctx.db, user, id);
  const showPhones = canSeePhones(user, sub.orgUnitId);
  const base = { title: round.template.title, unitName, template: round.template };
  if (user.orgUnitId === sub.orgUnitId) {
    return {
      ...base,
      filledDate: sub.filledDate,
      rows: presentRows(sub.rows, showPhones),
      stage: sub.stage,
      version: sub.stage === 'submitted' ? sub.currentVersion : null,
      ...(sub.stage === 'submitted' ? {} : { remark: '（草稿，尚未报送）' }),
    };
  }
  const [latest] = await ctx.db
    .select()
    .from(responsibilityVersions)
    .where(eq(responsibilityVersions.submissionId, sub.id))
    .orderBy(desc(responsibilityVersions.version))
    .limit(1);
  if (!latest) return { ...base, filledDate: null, rows: [], stage: sub.stage, version: null, remark: '（该单位尚未报送）' };
  return {
    ...base,
    filledDate: latest.filledDate,
    rows: presentRows(latest.rows, showPhones),
    stage: sub.stage,
    version: latest.version,
    ...(sub.stage === 'returned' ? { remark: `（第 ${latest.version} 版，已退回修改）` } : {}),
  };
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function newWorkbook(ctx: ActorContext) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '医保扶贫经办平台';
  workbook.created = ctx.now();
  return workbook;
}

/** One unit's table as an .xlsx workbook. */
export async function exportTableXlsx({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZExportSubmissionInput> }) {
  const table = await loadPrintableTable({ ctx, input });
  const workbook = newWorkbook(ctx);
  writeSheet(workbook.addWorksheet(safeSheetName(table.unitName, new Set())), table);
  return { filename: `${table.title}-${table.unitName}.xlsx`, body: await toBuffer(workbook) };
}

/** The round's roll-up: a summary sheet, then one sheet per reporting unit. */
export async function exportRollupXlsx({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZGetRoundInput> }) {
  const user = ctx.actor;
  const { id } = input;
  const round = await getSupervisedRound(ctx.db, user, id);
  const today = chinaDate(ctx.now());
  const units = await loadRoundTables(ctx.db, user, round, today);
  const workbook = newWorkbook(ctx);
  const taken = new Set<string>();
  const summary = workbook.addWorksheet(safeSheetName('汇总', taken));
  summary.columns = [{ width: 24 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 16 }];
  summary.mergeCells('A1:E1');
  summary.getCell('A1').value = neutraliseCell(
    `${round.title}（截止 ${formatChineseDate(round.dueDate)}，统计日 ${formatChineseDate(today)}）`,
  );
  summary.getCell('A1').font = { bold: true, size: 14 };
  summary.getRow(2).values = ['填报单位', '状态', '版本', '填报时间', '盖章确认人'];
  summary.getRow(2).font = { bold: true };
  units.forEach((u, n) => {
    summary.getRow(3 + n).values = [
      u.unitName,
      REPORTING_STATUS_LABELS[u.status],
      u.version ? `第 ${u.version.version} 版` : '',
      u.version ? formatChineseDate(u.version.filledDate) : '',
      u.version?.sealConfirmedBy ?? '',
    ].map(neutraliseCell);
  });
  for (const u of units) {
    writeSheet(workbook.addWorksheet(safeSheetName(u.unitName, taken)), {
      title: round.template.title,
      unitName: u.unitName,
      filledDate: u.version?.filledDate ?? null,
      template: round.template,
      rows: u.version?.rows ?? [],
      ...(u.version
        ? u.stage === 'returned'
          ? { remark: `（第 ${u.version.version} 版，已退回修改）` }
          : {}
        : { remark: '（该单位尚未报送）' }),
    });
  }
  return { filename: `${round.title}-汇总.xlsx`, body: await toBuffer(workbook) };
}

/** One unit's table as an A4 PDF in the printed layout, with a CJK font installed on the server. */
export async function exportTablePdf({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZExportSubmissionInput> }) {
  const table = await loadPrintableTable({ ctx, input });
  const font = findCjkFont();
  if (!font) throw preconditionFailed('服务器未安装中文字体（fonts-noto-cjk），暂不能生成 PDF，请使用“打印”');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    info: { Title: `${table.title}-${table.unitName}`, Creator: '医保扶贫经办平台' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(18).text(table.title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
  const headerY = doc.y;
  doc.fontSize(10.5).text(`填报单位（盖章）：${table.unitName}`, left, headerY, { width: width * 0.6 });
  doc.text(dateLine(table.filledDate), left + width * 0.6, headerY, { width: width * 0.4, align: 'right' });
  doc.moveDown(0.6);
  const widths = [0.3, 0.12, 0.28, 0.14, 0.16].map((f) => f * width);
  const drawRow = (cells: string[], bold = false) => {
    const padding = 4;
    doc.fontSize(bold ? 10.5 : 10);
    const height = Math.max(22, ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - padding * 2 }) + padding * 2));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, height).lineWidth(0.6).stroke();
      doc.text(c, x + padding, y + padding, { width: widths[i]! - padding * 2, align: bold ? 'center' : 'left' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  drawRow([...RESPONSIBILITY_COLUMNS], true);
  for (const line of printedLines(table)) drawRow(line);
  doc.moveDown(0.8);
  doc.fontSize(10);
  if (table.remark) doc.text(table.remark, left, doc.y, { width });
  if (table.template.notes.length) {
    doc.text('说明：', left, doc.y, { width });
    table.template.notes.forEach((note, i) => doc.text(`${i + 1}. ${note}`, left + 12, doc.y, { width: width - 12 }));
  }
  doc.end();
  await done;
  return { filename: `${table.title}-${table.unitName}.pdf`, body: Buffer.concat(chunks) };
}
