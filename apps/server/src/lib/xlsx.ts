import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '@portal/rules';

/** A streamed workbook: rows are flushed to `out` as they are committed, never held in memory. */
export function createStreamingWorkbook(out: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

/** Cell values for export: text neutralised against formula injection, numbers as they are. */
export function safeCells(values: readonly (string | number | null | undefined)[]): (string | number | null)[] {
  return values.map((v) => (typeof v === 'string' ? neutraliseCell(v) : (v ?? null)));
}

/** Fen as yuan for a spreadsheet cell (a number with two decimals, no float drift in display). */
export function yuanCell(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : Math.round(fen) / 100;
}
