import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.js';
import { ZSubsidyParamsPatch } from '../subsidies/index.js';
import { ZSettleParamsOverride } from './schema.js';

/** A new version of an agency's local parameters (admin page). */
export const ZCreateParamVersionInput = z.object({
  orgUnitId: z.uuid('请选择机构'),
  effectiveFrom: z.iso.date({ error: '请填写生效日期（YYYY-MM-DD）', abort: true }).refine(isIsoDate, '生效日期不存在'),
  settle: ZSettleParamsOverride.default({}),
  subsidy: ZSubsidyParamsPatch.default({}),
  note: z.string().trim().min(2, '请填写调整说明（依据文件或原因）').max(200, '说明最多 200 字'),
});
export type TCreateParamVersionInput = z.input<typeof ZCreateParamVersionInput>;
