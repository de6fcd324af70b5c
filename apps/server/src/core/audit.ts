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
  await writeAuditRows(ctx, [entry]);
}

const AUDIT_CHUNK = 1000;

/**
 * Writes many audit rows at once (a list import changing thousands of people: one row per person
 * changed), in chunks, with `ctx.db` — inside the mutation's transaction like `writeAudit`.
 */
export async function writeAuditRows(ctx: Pick<ServiceContext, 'db' | 'actor' | 'ip'>, entries: readonly AuditEntry[]) {
  const rows = entries.map((entry) => ({
    userId: ctx.actor?.id ?? null,
    username: ctx.actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionPath: entry.regionPath ?? ctx.actor?.regionPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ctx.ip,
  }));
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK) await ctx.db.insert(auditLog).values(rows.slice(i, i + AUDIT_CHUNK));
}
