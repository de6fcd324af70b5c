import type ExcelJS from 'exceljs';

/* Cell and text helpers shared by the file uploads (department lists, holiday schedules). */

/** A cell's text as typed (a date cell as YYYY-MM-DD, a formula as its result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** A CSV file's text, UTF-8 (with or without BOM) or GB 18030 as Excel on Chinese Windows saves it. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel on Chinese Windows saves CSV in GB 18030 (GBK).
    return new TextDecoder('gb18030').decode(bytes);
  }
}
