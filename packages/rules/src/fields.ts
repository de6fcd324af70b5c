import { z } from 'zod';

/**
 * Zod building blocks shared by several domains' input schemas. Internal to the package: each
 * domain re-exports only the schemas built from them.
 */

/** Empty strings from a form mean "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Optional free text of at most `max` characters; blank becomes undefined. `label` names it in the message. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((s) => (s ? s : undefined));

/** A client-made key that makes a create or an action idempotent (a double click is one action). */
export const ZIdempotencyKey = z.string().min(8).max(64);

/** An optional note on an action, at most 500 characters. */
export const ZActionNote = z.string().trim().max(500, '备注最多 500 字').default('');

/** Every action on a stored case names the version it was read at and a key per click (idempotency). */
export const ZActionBase = z.object({ id: z.uuid(), version: z.number().int().min(1), requestKey: ZIdempotencyKey });

/** Messages of `zBoundedInteger`, one per problem. */
export interface BoundedIntegerMessages {
  /** Not a number at all (a string, null, an object). */
  type: string;
  /** Below the minimum. */
  tooSmall: string;
  /** Above the maximum. */
  tooBig: string;
  /** Inside the range but with a fractional part. */
  fraction: string;
}

/**
 * An integer in [min, max] with exactly one message per bad value. The range is checked first, so
 * a huge value (1e20, which is also not a safe integer) reads "超出范围" rather than "不能有小数".
 */
export function zBoundedInteger(min: number, max: number, messages: BoundedIntegerMessages) {
  return z.number({ error: messages.type }).check((ctx) => {
    const v = ctx.value;
    const message = v > max ? messages.tooBig : v < min ? messages.tooSmall : Number.isInteger(v) ? null : messages.fraction;
    if (message) ctx.issues.push({ code: 'custom', message, input: v, path: [] });
  });
}

/** The Chinese name of a JSON value's type, for "expected an object, got …" messages. */
export function describeJsonType(value: unknown): string {
  if (value === undefined) return '空';
  if (value === null) return '空值（null）';
  if (Array.isArray(value)) return '数组';
  switch (typeof value) {
    case 'string':
      return '字符串';
    case 'number':
      return '数字';
    case 'boolean':
      return '布尔值（true/false）';
    default:
      return '对象';
  }
}

/**
 * The `error` option of a `z.object` that names the field when it is missing or is not an object
 * (an array, a string …): `缺少就诊信息（visit）` / `就诊信息（visit）应为 JSON 对象 {…}，收到的是数组`.
 */
export function objectError(label: string) {
  return (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_type') return undefined;
    return issue.input === undefined ? `缺少${label}` : `${label}应为 JSON 对象 {…}，收到的是${describeJsonType(issue.input)}`;
  };
}
