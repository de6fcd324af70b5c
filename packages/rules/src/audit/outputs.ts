import { z } from 'zod';

/** One field of an audit row shown before and after, as text (values were masked when written). */
export const ZAuditChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });
export type TAuditChange = z.infer<typeof ZAuditChange>;

/** An audit row as the Chinese viewer shows it (audit.list). */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  unitName: z.string().nullable(),
  changes: z.array(ZAuditChange),
  ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
