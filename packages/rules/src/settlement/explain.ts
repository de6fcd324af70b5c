import { formatYuan } from '../money.js';

/** "28,000.00 元" — money as window staff read it. */
export function yuan(fen: number): string {
  return `${formatYuan(fen)} 元`;
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
