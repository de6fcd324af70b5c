import { formatYuan } from '../money.js';

/**
 * Same text as `formatYuan` (money.ts), without its regular expression: explanations format about
 * twenty amounts per visit and the regex was a quarter of the settlement time. A property test
 * keeps the two identical.
 */
export function formatYuanFast(fen: number): string {
  if (!Number.isSafeInteger(fen)) return formatYuan(fen); // let money.ts raise its error
  const negative = fen < 0;
  const abs = negative ? -fen : fen;
  const cents = abs % 100;
  let yuanPart = (abs - cents) / 100;
  let grouped = '';
  while (yuanPart >= 1000) {
    const group = yuanPart % 1000;
    grouped = `,${group < 10 ? '00' : group < 100 ? '0' : ''}${group}${grouped}`;
    yuanPart = (yuanPart - group) / 1000;
  }
  return `${negative ? '-' : ''}${yuanPart}${grouped}.${cents < 10 ? '0' : ''}${cents}`;
}

/** "28,000.00 元" — money as window staff read it. */
export function yuan(fen: number): string {
  return `${formatYuanFast(fen)} 元`;
}

/** "75%" */
export function percent(rate: number): string {
  return `${rate}%`;
}

/** The sentence tail for an annual cap: empty when the cap did not bite. */
export function describeCap(name: string, cap: number, usedBefore: number, raw: number, paid: number): string {
  if (paid >= raw) return '';
  return `；按政策计算 ${yuan(raw)}，受${name} ${yuan(cap)} 限制（本年此前已支付 ${yuan(usedBefore)}），实付 ${yuan(paid)}，超出封顶线部分不予支付`;
}
