import type { z } from 'zod';
import { advanceDeclarations, eq, sql } from '@portal/db';
import { ADVANCE_DECLARATION_LIMIT, type TAdvanceDeclaration, type ZAdvanceDeclarationInput } from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { getVisibleHospital } from '../hospitals/index.js';
import { getAdvance } from './action.js';
import { type ActorContext, chinaDate, invalid, writeAudit, withTransaction } from '../../core/index.js';

/**
 * Records a hospital's declaration of advanced funds; both deadlines run from its receipt. A total
 * above the plausible limit (a local parameter) carries the declarer's reason, which the approving
 * reviewer sees. The declarer approves nothing of it (separation table).
 */
export async function createAdvanceDeclaration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvanceDeclarationInput>;
}): Promise<TAdvanceDeclaration> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  if (data.receivedOn > today) throw invalid('收到申报日期不能晚于今天', 'receivedOn');
  const find = async () =>
    (
      await ctx.db
        .select({ id: advanceDeclarations.id })
        .from(advanceDeclarations)
        .where(eq(advanceDeclarations.idempotencyKey, data.idempotencyKey))
        .limit(1)
    )[0];
  const prior = await find();
  if (prior) return getAdvance(ctx, prior.id);
  const hospital = await getVisibleHospital(ctx.db, me, data.hospitalId).catch(() => {
    throw invalid('所选医院不在本辖区医院名单内', 'hospitalId');
  });
  const total = data.basic + data.critical + data.assistance;
  const isAboveLimit = total > ADVANCE_DECLARATION_LIMIT.value;
  const id = await withTransaction(ctx, async (ctx) => {
    const seq = await ctx.db.execute(sql`select nextval('advance_no_seq') as n`);
    const rows = (Array.isArray(seq) ? seq : (seq as { rows: unknown[] }).rows) as { n: string | number }[];
    const declarationNo = `DF${data.receivedOn.slice(0, 4)}${String(rows[0]?.n ?? 0).padStart(5, '0')}`;
    const [row] = await ctx.db
      .insert(advanceDeclarations)
      .values({
        declarationNo,
        hospitalId: hospital.id,
        orgUnitId: me.orgUnitId,
        regionPath: me.regionPath,
        periodFrom: data.periodFrom,
        periodTo: data.periodTo,
        receivedOn: data.receivedOn,
        basic: data.basic,
        critical: data.critical,
        assistance: data.assistance,
        total,
        limitReason: isAboveLimit ? data.limitReason : null,
        note: data.note || null,
        idempotencyKey: data.idempotencyKey,
        createdBy: me.id,
      })
      .returning({ id: advanceDeclarations.id });
    await writeAudit(ctx, {
      action: 'advance.create',
      entity: 'advance_declaration',
      entityId: row!.id,
      regionPath: me.regionPath,
      after: {
        declarationNo,
        hospital: hospital.name,
        total,
        receivedOn: data.receivedOn,
        limitReason: isAboveLimit ? data.limitReason : null,
      },
    });
    return row!.id;
  }).catch(async (error: unknown) => {
    if (!isUniqueViolation(error, 'idempotency')) throw error;
    const first = await find();
    if (!first) throw error;
    return first.id;
  });
  return getAdvance(ctx, id);
}
