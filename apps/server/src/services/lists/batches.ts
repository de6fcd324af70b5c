import { desc, eq, listBatches, users } from '@portal/db';
import type { TListBatchDetail, TListBatchSummary } from '@portal/rules';
import { alias } from '@portal/db';
import { z } from 'zod';
import { type ActorContext, assertInUserRegion, inUserRegion, notFound } from '../../core/index.js';

function toBatchSummary(
  b: typeof listBatches.$inferSelect,
  createdByName: string | null,
  appliedByName: string | null,
  revertedByName: string | null,
): TListBatchSummary {
  return {
    id: b.id,
    fileName: b.fileName,
    fileSize: b.fileSize,
    sourceDepartment: b.sourceDepartment,
    listDate: b.listDate,
    status: b.status,
    rowCount: b.rowCount,
    newCount: b.newCount,
    leftCount: b.leftCount,
    changedCount: b.changedCount,
    invalidCount: b.invalidCount,
    unchangedCount: b.unchangedCount,
    createdByName,
    createdAt: b.createdAt.toISOString(),
    appliedByName,
    appliedAt: b.appliedAt?.toISOString() ?? null,
    revertedByName,
    revertedAt: b.revertedAt?.toISOString() ?? null,
  };
}

const appliers = alias(users, 'appliers');
const reverters = alias(users, 'reverters');

/** The batches of the caller's region, newest first: who uploaded what, when, with which counts. */
export async function listListBatches({ ctx }: { ctx: ActorContext }): Promise<TListBatchSummary[]> {
  const rows = await ctx.db
    .select({
      b: listBatches,
      createdByName: users.displayName,
      appliedByName: appliers.displayName,
      revertedByName: reverters.displayName,
    })
    .from(listBatches)
    .innerJoin(users, eq(users.id, listBatches.createdBy))
    .leftJoin(appliers, eq(appliers.id, listBatches.appliedBy))
    .leftJoin(reverters, eq(reverters.id, listBatches.revertedBy))
    .where(inUserRegion(ctx.actor, listBatches.regionPath))
    .orderBy(desc(listBatches.createdAt))
    .limit(100);
  return rows.map((r) => toBatchSummary(r.b, r.createdByName, r.appliedByName, r.revertedByName));
}

export const ZGetListBatchInput = z.object({ id: z.uuid() });

/** One batch with its stored preview. */
export async function getListBatch({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZGetListBatchInput>;
}): Promise<TListBatchDetail> {
  const { id } = input;
  const r = (
    await ctx.db
      .select({
        b: listBatches,
        createdByName: users.displayName,
        appliedByName: appliers.displayName,
        revertedByName: reverters.displayName,
      })
      .from(listBatches)
      .innerJoin(users, eq(users.id, listBatches.createdBy))
      .leftJoin(appliers, eq(appliers.id, listBatches.appliedBy))
      .leftJoin(reverters, eq(reverters.id, listBatches.revertedBy))
      .where(eq(listBatches.id, id))
      .limit(1)
  )[0];
  if (!r) throw notFound('比对批次不存在');
  assertInUserRegion(ctx.actor, r.b.regionPath, '该比对批次');
  // The stored preview also holds the fingerprint `apply` compares; the output schema leaves it out.
  return { ...toBatchSummary(r.b, r.createdByName, r.appliedByName, r.revertedByName), ...r.b.preview };
}

export interface PreviewShape {
  coveredCategories: string[];
  newRows: {
    line: number;
    kind: 'new_person' | 'new_category';
    name: string;
    idNumberMasked: string;
    categories: string[];
    note: string;
  }[];
  leftRows: { name: string; idNumberMasked: string; category: string }[];
  changedRows: {
    line: number;
    personId: string;
    name: string;
    idNumberMasked: string;
    changes: { field: string; from: string | null; to: string }[];
  }[];
  invalidRows: { line: number; name: string; idNumberMasked: string; reason: string }[];
}
