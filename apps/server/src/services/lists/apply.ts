import { eq, listBatches, personCategories, persons, sql } from '@portal/db';
import { type TCategoryId, type TListApplied, type TRecordRef, fromDayNumber, parseIdNumber, toDayNumber } from '@portal/rules';
import { z } from 'zod';
import { compareUpload, countsOf, fingerprintOf } from './internal.js';
import {
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  notFound,
  preconditionFailed,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

export const ZApplyListBatchInput = z.object({ id: z.uuid() });
const CHUNK = 1000;

/**
 * Applies a previewed batch in one transaction: new people and their categories, new categories
 * of registered people, changed attributes, and categories ended for people who left the list
 * (the day before the list date). The list is compared again inside the transaction; if the
 * registry changed since the preview the clerk is asked to compare again, so what is applied is
 * exactly what was shown.
 */
export async function applyListBatch({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZApplyListBatchInput>;
}): Promise<TListApplied> {
  const me = ctx.actor;
  const { id } = input;
  return withTransaction(ctx, async (ctx) => {
    const batch = (await ctx.db.select().from(listBatches).where(eq(listBatches.id, id)).for('update').limit(1))[0];
    if (!batch) throw notFound('比对批次不存在');
    assertInUserRegion(me, batch.regionPath, '该比对批次');
    if (batch.status !== 'previewed') throw preconditionFailed(batch.status === 'applied' ? '该批次已应用，不能重复应用' : '该批次已作废');
    if (batch.regionPath !== me.regionPath) throw preconditionFailed('比对批次只能由上传机构的人员应用');
    // One apply at a time per region: a second one waits here and then compares against what the
    // first changed (and is asked to compare again), instead of adding the same people twice.
    await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`list-apply:${batch.regionPath}`}))`);
    const meta = { sourceDepartment: batch.sourceDepartment, listDate: batch.listDate, fileName: batch.fileName };
    const result = await compareUpload(ctx.db, me, batch.rows, meta, chinaDate(ctx.now()));
    const counts = countsOf(result);
    if (fingerprintOf(result) !== batch.preview.fingerprint) {
      throw preconditionFailed('比对后登记信息已有变化（其他人员修改了登记），请重新上传比对后再应用');
    }
    const source = `名单比对：${batch.fileName}（名单日期 ${batch.listDate}）`;
    const fact = (personId: string, category: TCategoryId, identifiedOn: string | null) => ({
      personId,
      category,
      startDate: identifiedOn ?? batch.listDate,
      endDate: null,
      sourceDepartment: meta.sourceDepartment,
      sourceDocument: source,
    });
    const newIds = new Map<string, string>();
    for (let i = 0; i < result.newPersons.length; i += CHUNK) {
      const slice = result.newPersons.slice(i, i + CHUNK);
      const inserted = await ctx.db
        .insert(persons)
        .values(
          slice.map((p) => {
            const parsed = parseIdNumber(p.idNumber);
            if (!parsed.ok) throw new Error('validated id number failed to parse');
            return {
              name: p.name,
              idNumber: p.idNumber,
              sex: parsed.value.sex,
              birthDate: parsed.value.birthDate,
              hukouType: p.hukouType ?? 'rural',
              address: p.address,
              phone: p.phone,
              orgUnitId: p.unit.orgUnitId,
              regionPath: p.unit.regionPath,
            };
          }),
        )
        .returning({ id: persons.id, idNumber: persons.idNumber });
      for (const r of inserted) newIds.set(r.idNumber, r.id);
    }
    const facts = [
      ...result.newPersons.flatMap((p) => [
        fact(newIds.get(p.idNumber)!, p.category, p.identifiedOn),
        ...p.moreCategories.map((c) => fact(newIds.get(p.idNumber)!, c.category, c.identifiedOn)),
      ]),
      ...result.newCategories.map((c) => fact(c.personId, c.category, c.identifiedOn)),
    ];
    for (let i = 0; i < facts.length; i += CHUNK) await ctx.db.insert(personCategories).values(facts.slice(i, i + CHUNK));
    for (const c of result.changed) {
      const set: Partial<typeof persons.$inferInsert> = { updatedAt: ctx.now() };
      for (const ch of c.changes) (set as Record<string, unknown>)[ch.field] = ch.to;
      await ctx.db.update(persons).set(set).where(eq(persons.id, c.personId));
    }
    const dayBefore = fromDayNumber(toDayNumber(batch.listDate) - 1);
    for (const l of result.left) {
      const row = (
        await ctx.db
          .select({ startDate: personCategories.startDate })
          .from(personCategories)
          .where(eq(personCategories.id, l.factId))
          .limit(1)
      )[0];
      await ctx.db
        .update(personCategories)
        .set({ endDate: row && row.startDate > dayBefore ? row.startDate : dayBefore })
        .where(eq(personCategories.id, l.factId));
    }
    await ctx.db.update(listBatches).set({ status: 'applied', appliedBy: me.id, appliedAt: ctx.now() }).where(eq(listBatches.id, batch.id));
    await writeAudit(ctx, {
      action: 'list_batch.apply',
      entity: 'list_batch',
      entityId: batch.id,
      regionPath: batch.regionPath,
      after: {
        fileName: batch.fileName,
        ...counts,
        newPersons: result.newPersons.length,
        endedFacts: result.left.map((l) => l.factId),
        changedPersons: result.changed.map((c) => ({ personId: c.personId, changes: c.changes.map((x) => x.field) })),
      },
    });
    return { id: batch.id, ...counts, newPersons: result.newPersons.length };
  });
}

/** Discards a previewed batch (it stays on record as 作废). */
export async function discardListBatch({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZApplyListBatchInput>;
}): Promise<TRecordRef> {
  const me = ctx.actor;
  const { id } = input;
  return withTransaction(ctx, async (ctx) => {
    const batch = (await ctx.db.select().from(listBatches).where(eq(listBatches.id, id)).for('update').limit(1))[0];
    if (!batch) throw notFound('比对批次不存在');
    assertInUserRegion(me, batch.regionPath, '该比对批次');
    if (batch.status !== 'previewed') throw preconditionFailed('只有待应用的批次可以作废');
    await ctx.db.update(listBatches).set({ status: 'discarded' }).where(eq(listBatches.id, id));
    await writeAudit(ctx, { action: 'list_batch.discard', entity: 'list_batch', entityId: id, regionPath: batch.regionPath });
    return { id };
  });
}
