import type { z } from 'zod';
import { MATERIAL_LABELS, type TReimbursementDetail, type ZReceiveMaterialsInput, missingMaterials } from '@portal/rules';
import { getReimbursement } from './get.js';
import { runAction } from './internal.js';
import { type ActorContext, invalid } from '../../core/index.js';

/** 补齐材料: records items received; the day the last one arrives starts the clock. */
export async function receiveMaterials({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReceiveMaterialsInput>;
}): Promise<TReimbursementDetail> {
  const data = input;
  await runAction(ctx, data, async (_ctx, row, today) => {
    if (row.status !== 'awaiting_documents') throw invalid('案件材料已齐全，无需补交', 'received');
    const materials = { ...row.materials };
    const fresh = data.received.filter((m) => !materials[m]);
    if (!fresh.length) throw invalid('所选材料此前已收到', 'received');
    for (const m of fresh) materials[m] = true;
    const missing = missingMaterials(materials);
    const received = fresh.map((m) => MATERIAL_LABELS[m]).join('、');
    return {
      action: 'receive_materials',
      to: missing.length ? 'awaiting_documents' : 'registration',
      note: `收到：${received}${missing.length ? `；仍缺：${missing.map((m) => MATERIAL_LABELS[m]).join('、')}` : '；材料齐全，开始计时'}${data.note ? `。${data.note}` : ''}`,
      patch: { materials, materialsCompleteOn: missing.length ? null : today },
      audit: { received: fresh, missing },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}
