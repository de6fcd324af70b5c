/**
 * The one money module of the web. Amounts are integer fen everywhere; typed yuan text becomes fen
 * through the rules parser (string arithmetic, no floating point) and fen is shown through
 * formatYuan, or in 万元 for large sums.
 */
import { divideHalfUp, formatYuan, parseYuan } from '@portal/rules';
import { z } from 'zod';

export { formatYuan };

/** Fen per 万元 (10 000 yuan × 100 fen). */
const FEN_PER_WAN = 1_000_000;

/** Fen as 万元 with two decimals, rounded half up: 123456789 → "123.46". */
export function formatWanYuan(fen: number): string {
  const hundredths = divideHalfUp(fen, FEN_PER_WAN / 100);
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** An amount with its unit, in 万元 from 100 万元 up (report totals), otherwise in 元. */
export function formatAmount(fen: number): string {
  return Math.abs(fen) >= 100 * FEN_PER_WAN ? `${formatWanYuan(fen)} 万元` : `${formatYuan(fen)} 元`;
}

/** Fen as the text a money input starts with: 123450 → "1234.50" (no separators, so it can be edited). */
export function formatYuanInput(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : formatYuan(fen).replace(/,/g, '');
}

/** Typed yuan text → fen; '' → null; text that is not money → undefined. */
export function parseYuanText(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseYuan(text) ?? undefined;
}

/** Typed yuan text → fen for a live preview: blank or unreadable text counts as 0. */
export function yuanToFen(text: string): number {
  return parseYuanText(text) ?? 0;
}

interface YuanOptions {
  optional?: boolean;
}

/**
 * A yuan amount typed in a form ("1,234.50"), validated but kept as text (forms that preview live,
 * such as the claim form, convert with yuanToFen). New forms use zMoney, whose output is fen.
 */
export function zYuan(label: string, options: YuanOptions = {}) {
  return z
    .string()
    .trim()
    .refine((v) => (options.optional && v === '') || (parseYuan(v) ?? -1) >= 0, {
      message: `${label}应为不小于 0 的金额，最多两位小数`,
    });
}

/** A yuan amount typed in a form whose output is integer fen (required). */
export function zMoney(label: string): z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>;
/** A yuan amount typed in a form whose output is integer fen, or null when left blank. */
export function zMoney(label: string, options: { optional: true }): z.ZodPipe<z.ZodString, z.ZodTransform<number | null, string>>;
export function zMoney(label: string, options: YuanOptions = {}) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .transform((text, ctx) => {
      if (text === '') {
        if (options.optional) return null;
        ctx.issues.push({ code: 'custom', input: text, message: `请填写${label}` });
        return z.NEVER;
      }
      const fen = parseYuan(text);
      if (fen === null || fen < 0) {
        ctx.issues.push({ code: 'custom', input: text, message: `${label}应为不小于 0 的金额，最多两位小数` });
        return z.NEVER;
      }
      return fen;
    });
}
