import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { mapListHeader, type TListField, type TRawListRow } from '@portal/rules';
import { invalid } from '../../core/index.js';
import { cellText, decodeText } from '../../lib/table-cells.js';
import { assertSafeZip, ZipRefused } from '../../lib/zip-guard.js';

/** Largest upload accepted; a department's list of 200 000 rows is about 10 MB as .xlsx. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_LIST_ROWS = 200_000;

export interface ReadRow {
  line: number;
  raw: TRawListRow;
}

const bad = (message: string) => invalid(message, 'file');

/**
 * Reads a department's list (.xlsx through exceljs's streaming reader, or .csv in UTF-8 or GB
 * 18030) into rows keyed by field. Refuses, with a message saying what is wrong, an empty file, an
 * oversized one, anything that is not a spreadsheet, and a sheet whose header lacks the required
 * columns. Only the rows are kept; the workbook is never loaded whole.
 */
export async function readListFile(bytes: Buffer, fileName: string): Promise<ReadRow[]> {
  if (bytes.length === 0) throw bad('文件为空，请选择填好的名单文件');
  if (bytes.length > MAX_UPLOAD_BYTES) throw bad(`文件大小 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 20 MB 上限，请分批上传`);
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    await assertSafeZip(bytes).catch((err: unknown) => {
      throw err instanceof ZipRefused ? bad(err.message) : err;
    });
    return readXlsx(bytes);
  }
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw bad('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再上传');
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw bad('文件扩展名为 .xlsx，但内容不是有效的 Excel 文件（可能已损坏）');
  if (bytes.subarray(0, 8192).includes(0)) throw bad('文件不是表格：请上传 .xlsx 或 .csv 格式的名单');
  return readCsv(bytes);
}

function toRaw(fields: (TListField | null)[], cells: string[]): TRawListRow | null {
  const raw: TRawListRow = {};
  let any = false;
  fields.forEach((f, i) => {
    const v = (cells[i] ?? '').trim();
    if (v) any = true;
    if (f && v) raw[f] = v;
  });
  return any ? raw : null;
}

function headerError(missing: string[]) {
  return bad(`表头不符：第一行应为列名，缺少“${missing.join('”“')}”列。请使用名单模板（姓名、身份证号、人员类别为必填列）`);
}

async function readXlsx(bytes: Buffer): Promise<ReadRow[]> {
  const rows: ReadRow[] = [];
  let fields: (TListField | null)[] | null = null;
  let idColumn = -1;
  // A refusal is kept and thrown after the reader is left: thrown inside the loop it can lose the
  // race with the error the torn-down zip stream raises (seen under load as 无法读取).
  let refusal: Error | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells = values.slice(1).map(cellText);
        if (!fields) {
          if (cells.every((c) => !c.trim())) continue;
          const mapped = mapListHeader(cells);
          if (!mapped.ok) {
            refusal = headerError(mapped.missing);
            break;
          }
          fields = mapped.fields;
          idColumn = fields.indexOf('idNumber');
          continue;
        }
        const rawId = values[idColumn + 1];
        if (typeof rawId === 'number' && rawId > 1e15) {
          // An 18-digit number stored as a number has already lost its last digits in Excel.
          rows.push({ line: row.number, raw: { ...toRaw(fields, cells), idNumber: `${cells[idColumn]}（数字格式）` } });
          continue;
        }
        const raw = toRaw(fields, cells);
        if (raw) rows.push({ line: row.number, raw });
        if (rows.length > MAX_LIST_ROWS) {
          refusal = bad(`名单超过 ${MAX_LIST_ROWS} 行，请按县分批上传`);
          break;
        }
      }
      break; // the list is the first sheet
    }
  } catch (err) {
    if (refusal) throw refusal;
    if (err instanceof Error && err.name === 'DomainError') throw err;
    throw bad('无法读取该 .xlsx 文件（文件已损坏或不是 Excel 表格），请重新导出后上传');
  }
  if (refusal) throw refusal;
  if (!fields) throw bad('文件中没有内容：第一行应为列名（姓名、身份证号、人员类别）');
  if (!rows.length) throw bad('文件只有表头，没有数据行');
  return rows;
}

function readCsv(bytes: Buffer): ReadRow[] {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    throw bad('无法读取该 .csv 文件：引号或分隔符不匹配，请用 Excel 另存为 .xlsx 后上传');
  }
  const start = records.findIndex((r) => r.some((c) => c.trim()));
  if (start < 0) throw bad('文件为空，请选择填好的名单文件');
  const mapped = mapListHeader(records[start]!);
  if (!mapped.ok) throw headerError(mapped.missing);
  const rows: ReadRow[] = [];
  for (let i = start + 1; i < records.length; i++) {
    const raw = toRaw(mapped.fields, records[i]!);
    if (raw) rows.push({ line: i + 1, raw });
  }
  if (rows.length > MAX_LIST_ROWS) throw bad(`名单超过 ${MAX_LIST_ROWS} 行，请按县分批上传`);
  if (!rows.length) throw bad('文件只有表头，没有数据行');
  return rows;
}
