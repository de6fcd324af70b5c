import { and, eq, orgUnits, responsibilityRounds, responsibilitySubmissions, responsibilityTemplates, type DbOrTx } from '@portal/db';
import { findBuiltinTemplate, maskPhone, type TResponsibilityRow, type TResponsibilityTemplate } from '@portal/rules';
import { type Actor, forbidden, notFound, isAllowed } from '../../core/index.js';

export type Round = typeof responsibilityRounds.$inferSelect;
export type Submission = typeof responsibilitySubmissions.$inferSelect;

/** Supervisors and administrators look at their region subtree; everyone else at their own unit. */
export function seesSubtree(user: Actor): boolean {
  return isAllowed(user, 'responsibility.supervise');
}

/** Phone numbers in full for supervisors (of the subtree) and the reporting unit itself. */
export function canSeePhones(user: Actor, submissionOrgUnitId: string): boolean {
  return isAllowed(user, 'responsibility.contacts') || user.orgUnitId === submissionOrgUnitId;
}

export function canViewSubmission(user: Actor, sub: Pick<Submission, 'orgUnitId' | 'regionPath'>): boolean {
  return seesSubtree(user) ? sub.regionPath.startsWith(user.regionPath) : sub.orgUnitId === user.orgUnitId;
}

/** A round is supervised by supervisors/admins whose subtree holds the unit that opened it. */
export function canSuperviseRound(user: Actor, round: Pick<Round, 'regionPath'>): boolean {
  return seesSubtree(user) && round.regionPath.startsWith(user.regionPath);
}

export function presentRows(rows: readonly TResponsibilityRow[], showPhones: boolean): TResponsibilityRow[] {
  return rows.map((r) => ({ ...r, phone: showPhones || !r.phone ? r.phone : maskPhone(r.phone) }));
}

export async function getRound(tx: DbOrTx, id: string): Promise<Round> {
  const [round] = await tx.select().from(responsibilityRounds).where(eq(responsibilityRounds.id, id)).limit(1);
  if (!round) throw notFound('填报任务不存在');
  return round;
}

export async function getSupervisedRound(tx: DbOrTx, user: Actor, id: string): Promise<Round> {
  const round = await getRound(tx, id);
  if (!canSuperviseRound(user, round)) throw forbidden('该填报任务不在您的管辖范围内', `round ${id} outside ${user.regionPath}`);
  return round;
}

/** A submission with its round and unit name, after checking the caller may see it. */
export async function getVisibleSubmission(tx: DbOrTx, user: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({ submission: responsibilitySubmissions, round: responsibilityRounds, unitName: orgUnits.name, unitCode: orgUnits.code })
    .from(responsibilitySubmissions)
    .innerJoin(responsibilityRounds, eq(responsibilityRounds.id, responsibilitySubmissions.roundId))
    .innerJoin(orgUnits, eq(orgUnits.id, responsibilitySubmissions.orgUnitId))
    .where(eq(responsibilitySubmissions.id, id))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: responsibilitySubmissions }) : await query;
  if (!row) throw notFound('填报表不存在');
  if (!canViewSubmission(user, row.submission))
    throw forbidden('该填报表不在您的管辖范围内', `submission ${id} outside ${user.regionPath}`);
  return row;
}

/** The template behind a key: a built-in one, or a custom one defined at or above the caller's unit. */
export async function resolveTemplate(tx: DbOrTx, user: Actor, key: string): Promise<TResponsibilityTemplate | null> {
  const builtin = findBuiltinTemplate(key);
  if (builtin) return builtin;
  if (!/^[0-9a-f-]{36}$/i.test(key)) return null;
  const [row] = await tx
    .select()
    .from(responsibilityTemplates)
    .where(and(eq(responsibilityTemplates.id, key), eq(responsibilityTemplates.isArchived, false)))
    .limit(1);
  if (!row || !isTemplateVisible(user, row.regionPath)) return null;
  return toTemplate(row);
}

/** Custom templates are usable below the unit that defined them and manageable from above it. */
export function isTemplateVisible(user: Actor, templateRegionPath: string): boolean {
  return user.regionPath.startsWith(templateRegionPath) || templateRegionPath.startsWith(user.regionPath);
}

export function toTemplate(row: typeof responsibilityTemplates.$inferSelect): TResponsibilityTemplate {
  return {
    key: row.id,
    name: row.name,
    title: row.title,
    organisedBy: row.organisedBy,
    source: '自定义模板',
    items: row.items,
    notes: row.notes,
    allowExtraRows: row.allowExtraRows,
    isBuiltin: false,
  };
}
