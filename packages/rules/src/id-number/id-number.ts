import { z } from 'zod';

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit address code (GB/T 2260),
 * 8-digit birth date, 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check
 * character (0–9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes (first two digits of the address code) in GB/T 2260, plus 83 (台湾居民居住证).
 */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Earliest birth year accepted: nobody alive was born before it. */
const MIN_BIRTH_YEAR = 1900;

export type TSex = 'male' | 'female';

export type TIdNumberErrorCode = 'length' | 'characters' | 'region' | 'birth_date' | 'future_birth_date' | 'check_digit';

export interface IdNumberInfo {
  /** The normalised number: trimmed, upper-case X. */
  idNumber: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  sex: TSex;
  /** The 6-digit address code (where the number was first issued, not necessarily the residence). */
  regionCode: string;
  /** Full years of age on `onDate` ('YYYY-MM-DD'). */
  age: (onDate: string) => number;
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; code: TIdNumberErrorCode; error: string };

/** The check character for the first 17 digits. Throws when `first17` is not 17 digits. */
export function computeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`computeCheckDigit needs 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/**
 * Full years between `birthDate` and `onDate` (both 'YYYY-MM-DD'). Someone born on 29 February
 * turns a year older on 1 March in common years. Returns 0 for an `onDate` before the birth.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return Math.max(0, age);
}

/**
 * Parses and validates an 18-character resident ID number. `today` ('YYYY-MM-DD'), when given,
 * rejects birth dates after it; without it that check is skipped (rules never read the clock).
 * Errors are Chinese sentences for window staff, checked in this order: length, characters,
 * address code, birth date, future birth date, check character.
 */
export function parseIdNumber(input: string, today?: string): IdNumberResult {
  const s = input.trim().toUpperCase();
  if (s.length !== 18) {
    const old = s.length === 15 ? '（15 位旧号码请按 18 位号码录入）' : '';
    return { ok: false, code: 'length', error: `身份证号码应为 18 位，实际为 ${s.length} 位${old}` };
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    return {
      ok: false,
      code: 'characters',
      error: '身份证号码含有非法字符：前 17 位只能是数字，最后一位是数字或 X',
    };
  }
  const regionCode = s.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(regionCode.slice(0, 2)) || regionCode.slice(2) === '0000') {
    return {
      ok: false,
      code: 'region',
      error: `地址码 ${regionCode} 不是有效的县级行政区划代码（前两位应为省级代码，后四位不能全为 0）`,
    };
  }
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (year < MIN_BIRTH_YEAR || !isRealDate(year, month, day)) {
    return { ok: false, code: 'birth_date', error: `出生日期 ${birthDate} 不存在` };
  }
  if (today !== undefined && birthDate > today) {
    return { ok: false, code: 'future_birth_date', error: `出生日期 ${birthDate} 晚于今天（${today}）` };
  }
  const expected = computeCheckDigit(s.slice(0, 17));
  if (s[17] !== expected) {
    return {
      ok: false,
      code: 'check_digit',
      error: `校验码错误：最后一位应为 ${expected}，实际为 ${s[17]}，请核对号码是否录错`,
    };
  }
  const sex: TSex = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  return {
    ok: true,
    value: { idNumber: s, birthDate, sex, regionCode, age: (onDate: string) => ageOn(birthDate, onDate) },
  };
}

/** Today's date in China time (UTC+8), used only by `ZIdNumber` for the future-birth check. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Zod schema for an ID number checked against a given date: trims, accepts lower-case x and
 * outputs the normalised number (upper-case X).
 */
export function zIdNumberOn(today: () => string | undefined) {
  return z.string({ error: '请输入身份证号码' }).transform((value, ctx) => {
    const result = parseIdNumber(value, today());
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    return result.value.idNumber;
  });
}

/**
 * The ID number schema for forms and routers. Its future-birth-date check uses the system clock
 * (China time) at validation time — the one place the rules package reads the clock, because a
 * schema has no argument for it. Use `zIdNumberOn` for deterministic checks.
 */
export const ZIdNumber = zIdNumberOn(chinaToday);
export type TIdNumber = z.output<typeof ZIdNumber>;

/**
 * Builds a valid ID number for tests and seed data. `sequence` 0–999 (odd = male, even = female);
 * `birthDate` 'YYYY-MM-DD'; `regionCode` six digits.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`regionCode must be 6 digits, got "${regionCode}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${birthDate}"`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

function maskMiddle(text: string, keepStart: number, keepEnd: number): string {
  if (text.length <= keepStart + keepEnd) {
    return text.length <= keepEnd ? '*'.repeat(text.length) : '*'.repeat(text.length - keepEnd) + text.slice(-keepEnd);
  }
  return text.slice(0, keepStart) + '*'.repeat(text.length - keepStart - keepEnd) + text.slice(text.length - keepEnd);
}

/** `522732199001011234` → `522732********1234` (address code and last four visible). */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber.trim().toUpperCase(), 6, 4);
}

/** `6228480012345678901` → `***************8901` (spaces removed; last four visible). */
export function maskBankAccount(account: string): string {
  return maskMiddle(account.replace(/\s+/g, ''), 0, 4);
}

/** An insurance card number: its last four characters visible. */
export function maskCardNumber(card: string): string {
  return maskMiddle(card.replace(/\s+/g, ''), 0, 4);
}

/** `13812345678` → `138****5678` (first three and last four visible). */
export function maskPhone(phone: string): string {
  return maskMiddle(phone.trim(), 3, 4);
}
