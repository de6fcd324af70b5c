import { auditLog, type DbOrTx } from '@portal/db';
import type { ServiceContext } from '../context.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; call it with the mutation's transaction so both commit or neither. */
export async function writeAudit(tx: DbOrTx, ctx: Pick<ServiceContext, 'user' | 'ip'>, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    userId: ctx.user?.id ?? null,
    username: ctx.user?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionPath: entry.regionPath ?? ctx.user?.regionPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ctx.ip,
  });
}
