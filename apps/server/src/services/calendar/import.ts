import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { CALENDAR_FILE_LAYOUT, ZCalendarYear, parseCalendarFile, type TCalendarFileRow, type TSavedCalendarYear } from '@portal/rules';
import { forbidden, invalid, type ActorContext } from '../../core/index.js';
import { cellText, decodeText } from '../../lib/table-cells.js';
import { assertSafeZip, ZipRefused } from '../../lib/zip-guard.js';
import { saveCalendarYear } from './save.js';

/** A year's schedule is at most a few dozen rows; 1 MB is generous. */
export const MAX_CALENDAR_FILE_BYTES = 1024 * 1024;
const MAX_SHOWN_ERRORS = 30;

const bad = (message: string) => invalid(message, 'file');

async function readRows(bytes: Buffer, fileName: string): Promise<TCalendarFileRow[]> {
  if (bytes.length === 0) throw bad('文件为空，请选择填好的节假日安排文件');
  if (bytes.length > MAX_CALENDAR_FILE_BYTES) throw bad('文件超过 1 MB，节假日安排文件不应这么大，请检查是否选错了文件');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    await assertSafeZip(bytes).catch((err: unknown) => {
      throw err instanceof ZipRefused ? bad(err.message) : err;
    });
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw bad('无法读取该 .xlsx 文件（文件已损坏或不是 Excel 表格），请重新导出后上传');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw bad('文件中没有工作表');
    const rows: TCalendarFileRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      rows.push({ line, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellText) });
    });
    return rows;
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw bad('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再上传');
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw bad('文件扩展名为 .xlsx，但内容不是有效的 Excel 文件（可能已损坏）');
  if (bytes.includes(0)) throw bad('文件不是表格：请上传 .xlsx 或 .csv 格式的节假日安排');
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    throw bad('无法读取该 .csv 文件：引号或分隔符不匹配，请用 Excel 另存为 .xlsx 后上传');
  }
  return records.map((cells, i) => ({ line: i + 1, cells }));
}

/**
 * Imports a year's holiday schedule from a file (layout: CALENDAR_FILE_LAYOUT). Every row is
 * checked first and all problems are reported together, each with its line; only a wholly good
 * file is stored, through the same path as entry by hand (saveCalendarYear: system-level
 * administrators only, audited with the old and new lists), so every open clock reads the new
 * year at once — clocks are computed from the stored calendar when read.
 */
export async function importCalendarYear({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: { year: string | undefined; fileName: string | undefined; source: string | undefined; bytes: Buffer };
}): Promise<TSavedCalendarYear & { fileName: string }> {
  if (ctx.actor.orgLevel !== 'system') throw forbidden('节假日安排全国统一，只有系统级管理员可以导入；如发现有误，请联系系统管理员');
  const year = Number(input.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('请选择要导入的年度（2000—2100）', 'year');
  const fileName = (input.fileName ?? '').trim().slice(0, 200) || '未命名文件';
  const source = (input.source ?? '').trim() || `文件导入：${fileName}`;
  if (source.length > 200) throw invalid('依据最多 200 字', 'source');
  const rows = await readRows(input.bytes, fileName);
  const parsed = parseCalendarFile(year, rows, source);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, MAX_SHOWN_ERRORS).map((e) => e.message);
    const more = parsed.errors.length > MAX_SHOWN_ERRORS ? `\n……另有 ${parsed.errors.length - MAX_SHOWN_ERRORS} 处错误` : '';
    throw bad(`文件有 ${parsed.errors.length} 处错误，未导入任何日期：\n${shown.join('\n')}${more}\n格式要求：${CALENDAR_FILE_LAYOUT}`);
  }
  const saved = await saveCalendarYear({ ctx, input: ZCalendarYear.parse(parsed.year) });
  return { ...saved, fileName };
}
