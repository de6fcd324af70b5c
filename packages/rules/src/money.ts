/**
 * Money is an integer number of fen (分) everywhere. These helpers are the only place that
 * turns rates into amounts, rounds, and formats yuan.
 */

/** Asserts an integer number of fen; throws with the field name otherwise. */
export function assertFen(value: number, field = 'amount'): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${field} must be an integer number of fen, got ${value}`);
  }
}

/**
 * `round(amount × rate / 100)` half up, exact for integer fen and rates with up to two decimals.
 * Integer arithmetic avoids float error: a rate is scaled to hundredths of a percent.
 */
export function applyRate(amountFen: number, ratePercent: number): number {
  const rateBp = Math.round(ratePercent * 100); // basis points of a percent (1/10000)
  const numerator = amountFen * rateBp;
  if (!Number.isSafeInteger(numerator)) {
    return Number((BigInt(amountFen) * BigInt(rateBp) * 2n + 10000n) / 20000n);
  }
  return divideHalfUp(numerator, 10000);
}

/** Integer division rounded half up (away from zero for positive values). */
export function divideHalfUp(numerator: number, denominator: number): number {
  // Every amount of a settlement takes this branch; the general one handles signs.
  if (numerator >= 0 && denominator > 0) return Math.floor((2 * numerator + denominator) / (2 * denominator));
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d));
}

/** Formats fen as yuan with thousands separators and two decimals: 2062500 → "20,625.00". */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents.toString().padStart(2, '0')}`;
}

/** Parses a yuan string ("1,234.5") into fen; returns null for anything that is not money. */
export function parseYuan(text: string): number | null {
  const cleaned = text.replace(/[,，\s]/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return match[1] ? -fen : fen;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/**
 * Chinese capital numerals for an amount in fen (大写金额), as on financial slips:
 * 374937 → "叁仟柒佰肆拾玖元叁角柒分"; 100 → "壹元整"; 0 → "零元整".
 */
export function toChineseCapital(fen: number): string {
  assertFen(fen);
  if (fen < 0) return `负${toChineseCapital(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cent = fen % 10;
  let text = yuan === 0 ? '' : `${integerToCapital(yuan)}元`;
  if (jiao === 0 && cent === 0) return `${text || '零元'}整`;
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (yuan > 0) text += '零';
  if (cent > 0) text += `${DIGITS[cent]}分`;
  else text += '整';
  return text;
}

function integerToCapital(n: number): string {
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 10000);
    rest = Math.floor(rest / 10000);
  }
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] ?? 0;
    if (group === 0) {
      pendingZero = out.length > 0;
      continue;
    }
    if (out.length > 0 && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    out += groupToCapital(group) + BIG_UNITS[g];
  }
  return out;
}

function groupToCapital(group: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(group / 10 ** i) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[d] ?? '') + SMALL_UNITS[i];
  }
  return out;
}
