import { type TListBatchUndo, eq, listBatches, personCategories, persons } from '@portal/db';
import {
  CATEGORY_LABELS,
  type TCategoryId,
  type TFlaggedClaim,
  type TListApplied,
  type TRecordRef,
  fromDayNumber,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  toDayNumber,
} from '@portal/rules';
import { z } from 'zod';
import { compareUpload, countsOf, fingerprintOf, lockBatch, lockRegionForWrite, settledClaimsUnder } from './internal.js';
import { type ActorContext, chinaDate, preconditionFailed, writeAudit, writeAuditRows, withTransaction } from '../../core/index.js';

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
    const batch = await lockBatch(ctx, id);
    if (batch.status !== 'previewed')
      throw preconditionFailed(batch.status === 'applied' ? '该批次已应用，不能重复应用' : '该批次已作废或已撤销');
    await lockRegionForWrite(ctx, batch, '应用');
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
    const insertedFactIds: string[] = [];
    for (let i = 0; i < facts.length; i += CHUNK) {
      const rows = await ctx.db
        .insert(personCategories)
        .values(facts.slice(i, i + CHUNK))
        .returning({ id: personCategories.id });
      insertedFactIds.push(...rows.map((r) => r.id));
    }
    for (const c of result.changed) {
      const set: Partial<typeof persons.$inferInsert> = { updatedAt: ctx.now() };
      for (const ch of c.changes) (set as Record<string, unknown>)[ch.field] = ch.to;
      await ctx.db.update(persons).set(set).where(eq(persons.id, c.personId));
    }
    const dayBefore = fromDayNumber(toDayNumber(batch.listDate) - 1);
    const endedFacts: TListBatchUndo['endedFacts'] = [];
    for (const l of result.left) {
      const row = (
        await ctx.db
          .select({ startDate: personCategories.startDate, endDate: personCategories.endDate })
          .from(personCategories)
          .where(eq(personCategories.id, l.factId))
          .limit(1)
      )[0];
      const endDate = row && row.startDate > dayBefore ? row.startDate : dayBefore;
      await ctx.db.update(personCategories).set({ endDate }).where(eq(personCategories.id, l.factId));
      endedFacts.push({ factId: l.factId, personId: l.personId, previousEndDate: row?.endDate ?? null, endDate });
    }
    const undo: TListBatchUndo = {
      createdPersonIds: [...newIds.values()],
      insertedFactIds,
      endedFacts,
      changedPersons: result.changed.map((c) => ({
        personId: c.personId,
        before: Object.fromEntries(c.changes.map((x) => [x.field, x.from])),
        after: Object.fromEntries(c.changes.map((x) => [x.field, x.to])),
      })),
    };
    const flaggedClaims = await settledAfterEnd(ctx, endedFacts);
    // One audit row per person the list changed, as if each had been done by hand (same actions),
    // naming the batch: who was registered, whose details changed, who gained or left a category.
    const byList = { listBatchId: batch.id, fileName: batch.fileName };
    const shown = (field: string, value: string | null) => (field === 'phone' && value ? maskPhone(value) : value);
    await writeAuditRows(ctx, [
      ...result.newPersons.map((p) => ({
        action: 'person.create',
        entity: 'person',
        entityId: newIds.get(p.idNumber) ?? null,
        regionPath: p.unit.regionPath,
        after: {
          ...byList,
          name: p.name,
          idNumber: maskIdNumber(p.idNumber),
          categories: [p.category, ...p.moreCategories.map((c) => c.category)],
        },
      })),
      ...result.changed.map((c) => ({
        action: 'person.update',
        entity: 'person',
        entityId: c.personId,
        regionPath: batch.regionPath,
        before: Object.fromEntries(c.changes.map((x) => [x.field, shown(x.field, x.from)])),
        after: { ...byList, ...Object.fromEntries(c.changes.map((x) => [x.field, shown(x.field, x.to)])) },
      })),
      ...result.newCategories.map((c) => ({
        action: 'person.add_category',
        entity: 'person',
        entityId: c.personId,
        regionPath: batch.regionPath,
        after: { ...byList, category: c.category, startDate: c.identifiedOn ?? batch.listDate },
      })),
      ...result.left.map((l) => ({
        action: 'person.end_category',
        entity: 'person',
        entityId: l.personId,
        regionPath: batch.regionPath,
        after: { ...byList, category: l.category, endDate: dayBefore },
      })),
    ]);
    await ctx.db
      .update(listBatches)
      .set({ status: 'applied', appliedBy: me.id, appliedAt: ctx.now(), undo })
      .where(eq(listBatches.id, batch.id));
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
        flaggedClaims: flaggedClaims.map((c) => c.claimNo),
      },
    });
    return { id: batch.id, ...counts, newPersons: result.newPersons.length, flaggedClaims };
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
  const { id } = input;
  return withTransaction(ctx, async (ctx) => {
    const batch = await lockBatch(ctx, id);
    if (batch.status !== 'previewed') throw preconditionFailed('只有待应用的批次可以作废');
    await ctx.db.update(listBatches).set({ status: 'discarded' }).where(eq(listBatches.id, id));
    await writeAudit(ctx, { action: 'list_batch.discard', entity: 'list_batch', entityId: id, regionPath: batch.regionPath });
    return { id };
  });
}

/**
 * Claims already settled under a category the batch ended, for a visit after the new end date:
 * they were settled on a status the department now says had lapsed. They are not changed (a
 * settled claim is corrected by reversal, by a person), only named, so staff can review them.
 */
async function settledAfterEnd(ctx: ActorContext, ended: TListBatchUndo['endedFacts']): Promise<TFlaggedClaim[]> {
  const out: TFlaggedClaim[] = [];
  for (const f of ended) {
    const fact = (
      await ctx.db.select({ category: personCategories.category }).from(personCategories).where(eq(personCategories.id, f.factId)).limit(1)
    )[0];
    if (!fact) continue;
    const rows = await settledClaimsUnder(ctx.db, { personId: f.personId, category: fact.category, admitted: { after: f.endDate } }, 50);
    for (const r of rows) {
      out.push({
        ...r,
        category: CATEGORY_LABELS[fact.category],
        note: `入院日期 ${r.admissionDate} 晚于该类别的终止日期 ${f.endDate}，该单已按“${CATEGORY_LABELS[fact.category]}”结算，请复核是否需要冲正`,
      });
    }
  }
  return out;
}
