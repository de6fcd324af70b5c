import { formatYuan, parseYuan } from '@portal/rules';
import { z } from 'zod';

/** A yuan amount typed in a form ("1,234.50"), validated and turned into fen. */
export function zYuan(label: string, options: { optional?: boolean } = {}) {
  return z
    .string()
    .trim()
    .refine((v) => (options.optional && v === '') || (parseYuan(v) !== null && (parseYuan(v) ?? -1) >= 0), {
      message: `${label}应为不小于 0 的金额，最多两位小数`,
    });
}

export function yuanToFen(value: string): number {
  return value.trim() === '' ? 0 : (parseYuan(value) ?? 0);
}

export { formatYuan };
