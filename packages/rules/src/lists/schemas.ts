import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZSourceDepartment } from '../persons/index.js';

/** What the clerk states about an uploaded list before comparing it. */
export const ZListUploadMeta = z.object({
  sourceDepartment: ZSourceDepartment,
  listDate: ZIsoDate,
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
});
export type TListUploadMeta = z.infer<typeof ZListUploadMeta>;
