import { and, auditLog, eq, gte, like, lt, or, orgUnits } from '@portal/db';
import {
  AUDIT_ENTITY_LABELS,
  AUDIT_FIELD_LABELS,
  AUDIT_MONEY_KEY,
  type TAuditChange,
  type TAuditPage,
  ZIsoDate,
  auditActionLabel,
  formatYuan,
} from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, getScopedOrgUnit, paginate, withReportReads, timestampKey } from '../../core/index.js';

export const ZListAuditInput = z.object({
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  /** A sub-region of the caller's (an org unit id). */
  orgUnitId: z.uuid().optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** National reference data (the holiday calendar) is audited at the system root, seen by all. */
const NATIONAL_ENTITIES = ['calendar_year'];

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number' && Number.isInteger(value) && AUDIT_MONEY_KEY.test(key)) return `${formatYuan(value)} 元`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => show(key, v)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields that changed between `before` and `after` (every field of `after` for a creation). */
export function diffAudit(before: unknown, after: unknown): TAuditChange[] {
  const b = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, label: AUDIT_FIELD_LABELS[k] ?? k, before: show(k, b[k]), after: show(k, a[k]) }));
}

/**
 * The audit trail of the caller's region subtree (administrators and supervisors), newest first,
 * by keyset on (at, id) so that a year of rows pages as fast as the first page. Filters: who,
 * which action or object, a date range (China time) and a sub-region. Each row comes with Chinese
 * names and the changed fields, amounts in yuan. Audit rows are stored masked (never a full ID
 * number, phone or account), so nothing needs masking here.
 */
export async function listAudit({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZListAuditInput> }): Promise<TAuditPage> {
  return withReportReads(ctx, async (ctx) => {
    const region = input.orgUnitId ? (await getScopedOrgUnit(ctx.db, ctx.actor, input.orgUnitId)).path : ctx.actor.regionPath;
    const inRegion = like(auditLog.regionPath, `${region}%`);
    const where = and(
      input.orgUnitId ? inRegion : or(inRegion, ...NATIONAL_ENTITIES.map((e) => eq(auditLog.entity, e))),
      input.username ? eq(auditLog.username, input.username.toLowerCase()) : undefined,
      input.action ? eq(auditLog.action, input.action) : undefined,
      input.entity ? eq(auditLog.entity, input.entity) : undefined,
      input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
      input.from ? gte(auditLog.at, new Date(`${input.from}T00:00:00+08:00`)) : undefined,
      input.to ? lt(auditLog.at, new Date(new Date(`${input.to}T00:00:00+08:00`).getTime() + 86_400_000)) : undefined,
    );
    const page = await paginate({
      cursor: input.cursor,
      limit: input.limit,
      keys: [auditLog.at, auditLog.id],
      direction: 'desc',
      query: (after, limit, orderBy) =>
        ctx.db
          .select({ row: auditLog, unitName: orgUnits.name, key: timestampKey(auditLog.at) })
          .from(auditLog)
          .leftJoin(orgUnits, eq(orgUnits.path, auditLog.regionPath))
          .where(and(where, after))
          .orderBy(...orderBy)
          .limit(limit),
      keyOf: (r) => [r.key, r.row.id],
    });
    return {
      items: page.items.map(({ row: r, unitName }) => ({
        id: r.id,
        at: r.at.toISOString(),
        username: r.username,
        action: r.action,
        actionLabel: auditActionLabel(r.action),
        entity: r.entity,
        entityLabel: AUDIT_ENTITY_LABELS[r.entity] ?? r.entity,
        entityId: r.entityId,
        unitName: unitName ?? null,
        changes: diffAudit(r.before, r.after),
        ip: r.ip,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
