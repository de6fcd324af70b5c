import type { z } from 'zod';
import type { Writable } from 'node:stream';
import { LEDGER_COLUMNS, LEDGER_GROUPS, LEDGER_TITLE, maskIdNumber, type ZLedgerFilter } from '@portal/rules';
import { createStreamingWorkbook, safeCells, yuanCell } from '../../lib/xlsx.js';
import { ledgerCells, loadUnits, queryLedgerPage } from './query.js';
import { ledgerScope } from './list.js';
import { type ActorContext, chinaDate, writeAudit, withReportReads, withTransaction } from '../../core/index.js';

const PAGE = 2000;
/** Rows of the sheet above the data: title, filter line, group headings, headings, numbering. */
export const LEDGER_HEADER_ROWS = 6;

/**
 * Writes the ledger as .xlsx to `out`, page by page (keyset on the person id) through exceljs's
 * streaming writer, so a million rows never sit in memory. ID numbers are masked unless the user
 * holds the full-export grant (reconciliation with other departments); every export is audited
 * with which it was.
 */
export async function exportLedger({ ctx, input, out }: { ctx: ActorContext; input: z.output<typeof ZLedgerFilter>; out: Writable }) {
  const filter = input;
  const scope = await ledgerScope(ctx, filter);
  await withTransaction(ctx, async (ctx) => {
    await writeAudit(ctx, {
      action: 'ledger.export',
      entity: 'ledger',
      regionPath: scope.unitPath,
      after: { year: filter.year, unitPath: scope.unitPath, full: ctx.actor.canExportFull },
    });
  });
  // One read-only snapshot on the report pool for the whole file; a client that goes away stops it.
  return withReportReads(ctx, async (ctx) => {
    const units = await loadUnits(ctx.db, scope.unitPath);
    const wb = createStreamingWorkbook(out);
    const ws = wb.addWorksheet(`${filter.year}年台账`, { views: [{ state: 'frozen', ySplit: LEDGER_HEADER_ROWS, xSplit: 5 }] });
    ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.no === 5 ? 22 : c.kind === 'flag' ? 12 : c.no <= 4 ? 16 : 14 }));
    const bold = { bold: true };
    const center = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };
    const titleRow = ws.addRow([LEDGER_TITLE]);
    titleRow.font = { bold: true, size: 16 };
    titleRow.alignment = center;
    ws.mergeCells(1, 1, 1, 36);
    titleRow.commit();
    const filterRow = ws.addRow(
      safeCells([`区划：${units.get(scope.unitPath)?.name ?? ''}　年度：${filter.year}　导出日期：${chinaDate(ctx.now())}　金额单位：元`]),
    );
    ws.mergeCells(2, 1, 2, 36);
    filterRow.commit();
    const groupRow = ws.addRow([...LEDGER_COLUMNS.slice(0, 18).map((c) => c.heading), '待遇保障情况']);
    const subRow = ws.addRow([...Array(18).fill(null), ...LEDGER_GROUPS.flatMap((g) => [g, null, null, null, null, null])]);
    const headRow = ws.addRow([...Array(18).fill(null), ...LEDGER_COLUMNS.slice(18).map((c) => c.heading)]);
    for (const row of [groupRow, subRow, headRow]) {
      row.font = bold;
      row.alignment = center;
    }
    for (let c = 1; c <= 18; c++) ws.mergeCells(3, c, 5, c);
    ws.mergeCells(3, 19, 3, 36);
    LEDGER_GROUPS.forEach((_, g) => ws.mergeCells(4, 19 + g * 6, 4, 24 + g * 6));
    groupRow.height = 60;
    for (const row of [groupRow, subRow, headRow]) row.commit();
    const numbers = ws.addRow(LEDGER_COLUMNS.map((c) => c.no));
    numbers.alignment = center;
    numbers.commit();

    const full = ctx.actor.canExportFull;
    const moneyCols = new Set(LEDGER_COLUMNS.filter((c) => c.kind === 'money').map((c) => c.no - 1));
    let afterId: string | undefined = '';
    let count = 0;
    while (afterId !== undefined) {
      const rows = await queryLedgerPage(ctx.db, scope, units, { afterId: afterId || undefined, limit: PAGE });
      for (const r of rows) {
        const cells = ledgerCells(r, full ? r.idNumber : maskIdNumber(r.idNumber)).map((v, i) =>
          moneyCols.has(i) ? yuanCell(v as number | null) : v,
        );
        const row = ws.addRow(safeCells(cells));
        for (const i of moneyCols) row.getCell(i + 1).numFmt = '0.00';
        row.commit();
        count++;
      }
      afterId = rows.length === PAGE ? rows[rows.length - 1]!.personId : undefined;
    }
    ws.commit();
    await wb.commit();
    return { count };
  });
}
