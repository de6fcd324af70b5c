import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ZActionBase,
  ZActionNote,
  ZIdempotencyKey,
  blankToUndefined,
  describeJsonType,
  objectError,
  optionalText,
  zBoundedInteger,
} from './fields.js';

const messages = { type: 'T', tooSmall: 'S', tooBig: 'B', fraction: 'F' };
const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('zBoundedInteger', () => {
  const field = zBoundedInteger(0, 100, messages);
  it('gives exactly one message per bad value, the range first', () => {
    expect(issuesOf(field, 1e20)).toEqual(['B']);
    expect(issuesOf(field, 100.5)).toEqual(['B']);
    expect(issuesOf(field, -1e20)).toEqual(['S']);
    expect(issuesOf(field, 1.5)).toEqual(['F']);
    expect(issuesOf(field, '5')).toEqual(['T']);
    expect(issuesOf(field, 0)).toEqual([]);
    expect(issuesOf(field, 100)).toEqual([]);
  });
  it('accepts exactly the integers of the range', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const ok = field.safeParse(v).success;
        return ok === (Number.isInteger(v) && v >= 0 && v <= 100) && issuesOf(field, v).length === (ok ? 0 : 1);
      }),
    );
  });
});

describe('object and JSON type messages', () => {
  it('names the JSON type in Chinese', () => {
    expect([[], 'a', 1, true, null, undefined, {}].map(describeJsonType)).toEqual([
      '数组',
      '字符串',
      '数字',
      '布尔值（true/false）',
      '空值（null）',
      '空',
      '对象',
    ]);
  });
  it('says missing or wrong type, naming the field', () => {
    const schema = z.object({ visit: z.object({ a: z.number() }, { error: objectError('就诊信息（visit）') }) });
    expect(issuesOf(schema, {})).toEqual(['缺少就诊信息（visit）']);
    expect(issuesOf(schema, { visit: [1] })).toEqual(['就诊信息（visit）应为 JSON 对象 {…}，收到的是数组']);
  });
});

describe('form helpers', () => {
  it('blank form values are absent; text is trimmed and bounded', () => {
    expect(blankToUndefined('  ')).toBeUndefined();
    expect(blankToUndefined(' a ')).toBe(' a ');
    expect(optionalText(3, '备注').parse('  ')).toBeUndefined();
    expect(optionalText(3, '备注').parse(' ab ')).toBe('ab');
    expect(issuesOf(optionalText(3, '备注'), 'abcd')).toEqual(['备注最多 3 个字']);
  });
  it('actions carry an id, a version and a key; notes default to empty', () => {
    expect(ZIdempotencyKey.safeParse('short').success).toBe(false);
    expect(ZActionNote.parse(undefined)).toBe('');
    expect(ZActionBase.safeParse({ id: '3b241101-e2bb-4255-8caf-4136c566a962', version: 0, requestKey: 'abcdefgh' }).success).toBe(false);
  });
});
