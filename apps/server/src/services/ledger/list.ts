import { count, persons } from '@portal/db';
import { type TLedgerPage, ZLedgerFilter, maskIdNumber } from '@portal/rules';
import { z } from 'zod';
import { ledgerCells, ledgerWhere, loadUnits, queryLedgerPage, type LedgerScope } from './query.js';
import { type ActorContext, getScopedOrgUnit, withReportReads } from '../../core/index.js';

export const ZListLedgerInput = ZLedgerFilter.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export async function ledgerScope(ctx: ActorContext, filter: { orgUnitId?: string; year: number }): Promise<LedgerScope> {
  const user = ctx.actor;
  const unitPath = filter.orgUnitId ? (await getScopedOrgUnit(ctx.db, user, filter.orgUnitId)).path : user.regionPath;
  return { user, year: filter.year, unitPath };
}

/** One page of the ledger for the screen: the 36 cells with the ID number masked (money in fen). */
export async function listLedger({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZListLedgerInput> }): Promise<TLedgerPage> {
  return withReportReads(ctx, async (ctx) => {
    const data = input;
    const scope = await ledgerScope(ctx, data);
    const units = await loadUnits(ctx.db, scope.unitPath);
    const [rows, total] = await Promise.all([
      queryLedgerPage(ctx.db, scope, units, { offset: (data.page - 1) * data.pageSize, limit: data.pageSize }),
      ctx.db.select({ n: count() }).from(persons).where(ledgerWhere(scope)),
    ]);
    return {
      items: rows.map((r) => ({ personId: r.personId, cells: ledgerCells(r, maskIdNumber(r.idNumber)) })),
      total: total[0]?.n ?? 0,
      page: data.page,
      pageSize: data.pageSize,
    };
  });
}
