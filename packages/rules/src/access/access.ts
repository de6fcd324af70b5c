import { z } from 'zod';

/** Portal roles (RBAC). */
export const ROLE_IDS = ['clerk', 'reviewer', 'supervisor', 'admin'] as const;
export const ZRole = z.enum(ROLE_IDS, { error: '未知的角色' });
export type TRole = z.infer<typeof ZRole>;

export const ROLE_LABELS: Record<TRole, string> = {
  clerk: '窗口经办',
  reviewer: '审核复核',
  supervisor: '领导/监管',
  admin: '系统管理',
};

export const ORG_LEVELS = ['system', 'province', 'city', 'county', 'township'] as const;
export type TOrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_LEVEL_LABELS: Record<TOrgLevel, string> = {
  system: '系统',
  province: '省级',
  city: '市（州）级',
  county: '县（市、区）级',
  township: '乡镇（街道）级',
};

/** Username: letters, digits, dot, dash, underscore; 3–32 characters. */
export const ZUsername = z
  .string({ error: '请输入用户名' })
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[a-zA-Z0-9._-]+$/, '用户名只能包含字母、数字、点、横线和下划线');

/** Password policy: 8–128 characters with letters and digits. */
export const ZNewPassword = z
  .string({ error: '请输入密码' })
  .min(8, '密码至少 8 位')
  .max(128, '密码最多 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');

export const ZLoginInput = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码过长'),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码'),
    newPassword: ZNewPassword,
    confirmPassword: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的新密码不一致' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: '新密码不能与当前密码相同' });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** A Chinese mobile (11 digits from 1) or a landline with area code (0xx-xxxxxxx). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const ZPhone = z.string().trim().regex(PHONE_PATTERN, '电话号码格式不正确（手机号 11 位，或带区号的固定电话，如 0715-8123456）');

export const ZCreateUserInput = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1, '请输入姓名').max(32, '姓名最多 32 个字'),
  role: ZRole,
  orgUnitId: z.uuid('请选择所属机构'),
  phone: ZPhone.optional().or(z.literal('').transform(() => undefined)),
  password: ZNewPassword,
  /** Exports with full ID numbers and bank accounts (an explicit, audited grant). */
  canExportFull: z.boolean().default(false),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({
  id: z.uuid(),
  data: z.object({
    displayName: z.string().trim().min(1, '请输入姓名').max(32, '姓名最多 32 个字'),
    role: ZRole,
    orgUnitId: z.uuid('请选择所属机构'),
    phone: ZPhone.optional().or(z.literal('').transform(() => undefined)),
    isActive: z.boolean(),
    canExportFull: z.boolean().default(false),
  }),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZOrgUnitCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3})?$/, '区划代码应为 6 位（县级及以上）或 9 位（乡镇）数字');

export const ZCreateOrgUnitInput = z.object({
  parentId: z.uuid('请选择上级机构'),
  code: ZOrgUnitCode,
  name: z.string().trim().min(2, '请输入机构名称').max(64, '机构名称最多 64 个字'),
});
export type TCreateOrgUnitInput = z.infer<typeof ZCreateOrgUnitInput>;

export const ZUpdateOrgUnitInput = z.object({
  id: z.uuid(),
  data: z.object({ name: z.string().trim().min(2, '请输入机构名称').max(64, '机构名称最多 64 个字') }),
});
