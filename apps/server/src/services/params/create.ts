import type { z } from 'zod';
import { desc, eq, policyParamVersions } from '@portal/db';
import { type TCreatedParamVersion, type ZCreateParamVersionInput, parseSettleParams } from '@portal/rules';
import { type ActorContext, conflict, DomainError, invalid, writeAudit, getScopedOrgUnit, withTransaction } from '../../core/index.js';
import { refuseUniqueViolation } from '../../lib/db-errors.js';

/** Records a new parameter version for an org unit in the admin's region (never edits old ones). */
export async function createParamVersion({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCreateParamVersionInput>;
}): Promise<TCreatedParamVersion> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    if (!unit.profile) throw invalid('该机构未设定政策口径，不能设置参数', 'orgUnitId');
    const checked = parseSettleParams(unit.profile, data.settle);
    if (!checked.success) {
      const first = checked.errors[0];
      throw new DomainError('validation', first ? `${first.path}：${first.message}` : '参数有误', {
        field: first ? `settle.${first.path}` : undefined,
      });
    }
    const last = (
      await ctx.db
        .select()
        .from(policyParamVersions)
        .where(eq(policyParamVersions.orgUnitId, unit.id))
        .orderBy(desc(policyParamVersions.version))
        .limit(1)
    )[0];
    const [row] = await ctx.db
      .insert(policyParamVersions)
      .values({
        orgUnitId: unit.id,
        regionPath: unit.path,
        profile: unit.profile,
        version: (last?.version ?? 0) + 1,
        effectiveFrom: data.effectiveFrom,
        settle: data.settle,
        subsidy: data.subsidy,
        note: data.note,
        createdBy: me.id,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeAudit(ctx, {
      action: 'params.create_version',
      entity: 'policy_param_version',
      entityId: row.id,
      regionPath: unit.path,
      before: last ? { version: last.version, effectiveFrom: last.effectiveFrom, settle: last.settle, subsidy: last.subsidy } : null,
      after: { version: row.version, effectiveFrom: row.effectiveFrom, settle: row.settle, subsidy: row.subsidy, note: row.note },
    });
    return { id: row.id, version: row.version };
  }).catch(refuseUniqueViolation('policy_param_versions_org_unit_id_version', () => conflict('该机构的参数刚被他人调整，请刷新后重试')));
}
