import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ZIdNumber,
  ageOn,
  computeCheckDigit,
  makeIdNumber,
  maskBankAccount,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  zIdNumberOn,
} from './id-number.js';

describe('computeCheckDigit', () => {
  it('matches the GB 11643 example', () => {
    expect(computeCheckDigit('11010519491231002')).toBe('X');
    expect(computeCheckDigit('44052418800101001')).toBe('4');
  });
  it('throws for anything but 17 digits', () => {
    expect(() => computeCheckDigit('1234')).toThrow(RangeError);
    expect(() => computeCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('parses a valid number', () => {
    const r = parseIdNumber('11010519491231002x', '2019-09-01');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.idNumber).toBe('11010519491231002X');
    expect(r.value.birthDate).toBe('1949-12-31');
    expect(r.value.sex).toBe('female');
    expect(r.value.regionCode).toBe('110105');
    expect(r.value.age('2019-12-30')).toBe(69);
    expect(r.value.age('2019-12-31')).toBe(70);
  });
  it('reads sex from the 17th digit', () => {
    const male = parseIdNumber(makeIdNumber('522732', '1980-05-06', 123));
    expect(male.ok && male.value.sex).toBe('male');
  });
  it.each([
    ['52273219800506123', 'length', '应为 18 位'],
    ['522732800506123', 'length', '15 位旧号码'],
    ['52273219800506A23X', 'characters', '非法字符'],
    ['00273219800506123X', 'region', '地址码'],
    ['52000019800506123X', 'region', '地址码'],
    ['522732198002301234', 'birth_date', '出生日期 1980-02-30 不存在'],
    ['522732189902011234', 'birth_date', '不存在'],
  ])('rejects %s (%s)', (id, code, text) => {
    const r = parseIdNumber(id, '2020-01-01');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.error).toContain(text);
  });
  it('rejects a birth date after today', () => {
    const id = makeIdNumber('522732', '2020-06-01', 5);
    const r = parseIdNumber(id, '2020-05-31');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('future_birth_date');
    expect(parseIdNumber(id, '2020-06-01').ok).toBe(true);
  });
  it('names the expected check digit', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('check_digit');
      expect(r.error).toContain('应为 X');
    }
  });
  it('accepts 29 February only in leap years', () => {
    expect(parseIdNumber(makeIdNumber('421202', '2000-02-29', 2)).ok).toBe(true);
    expect(parseIdNumber('421202190002290020').ok).toBe(false);
  });
});

describe('ageOn', () => {
  it('counts full years; 29 February birthdays count from 1 March', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-05-10', '1999-01-01')).toBe(0);
  });
});

const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const regionArb = fc.constantFrom('522732', '522701', '430102', '421202', '210102', '371002', '110105');

describe('makeIdNumber (properties)', () => {
  it('always produces a valid number with the given parts', () => {
    fc.assert(
      fc.property(regionArb, dateArb, fc.integer({ min: 0, max: 999 }), (region, birth, seq) => {
        const id = makeIdNumber(region, birth, seq);
        const r = parseIdNumber(id, '2027-01-01');
        return r.ok && r.value.birthDate === birth && r.value.regionCode === region && r.value.sex === (seq % 2 ? 'male' : 'female');
      }),
    );
  });
  it('any single-character change fails validation', () => {
    fc.assert(
      fc.property(
        regionArb,
        dateArb,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (region, birth, seq, pos, delta) => {
          const id = makeIdNumber(region, birth, seq);
          const chars = '0123456789X';
          const alphabet = pos === 17 ? chars : chars.slice(0, 10);
          const current = alphabet.indexOf(id[pos] ?? '');
          const replacement = alphabet[(current + delta) % alphabet.length] ?? '';
          fc.pre(replacement !== id[pos]);
          const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
          return !parseIdNumber(changed, '2027-01-01').ok;
        },
      ),
    );
  });
  it('rejects bad arguments', () => {
    expect(() => makeIdNumber('5227', '1980-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('522732', '1980-01-01', 1000)).toThrow(RangeError);
  });
});

describe('ZIdNumber', () => {
  it('normalises lower-case x and trims', () => {
    expect(ZIdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });
  it('reports the Chinese reason', () => {
    const r = ZIdNumber.safeParse('110105194912310021');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('校验码错误');
  });
  it('checks future dates against the date it is given', () => {
    const schema = zIdNumberOn(() => '2019-01-01');
    expect(schema.safeParse(makeIdNumber('522732', '2019-06-01', 1)).success).toBe(false);
  });
});

describe('masks', () => {
  it('masks an ID number: first 6 and last 4', () => {
    expect(maskIdNumber('522732199001011234')).toBe('522732********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });
  it('masks a bank account: last 4', () => {
    expect(maskBankAccount('6228 4800 1234 5678 901')).toBe('***************8901');
    expect(maskBankAccount('123')).toBe('***');
  });
  it('masks a phone: 3 + 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0715-8123456')).toBe('071*****3456');
  });
});
