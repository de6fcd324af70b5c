import { auditLog } from '@portal/db';
import { type ServiceContext } from './index.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit row with `ctx.db`: call it inside the mutation's `withTransaction`, so that the
 * change and its audit row commit together or not at all.
 */
export async function writeAudit(ctx: Pick<ServiceContext, 'db' | 'actor' | 'ip'>, entry: AuditEntry) {
  await ctx.db.insert(auditLog).values({
    userId: ctx.actor?.id ?? null,
    username: ctx.actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionPath: entry.regionPath ?? ctx.actor?.regionPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ctx.ip,
  });
}
