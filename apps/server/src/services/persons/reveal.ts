import { persons } from '@portal/db';
import { REVEALABLE_FIELDS, type TRevealableField, type TRevealedField } from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, findScopedById, writeAudit, withTransaction } from '../../core/index.js';

export const ZRevealPersonFieldInput = z.object({
  id: z.uuid('记录编号格式不正确'),
  field: z.enum(REVEALABLE_FIELDS, { error: '不能查看该项' }),
});

const LABELS: Record<TRevealableField, string> = {
  idNumber: '身份证号',
  phone: '联系电话',
  bankAccount: '银行账号',
  insuranceCardNo: '医保卡号',
};

/**
 * Shows one full value (ID number, phone, account or card) of a person in the caller's region: a
 * deliberate act of window staff, recorded in the audit log with who, when and which field. Every
 * other answer of the server shows these values masked.
 */
export async function revealPersonField({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZRevealPersonFieldInput>;
}): Promise<TRevealedField> {
  return withTransaction(ctx, async (ctx) => {
    const person = await findScopedById(ctx, persons, input.id, '人员');
    await writeAudit(ctx, {
      action: 'person.reveal',
      entity: 'person',
      entityId: person.id,
      regionPath: person.regionPath,
      after: { field: input.field, label: LABELS[input.field] },
    });
    return { field: input.field, label: LABELS[input.field], value: person[input.field] ?? null };
  });
}
