import { eq, reimbursementAttachments } from '@portal/db';
import { ALLOWED_UPLOAD_TYPES, MAX_UPLOAD_BYTES, type TAttachmentStored, type ZAttachmentUpload, detectUploadType } from '@portal/rules';
import { z } from 'zod';
import { loadCase } from './internal.js';
import { type ActorContext, assertInUserRegion, forbidden, invalid, notFound, writeAudit, withTransaction } from '../../core/index.js';

/**
 * Stores a scanned material in the database (bytea). The type is read from the file's bytes
 * (PDF, JPEG, PNG only) and the size capped at 10 MB, whatever the name says.
 */
export async function uploadAttachment({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAttachmentUpload>;
}): Promise<TAttachmentStored> {
  const me = ctx.actor;
  const data = input;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data.dataBase64)) throw invalid('文件内容编码有误，请重新选择文件', 'file');
  const bytes = Buffer.from(data.dataBase64, 'base64');
  if (bytes.length === 0) throw invalid('文件为空', 'file');
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid('文件不能超过 10 MB', 'file');
  const fileType = detectUploadType(bytes);
  if (!fileType) throw invalid('只接受 PDF、JPG、PNG 格式的扫描件', 'file');
  return withTransaction(ctx, async (ctx) => {
    const row = await loadCase(ctx.db, me, data.caseId);
    if (row.status === 'paid') throw forbidden('案件已支付办结，不能再上传材料');
    const [saved] = await ctx.db
      .insert(reimbursementAttachments)
      .values({
        caseId: row.id,
        regionPath: row.regionPath,
        material: data.material,
        fileName: data.fileName,
        fileType,
        size: bytes.length,
        data: bytes,
        uploadedBy: me.id,
      })
      .returning({ id: reimbursementAttachments.id });
    await writeAudit(ctx, {
      action: 'reimbursement.attach',
      entity: 'reimbursement_case',
      entityId: row.id,
      regionPath: row.regionPath,
      after: { attachmentId: saved!.id, fileName: data.fileName, fileType, size: bytes.length, material: data.material },
    });
    return { id: saved!.id, fileType, size: bytes.length };
  });
}

export const ZAttachmentId = z.object({ id: z.uuid('附件编号格式不正确') });

/** The file for download, to users in the case's region. */
export async function readAttachment({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZAttachmentId> }) {
  const { id } = input;
  const row = (await ctx.db.select().from(reimbursementAttachments).where(eq(reimbursementAttachments.id, id)).limit(1))[0];
  if (!row) throw notFound('附件不存在');
  assertInUserRegion(ctx.actor, row.regionPath, '该附件');
  return { fileName: row.fileName, contentType: ALLOWED_UPLOAD_TYPES[row.fileType], data: Buffer.from(row.data) };
}
