import type { z } from 'zod';
import { eq, reimbursementCases, reimbursementEvents, sql } from '@portal/db';
import { MATERIAL_LABELS, type TReimbursementDetail, type ZReimbursementIntake, maskBankAccount, missingMaterials } from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { assertOverrideUsable, prepareVisit } from '../claims/index.js';
import { getReimbursement } from './get.js';
import { type ActorContext, chinaDate, invalid, writeAudit, withTransaction } from '../../core/index.js';

/**
 * 受理: accepts a case. Complete materials start the 25-working-day clock today; incomplete ones
 * leave the case "awaiting documents" with a one-time notice of what is missing, and no clock.
 * The visit is checked exactly as in claim entry (person and hospital in the caller's region,
 * dates, parameters in force). The payee is captured here: the person's registered account, or the
 * one on the 存折（卡） copy; 复核 checks it and 支付 pays only to it (decision 0009). The same
 * idempotency key twice returns the first case.
 */
export async function createReimbursement({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReimbursementIntake>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  const find = async () =>
    (
      await ctx.db
        .select({ id: reimbursementCases.id })
        .from(reimbursementCases)
        .where(eq(reimbursementCases.idempotencyKey, data.idempotencyKey))
        .limit(1)
    )[0];
  const existing = await find();
  if (existing) return getReimbursement({ ctx, input: { id: existing.id } });
  const today = chinaDate(ctx.now());

  const id = await withTransaction(ctx, async (ctx) => {
    const prepared = await prepareVisit(ctx, data.entry);
    if (data.kind === 'non_networked' && prepared.hospital.isNetworked) {
      throw invalid('该医院已联网，应在医院直接结算；州外联网医院就医请选择“州外联网就医”', 'hospitalId');
    }
    if (data.kind === 'offsite_networked') {
      if (!prepared.hospital.isNetworked) throw invalid('该医院未联网，请选择“非联网医院零星报销”', 'hospitalId');
      if (prepared.location === 'in_county' || prepared.location === 'in_city')
        throw invalid('州（市）内联网医院已一站式结算，不走零星报销', 'hospitalId');
    }
    assertOverrideUsable(prepared.referral.override?.grantedBy, me.id, me);
    const person = prepared.person.person;
    const registered = person.bankAccount?.replace(/\s+/g, '') ?? '';
    if (data.payee.source === 'registered' && !registered) {
      throw invalid('参保人未登记银行账户，请按银行存折（卡）复印件填写收款账户', 'payee.source');
    }
    const payee =
      data.payee.source === 'registered'
        ? { name: person.name, bankName: person.bankName, account: registered }
        : { name: data.payee.name, bankName: data.payee.bankName, account: data.payee.account };
    const missing = missingMaterials(data.materials);
    const seq = await ctx.db.execute(sql`select nextval('reimbursement_no_seq') as n`);
    const rows = (Array.isArray(seq) ? seq : (seq as { rows: unknown[] }).rows) as { n: string | number }[];
    const caseNo = `LX${today.slice(0, 4)}${String(rows[0]?.n ?? 0).padStart(6, '0')}`;
    const status = missing.length ? 'awaiting_documents' : 'registration';
    const [row] = await ctx.db
      .insert(reimbursementCases)
      .values({
        caseNo,
        kind: data.kind,
        status,
        personId: prepared.person.person.id,
        orgUnitId: prepared.person.orgUnit.id,
        regionPath: prepared.person.person.regionPath,
        hospitalId: prepared.hospital.id,
        visit: prepared.entry,
        materials: data.materials,
        receivedOn: today,
        materialsCompleteOn: missing.length ? null : today,
        paidElsewhereBasic: data.paidElsewhereBasic,
        paidElsewhereCritical: data.paidElsewhereCritical,
        payeeName: payee.name,
        payeeBankName: payee.bankName,
        payeeAccount: payee.account,
        payeeSource: data.payee.source,
        idempotencyKey: data.idempotencyKey,
        createdBy: me.id,
      })
      .returning({ id: reimbursementCases.id });
    if (!row) throw new Error('case insert returned no row');
    const account = `收款账户 ${payee.name} ${maskBankAccount(payee.account)}`;
    const note = missing.length
      ? `材料不全，一次性告知缺：${missing.map((m) => MATERIAL_LABELS[m]).join('、')}；${account}`
      : `材料齐全，开始计时；${account}`;
    await ctx.db.insert(reimbursementEvents).values({
      caseId: row.id,
      action: 'intake',
      fromStatus: null,
      toStatus: status,
      note,
      actorId: me.id,
      actorName: me.displayName,
      onDate: today,
      requestKey: `intake:${data.idempotencyKey}`,
    });
    await writeAudit(ctx, {
      action: 'reimbursement.intake',
      entity: 'reimbursement_case',
      entityId: row.id,
      regionPath: prepared.person.person.regionPath,
      after: {
        caseNo,
        kind: data.kind,
        status,
        missing,
        hospital: prepared.hospital.name,
        payee: { source: data.payee.source, name: payee.name, bankName: payee.bankName, accountMasked: maskBankAccount(payee.account) },
      },
    });
    return row.id;
  }).catch(async (error: unknown) => {
    if (!isUniqueViolation(error, 'idempotency')) throw error;
    const first = await find();
    if (!first) throw error;
    return first.id;
  });
  return getReimbursement({ ctx, input: { id } });
}
