import { z } from 'zod';
import { zBoundedInteger } from '../fields.js';

/** Largest amount the engine accepts, in fen (one billion yuan): keeps fen × basis points exact. */
export const MAX_FEN = 100_000_000_000;

/** An amount of money: non-negative integer fen, at most MAX_FEN; one message per bad value. */
export const ZFen = zBoundedInteger(0, MAX_FEN, {
  type: '应为金额数字（单位：分）',
  tooSmall: '金额不能为负数',
  tooBig: `金额超出范围（最多 ${MAX_FEN} 分，即 10 亿元）`,
  fraction: '金额应为整数（单位：分），不能有小数',
});
export type TFen = z.infer<typeof ZFen>;

/** A rate in percent (72 = 72 %), between 0 and 100. */
export const ZRate = z.number({ error: '应为百分比数字（如 75 表示 75%）' }).min(0, '比例不能为负数').max(100, '比例不能超过 100%');

/** A rate increment in percentage points; the engine clamps the sum at 100. */
export const ZRatePoints = z.number({ error: '应为百分点数字' }).min(0, '百分点不能为负数').max(100, '百分点不能超过 100');

const ZByLevel = <T extends z.ZodType>(item: T) =>
  z.strictObject(
    { '1': item, '2': item, '3': item },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `医院等级只能是 1、2、3（多出：${issue.keys.join('、')}）`
          : '应为按医院等级（1、2、3）给出的对象',
    },
  );

/** Names the offending keys so that a typo in an override ("anualCap") is found at once. */
function describeObjectIssue(issue: { code?: string; keys?: readonly string[] }): string {
  if (issue.code === 'unrecognized_keys') return `未知的参数名：${(issue.keys ?? []).join('、')}`;
  return '应为参数对象';
}
const UNKNOWN_KEY = { error: describeObjectIssue };

/**
 * The local settlement parameters of a profile (RULES §1, §3, §8), complete. Seed-fixed values are
 * also listed here so that a settlement can record every value it used.
 */
export const ZSettleParams = z.strictObject(
  {
    basic: z.strictObject(
      {
        deductible: ZByLevel(ZFen),
        rate: ZByLevel(ZRate),
        annualCap: ZFen,
        unreferredRateCut: ZRatePoints,
      },
      UNKNOWN_KEY,
    ),
    critical: z.strictObject(
      {
        deductible: ZFen,
        rate: ZRate,
        annualCap: ZFen,
        poorRateIncrement: ZRatePoints,
        specialDrugRate: ZRate,
      },
      UNKNOWN_KEY,
    ),
    assistance: z.strictObject({ rate: ZRate, annualCap: ZFen }, UNKNOWN_KEY),
    chronic: z.strictObject({ deductible: ZFen, rate: ZRate, annualCap: ZFen }, UNKNOWN_KEY),
    outpatient: z.strictObject({ rate: ZRate, annualCap: ZFen }, UNKNOWN_KEY),
  },
  UNKNOWN_KEY,
);
export type TSettleParams = z.infer<typeof ZSettleParams>;

/** A partial override of the settlement parameters, deep-merged over the profile's defaults. */
export const ZSettleParamsOverride = z.strictObject(
  {
    basic: z
      .strictObject(
        {
          deductible: ZByLevel(ZFen).partial().optional(),
          rate: ZByLevel(ZRate).partial().optional(),
          annualCap: ZFen.optional(),
          unreferredRateCut: ZRatePoints.optional(),
        },
        UNKNOWN_KEY,
      )
      .optional(),
    critical: ZSettleParams.shape.critical.partial().optional(),
    assistance: ZSettleParams.shape.assistance.partial().optional(),
    chronic: ZSettleParams.shape.chronic.partial().optional(),
    outpatient: ZSettleParams.shape.outpatient.partial().optional(),
    // An agency's stored parameter set also holds the premium-subsidy values (RULES §4); they are
    // accepted here so the same object can be passed to `settle`, and ignored by it.
    premium: z.unknown().optional(),
    subsidy: z.unknown().optional(),
  },
  UNKNOWN_KEY,
);
export type TSettleParamsOverride = z.infer<typeof ZSettleParamsOverride>;
