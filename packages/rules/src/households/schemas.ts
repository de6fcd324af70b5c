import { z } from 'zod';
import { blankToUndefined, optionalText } from '../fields.js';

/** Households (户): a person starts one (becoming its head) or moves into another. */
export const ZCreateHouseholdInput = z.object({
  personId: z.uuid(),
  householdNo: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{4,32}$/, '户编号应为 4–32 位字母或数字')
      .optional(),
  ),
  address: optionalText(128, '家庭住址'),
});
/** How a member is related to the household head (与户主关系), as the household register writes it. */
export const RELATIONSHIPS = ['户主', '配偶', '子', '女', '父亲', '母亲', '孙子', '孙女', '兄弟姐妹', '儿媳', '女婿', '其他'] as const;
export const ZRelationship = z.enum(RELATIONSHIPS, { error: '请选择与户主关系' });
/** Moves a registered person into another household. */
export const ZMoveMemberInput = z.object({
  personId: z.uuid(),
  householdId: z.uuid('请选择要迁入的家庭户'),
  relationship: ZRelationship,
});
/** Makes a member the household head. */
export const ZSetHeadInput = z.object({ householdId: z.uuid(), personId: z.uuid() });
