import { formatYuan } from '../money.js';

/** Digit groups from tables: "0".."999", ",000"..",999", and ".00 元"..".99 元" (cents with the unit). */
const PLAIN: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
const GROUPS: readonly string[] = PLAIN.map((t) => `,${t.padStart(3, '0')}`);
const CENTS_YUAN: readonly string[] = PLAIN.slice(0, 100).map((t) => `.${t.padStart(2, '0')} 元`);

/**
 * "28,000.00 元" — money as window staff read it. The same digits as `formatYuan` (money.ts)
 * without its regular expression or any number-to-string conversion: an explanation formats about
 * twenty amounts and formatting was a quarter of the settlement time. A property test keeps the
 * two identical.
 */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return `${formatYuan(fen)} 元`; // negative (never in a settlement) or invalid
  const cents = fen % 100;
  let rest = (fen - cents) / 100;
  let tail = CENTS_YUAN[cents]!;
  while (rest >= 1000) {
    const group = rest % 1000;
    tail = GROUPS[group]! + tail;
    rest = (rest - group) / 1000;
  }
  return PLAIN[rest]! + tail;
}

const PERCENTS: readonly string[] = Array.from({ length: 101 }, (_, i) => `${i}%`);

/** "75%" */
export function percent(rate: number): string {
  return Number.isInteger(rate) && rate >= 0 && rate <= 100 ? PERCENTS[rate]! : `${rate}%`;
}

/** The sentence tail for an annual cap: empty when the cap did not bite. */
export function describeCap(name: string, cap: number, usedBefore: number, raw: number, paid: number): string {
  if (paid >= raw) return '';
  return `；按政策计算 ${yuan(raw)}，受${name} ${yuan(cap)} 限制（本年此前已支付 ${yuan(usedBefore)}），实付 ${yuan(paid)}，超出封顶线部分不予支付`;
}
