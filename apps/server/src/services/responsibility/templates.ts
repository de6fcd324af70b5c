import type { z } from 'zod';
import { and, asc, eq, responsibilityTemplates } from '@portal/db';
import {
  BUILTIN_TEMPLATES,
  type TRecordRef,
  type TTemplateItem,
  type TTemplateListItem,
  type TTemplateView,
  type ZArchiveTemplateInput,
  type ZCreateTemplateInput,
  type ZUpdateTemplateInput,
} from '@portal/rules';
import { isTemplateVisible, toTemplate } from './internal.js';
import { type ActorContext, forbidden, notFound, writeAudit, isAllowed, withTransaction } from '../../core/index.js';

/** The built-in templates and the custom ones the caller may use or manage. */
export async function listTemplates({ ctx }: { ctx: ActorContext }): Promise<TTemplateListItem[]> {
  const user = ctx.actor;
  const rows = await ctx.db
    .select()
    .from(responsibilityTemplates)
    .where(eq(responsibilityTemplates.isArchived, false))
    .orderBy(asc(responsibilityTemplates.createdAt));
  const custom = rows.filter((r) => isTemplateVisible(user, r.regionPath));
  return [
    ...BUILTIN_TEMPLATES.map((t) => ({ ...t, canEdit: false })),
    ...custom.map((r) => ({
      ...toTemplate(r),
      canEdit: isAllowed(user, 'responsibility.templates') && r.regionPath.startsWith(user.regionPath),
    })),
  ];
}

function itemsOf(items: { label: string; hint: string; isDirect: boolean }[]): TTemplateItem[] {
  return items.map((i, n) => ({
    key: `item_${n + 1}`,
    label: i.label,
    ...(i.hint ? { hint: i.hint } : {}),
    ...(i.isDirect ? { isDirect: true } : {}),
  }));
}

/** An administrator defines a template for its own unit and everything below it. */
export async function createTemplate({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateTemplateInput>;
}): Promise<TTemplateView> {
  const user = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(responsibilityTemplates)
      .values({
        name: data.name,
        title: data.title,
        organisedBy: data.organisedBy,
        items: itemsOf(data.items),
        notes: data.notes,
        allowExtraRows: data.allowExtraRows,
        orgUnitId: user.orgUnitId,
        regionPath: user.regionPath,
        createdBy: user.id,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'responsibility_template.create',
      entity: 'responsibility_template',
      entityId: row.id,
      regionPath: row.regionPath,
      after: { name: row.name, items: row.items.length },
    });
    return toTemplate(row);
  });
}

async function getManagedTemplate(ctx: ActorContext, id: string) {
  const user = ctx.actor;
  const [row] = await ctx.db
    .select()
    .from(responsibilityTemplates)
    .where(and(eq(responsibilityTemplates.id, id), eq(responsibilityTemplates.isArchived, false)))
    .limit(1);
  if (!row) throw notFound('模板不存在');
  if (!row.regionPath.startsWith(user.regionPath)) throw forbidden('该模板不在您的管辖范围内');
  return row;
}

/** Edits a custom template; rounds already opened keep the copy they were opened with. */
export async function updateTemplate({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZUpdateTemplateInput>;
}): Promise<TTemplateView> {
  const { id, data } = input;
  const before = await getManagedTemplate(ctx, id);
  return withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .update(responsibilityTemplates)
      .set({
        name: data.name,
        title: data.title,
        organisedBy: data.organisedBy,
        items: itemsOf(data.items),
        notes: data.notes,
        allowExtraRows: data.allowExtraRows,
        updatedAt: ctx.now(),
      })
      .where(eq(responsibilityTemplates.id, id))
      .returning();
    await writeAudit(ctx, {
      action: 'responsibility_template.update',
      entity: 'responsibility_template',
      entityId: id,
      regionPath: before.regionPath,
      before: { name: before.name, items: before.items },
      after: { name: row?.name, items: row?.items },
    });
    return toTemplate(row!);
  });
}

/** Retires a custom template (kept for the rounds that used it). */
export async function archiveTemplate({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZArchiveTemplateInput>;
}): Promise<TRecordRef> {
  const { id } = input;
  const before = await getManagedTemplate(ctx, id);
  return withTransaction(ctx, async (ctx) => {
    await ctx.db.update(responsibilityTemplates).set({ isArchived: true, updatedAt: ctx.now() }).where(eq(responsibilityTemplates.id, id));
    await writeAudit(ctx, {
      action: 'responsibility_template.archive',
      entity: 'responsibility_template',
      entityId: id,
      regionPath: before.regionPath,
      before: { name: before.name },
    });
    return { id };
  });
}
