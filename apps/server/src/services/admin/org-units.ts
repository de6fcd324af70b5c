import type { z } from 'zod';
import { asc, eq, orgUnits } from '@portal/db';
import {
  type TCreatedOrgUnit,
  type TOrgLevel,
  type TOrgUnitListItem,
  type TUpdatedOrgUnit,
  type ZCreateOrgUnitInput,
  type ZUpdateOrgUnitInput,
} from '@portal/rules';
import { refuseUniqueViolation } from '../../lib/db-errors.js';
import { type ActorContext, conflict, inUserRegion, invalid, writeAudit, getScopedOrgUnit, withTransaction } from '../../core/index.js';

const LEVEL_DEPTH: Record<TOrgLevel, number> = { system: 0, province: 1, city: 2, county: 3, township: 4 };
const PREFIX_LENGTH: Partial<Record<TOrgLevel, number>> = { province: 2, city: 4, county: 6 };

/** The level a GB/T 2260 code denotes: xx0000 province, xxxx00 city, 6 digits county, 9 township. */
export function levelOfCode(code: string): TOrgLevel {
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The org units of the caller's region subtree, in tree order (any signed-in user). */
export async function listOrgUnits({ ctx }: { ctx: ActorContext }): Promise<TOrgUnitListItem[]> {
  const rows = await ctx.db.select().from(orgUnits).where(inUserRegion(ctx.actor, orgUnits.path)).orderBy(asc(orgUnits.path));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parentId,
    path: r.path,
    profile: r.profile,
    depth: r.path.split('/').filter(Boolean).length - 1,
    isDemo: r.isDemo,
  }));
}

export async function createOrgUnit({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateOrgUnitInput>;
}): Promise<TCreatedOrgUnit> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const parent = await getScopedOrgUnit(ctx.db, me, data.parentId);
    const level = levelOfCode(data.code);
    if (LEVEL_DEPTH[level] <= LEVEL_DEPTH[parent.level]) {
      throw invalid(`区划代码 ${data.code} 是${level === 'township' ? '乡镇' : '同级或上级'}代码，不能设在 ${parent.name} 之下`, 'code');
    }
    const prefix = PREFIX_LENGTH[parent.level];
    if (prefix && data.code.slice(0, prefix) !== parent.code.slice(0, prefix)) {
      throw invalid(`区划代码 ${data.code} 不属于上级 ${parent.name}（${parent.code}）`, 'code');
    }
    const exists = await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, data.code)).limit(1);
    if (exists.length) throw conflict(`区划代码 ${data.code} 已存在`, 'code');
    const [row] = await ctx.db
      .insert(orgUnits)
      .values({
        code: data.code,
        name: data.name,
        level,
        parentId: parent.id,
        path: `${parent.path}${data.code}/`,
        profile: parent.profile,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, { action: 'org_unit.create', entity: 'org_unit', entityId: row.id, regionPath: row.path, after: row });
    return { id: row.id, code: row.code, name: row.name, level: row.level, path: row.path };
  }).catch(refuseUniqueViolation('org_units_code', () => conflict(`区划代码 ${data.code} 已存在`, 'code')));
}

export async function updateOrgUnit({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZUpdateOrgUnitInput>;
}): Promise<TUpdatedOrgUnit> {
  const me = ctx.actor;
  const { id, data } = input;
  return withTransaction(ctx, async (ctx) => {
    const before = await getScopedOrgUnit(ctx.db, me, id);
    const [row] = await ctx.db.update(orgUnits).set({ name: data.name, updatedAt: ctx.now() }).where(eq(orgUnits.id, id)).returning();
    await writeAudit(ctx, {
      action: 'org_unit.update',
      entity: 'org_unit',
      entityId: id,
      regionPath: before.path,
      before: { name: before.name },
      after: { name: row?.name },
    });
    return { id, name: data.name };
  });
}
