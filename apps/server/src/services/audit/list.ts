import { and, auditLog, count, desc, eq, like } from '@portal/db';
import { z } from 'zod';
import { type ActorContext } from '../../core/index.js';

export const ZListAuditInput = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});

/** Audit trail of the caller's region subtree (admins and supervisors). */
export async function listAudit({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZListAuditInput> }) {
  const { entity, entityId, page, pageSize } = input;
  const where = and(
    like(auditLog.regionPath, `${ctx.actor.regionPath}%`),
    entity ? eq(auditLog.entity, entity) : undefined,
    entityId ? eq(auditLog.entityId, entityId) : undefined,
  );
  const [rows, total] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
    total: total[0]?.n ?? 0,
  };
}
