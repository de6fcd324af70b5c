import { auditLog, type DbOrTx } from '@portal/db';
import { type ServiceContext } from './index.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; call it with the mutation's transaction so both commit or neither. */
export async function writeAudit(tx: DbOrTx, ctx: Pick<ServiceContext, 'actor' | 'ip'>, entry: AuditEntry) {
  await tx.insert(auditLog).values({
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
