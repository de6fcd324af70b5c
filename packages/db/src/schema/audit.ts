import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './_columns.js';

/** One row per mutation, written in the mutation's own transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: createdAt(),
    userId: uuid(),
    username: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    regionPath: text(),
    before: jsonb().$type<unknown>(),
    after: jsonb().$type<unknown>(),
    ip: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);
