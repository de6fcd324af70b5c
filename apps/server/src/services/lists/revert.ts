import {
  and,
  claims,
  enrollments,
  eq,
  gt,
  inArray,
  listBatches,
  ne,
  notInArray,
  offsiteRegistrations,
  personCategories,
  persons,
  personYearAccumulators,
  referralOverrides,
  referrals,
  reimbursementCases,
  subsidyRunItems,
} from '@portal/db';
import { CATEGORY_LABELS, type TCategoryId, type TListReverted, maskPhone } from '@portal/rules';
import type { z } from 'zod';
import type { ZApplyListBatchInput } from './apply.js';
import { lockBatch, lockRegionForWrite, settledClaimsUnder } from './internal.js';
import { type ActorContext, preconditionFailed, writeAudit, writeAuditRows, withTransaction } from '../../core/index.js';

/** At most this many dependants are named in a refusal (the rest are counted). */
const NAMED = 5;

/**
 * Reverts an applied batch (decision 0018): removes the people and categories it created, reopens
 * the categories it ended and restores the details it changed — but only while nothing later
 * depends on it. A later applied batch of the region, any record of a person it created, a claim
 * settled under a category it added, or a later edit of what it changed refuses the revert with
 * a Chinese message naming what depends, and nothing is written.
 */
export async function revertListBatch({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZApplyListBatchInput>;
}): Promise<TListReverted> {
  const me = ctx.actor;
  const { id } = input;
  return withTransaction(ctx, async (ctx) => {
    const batch = await lockBatch(ctx, id);
    if (batch.status !== 'applied') throw preconditionFailed('只有已应用的批次可以撤销');
    if (!batch.undo || !batch.appliedAt) throw preconditionFailed('该批次应用时未留存撤销所需的记录，不能自动撤销，请逐人更正');
    await lockRegionForWrite(ctx, batch, '撤销');
    const undo = batch.undo;
    const depends: string[] = [];

    const later = await ctx.db
      .select({ fileName: listBatches.fileName })
      .from(listBatches)
      .where(
        and(
          eq(listBatches.regionPath, batch.regionPath),
          eq(listBatches.status, 'applied'),
          ne(listBatches.id, batch.id),
          gt(listBatches.appliedAt, batch.appliedAt),
        ),
      )
      .limit(NAMED);
    if (later.length) depends.push(`之后又应用了批次「${later.map((l) => l.fileName).join('」「')}」，请先撤销后应用的批次`);

    const created = undo.createdPersonIds;
    if (created.length) {
      // Every table that keeps a person's records; each has an indexed person id (one query shape).
      const uses = [
        ['结算单', claims],
        ['零星报销案件', reimbursementCases],
        ['参保记录', enrollments],
        ['资助对象', subsidyRunItems],
        ['转诊备案', referrals],
        ['异地就医备案', offsiteRegistrations],
        ['转诊认定', referralOverrides],
        ['年度累计', personYearAccumulators],
      ] as unknown as [string, typeof claims][];
      for (const [label, table] of uses) {
        const rows = await ctx.db
          .selectDistinct({ name: persons.name })
          .from(table)
          .innerJoin(persons, eq(persons.id, table.personId))
          .where(inArray(table.personId, created))
          .limit(NAMED);
        if (rows.length) depends.push(`本批新增人员已有${label}：${rows.map((r) => r.name).join('、')}`);
      }
      const more = await ctx.db
        .select({ name: persons.name })
        .from(personCategories)
        .innerJoin(persons, eq(persons.id, personCategories.personId))
        .where(and(inArray(personCategories.personId, created), notInArray(personCategories.id, undo.insertedFactIds)))
        .limit(NAMED);
      if (more.length) depends.push(`本批新增人员之后又登记了其他类别：${more.map((r) => r.name).join('、')}`);
    }

    if (undo.insertedFactIds.length) {
      const facts = await ctx.db
        .select({
          id: personCategories.id,
          personId: personCategories.personId,
          category: personCategories.category,
          startDate: personCategories.startDate,
          endDate: personCategories.endDate,
          name: persons.name,
        })
        .from(personCategories)
        .innerJoin(persons, eq(persons.id, personCategories.personId))
        .where(inArray(personCategories.id, undo.insertedFactIds));
      const edited = facts.filter((f) => f.endDate !== null);
      if (edited.length)
        depends.push(
          `本批登记的类别之后已被终止：${edited
            .slice(0, NAMED)
            .map((f) => f.name)
            .join('、')}`,
        );
      for (const f of facts) {
        if (depends.length > NAMED) break;
        const used = await settledClaimsUnder(
          ctx.db,
          { personId: f.personId, category: f.category, admitted: { from: f.startDate } },
          NAMED,
        );
        if (used.length) {
          depends.push(
            `${f.name}已按本批登记的“${CATEGORY_LABELS[f.category as TCategoryId]}”结算：${used.map((u) => u.claimNo).join('、')}`,
          );
        }
      }
    }

    if (undo.endedFacts.length) {
      const now = await ctx.db
        .select({ id: personCategories.id, endDate: personCategories.endDate, name: persons.name })
        .from(personCategories)
        .innerJoin(persons, eq(persons.id, personCategories.personId))
        .where(
          inArray(
            personCategories.id,
            undo.endedFacts.map((f) => f.factId),
          ),
        );
      const byId = new Map(now.map((r) => [r.id, r]));
      const moved = undo.endedFacts.filter((f) => byId.get(f.factId)?.endDate !== f.endDate);
      if (moved.length) {
        depends.push(
          `本批终止的类别之后又被修改：${moved
            .slice(0, NAMED)
            .map((f) => byId.get(f.factId)?.name ?? '（已删除）')
            .join('、')}`,
        );
      }
    }

    if (undo.changedPersons.length) {
      const ids = undo.changedPersons.map((c) => c.personId);
      const rows = await ctx.db.select().from(persons).where(inArray(persons.id, ids));
      const byId = new Map(rows.map((r) => [r.id, r as unknown as Record<string, unknown>]));
      const edited = undo.changedPersons.filter((c) => {
        const now = byId.get(c.personId);
        return !now || Object.entries(c.after).some(([field, to]) => (now[field] ?? null) !== to);
      });
      if (edited.length) {
        depends.push(
          `本批变更的人员信息之后又被修改：${edited
            .slice(0, NAMED)
            .map((c) => String(byId.get(c.personId)?.name ?? '（已删除）'))
            .join('、')}`,
        );
      }
    }

    if (depends.length) throw preconditionFailed(`不能撤销该批次，以下记录依赖于它：${depends.join('；')}`);

    if (undo.insertedFactIds.length) await ctx.db.delete(personCategories).where(inArray(personCategories.id, undo.insertedFactIds));
    if (created.length) await ctx.db.delete(persons).where(inArray(persons.id, created));
    for (const f of undo.endedFacts) {
      await ctx.db.update(personCategories).set({ endDate: f.previousEndDate }).where(eq(personCategories.id, f.factId));
    }
    for (const c of undo.changedPersons) {
      await ctx.db
        .update(persons)
        .set({ ...(c.before as Partial<typeof persons.$inferInsert>), updatedAt: ctx.now() })
        .where(eq(persons.id, c.personId));
    }
    const byList = { listBatchId: batch.id, fileName: batch.fileName, reverted: true };
    const shown = (field: string, value: string | null) => (field === 'phone' && value ? maskPhone(value) : value);
    const masked = (o: Record<string, string | null>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shown(k, v)]));
    await writeAuditRows(ctx, [
      ...created.map((personId) => ({
        action: 'person.delete',
        entity: 'person',
        entityId: personId,
        regionPath: batch.regionPath,
        after: byList,
      })),
      ...undo.endedFacts.map((f) => ({
        action: 'person.reopen_category',
        entity: 'person',
        entityId: f.personId,
        regionPath: batch.regionPath,
        before: { endDate: f.endDate },
        after: { ...byList, endDate: f.previousEndDate },
      })),
      ...undo.changedPersons.map((c) => ({
        action: 'person.update',
        entity: 'person',
        entityId: c.personId,
        regionPath: batch.regionPath,
        before: masked(c.after),
        after: { ...byList, ...masked(c.before) },
      })),
    ]);
    await ctx.db.update(listBatches).set({ status: 'reverted', revertedBy: me.id, revertedAt: ctx.now() }).where(eq(listBatches.id, id));
    const result = {
      id,
      removedPersons: created.length,
      removedFacts: undo.insertedFactIds.length,
      reopenedFacts: undo.endedFacts.length,
      restoredPersons: undo.changedPersons.length,
    };
    await writeAudit(ctx, { action: 'list_batch.revert', entity: 'list_batch', entityId: id, regionPath: batch.regionPath, after: result });
    return result;
  });
}
