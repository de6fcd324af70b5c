import { listBatches, orgUnits, inArray } from '@portal/db';
import {
  CATEGORY_LABELS,
  EXISTENCE_QUOTA_SPENT,
  maskIdNumber,
  maskPhone,
  REGISTERED_ELSEWHERE,
  ZListUploadMeta,
  type CompareResult,
} from '@portal/rules';
import { spendExistenceChecks } from '../persons/index.js';
import { compareUpload, countsOf, fingerprintOf } from './internal.js';
import { readListFile } from './read-file.js';
import { type ActorContext, chinaDate, forbidden, writeAudit, withTransaction } from '../../core/index.js';

/** How many rows of each kind the preview lists (counts are always complete; invalid rows are listed up to the cap). */
export const PREVIEW_SAMPLE = 200;
export const PREVIEW_INVALID_CAP = 2000;

/**
 * Reads an uploaded list, compares it with the registry and keeps it as a batch awaiting apply.
 * Nothing in the registry changes here. A file that cannot be read writes nothing at all.
 */
export async function previewListUpload({ ctx, input }: { ctx: ActorContext; input: { meta: unknown; bytes: Buffer } }) {
  const me = ctx.actor;
  if (!me.profile) throw forbidden('您所在机构未设定政策口径，不能比对名单');
  const meta = ZListUploadMeta.parse(input.meta);
  const rows = await readListFile(input.bytes, meta.fileName);
  const result = await compareUpload(ctx.db, me, rows, meta, chinaDate(ctx.now()));
  // Rows registered in another region answer only that, within the daily allowance (existence.ts).
  const elsewhere = result.invalid.filter((r) => r.reason === REGISTERED_ELSEWHERE);
  const allowed = await spendExistenceChecks(ctx, elsewhere.length, {
    idNumbersMasked: elsewhere.map((r) => r.idNumberMasked),
    source: `lists.upload ${meta.fileName}`,
  });
  for (const row of elsewhere.slice(allowed)) row.reason = EXISTENCE_QUOTA_SPENT;
  const preview = await describePreview(ctx, result);
  return withTransaction(ctx, async (ctx) => {
    const [batch] = await ctx.db
      .insert(listBatches)
      .values({
        orgUnitId: me.orgUnitId,
        regionPath: me.regionPath,
        sourceDepartment: meta.sourceDepartment,
        listDate: meta.listDate,
        fileName: meta.fileName,
        fileSize: input.bytes.length,
        rowCount: rows.length,
        ...countsOf(result),
        rows,
        preview,
        createdBy: me.id,
      })
      .returning({ id: listBatches.id });
    if (!batch) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'list_batch.preview',
      entity: 'list_batch',
      entityId: batch.id,
      after: { fileName: meta.fileName, rowCount: rows.length, ...countsOf(result) },
    });
    return { id: batch.id, rowCount: rows.length, ...countsOf(result), ...preview };
  });
}

async function describePreview(ctx: ActorContext, r: CompareResult) {
  const unitIds = [...new Set(r.newPersons.slice(0, PREVIEW_SAMPLE).map((p) => p.unit.orgUnitId))];
  const unitNames = new Map(
    (unitIds.length
      ? await ctx.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, unitIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  return {
    fingerprint: fingerprintOf(r),
    coveredCategories: r.coveredCategories,
    newRows: [
      ...r.newPersons.slice(0, PREVIEW_SAMPLE).map((p) => ({
        line: p.line,
        kind: 'new_person' as const,
        name: p.name,
        idNumberMasked: maskIdNumber(p.idNumber),
        categories: [p.category, ...p.moreCategories.map((c) => c.category)].map((c) => CATEGORY_LABELS[c]),
        note: `新登记人员，落户 ${unitNames.get(p.unit.orgUnitId) ?? ''}`,
      })),
      ...r.newCategories.slice(0, PREVIEW_SAMPLE).map((c) => ({
        line: c.line,
        kind: 'new_category' as const,
        name: c.name,
        idNumberMasked: maskIdNumber(c.idNumber),
        categories: [CATEGORY_LABELS[c.category]],
        note: '已登记人员新增身份类别',
      })),
    ],
    leftRows: r.left
      .slice(0, PREVIEW_SAMPLE)
      .map((l) => ({ name: l.name, idNumberMasked: l.idNumberMasked, category: CATEGORY_LABELS[l.category] })),
    // A preview is shown and stored: phones in it are masked (the raw rows stay server-side for apply).
    changedRows: r.changed.slice(0, PREVIEW_SAMPLE).map((c) => ({
      ...c,
      changes: c.changes.map((ch) => (ch.field === 'phone' ? { ...ch, from: ch.from && maskPhone(ch.from), to: maskPhone(ch.to) } : ch)),
    })),
    invalidRows: r.invalid.slice(0, PREVIEW_INVALID_CAP),
  };
}
