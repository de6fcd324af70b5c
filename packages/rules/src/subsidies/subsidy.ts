import { z } from 'zod';
import { CATEGORY_LABELS, ZCategoryId, isCategoryInProfile, sortCategories, type TCategoryId } from '../categories.js';
import { applyRate, divideHalfUp, formatYuan } from '../money.js';
import { objectError, zBoundedInteger } from '../fields.js';
import { PROFILES, ZProfileId, isInJurisdiction, jurisdictionPrefix, type TProfileId } from '../profiles.js';
import { ZSubsidyParamsPatch, resolveSubsidyParams, type TSubsidyParams } from './params.js';
import { QIANNAN_CLASS_LABELS, QIANNAN_SHARE_RATIOS, findQiannanCounty } from './qiannan-counties.js';

/** Premium subsidies (参保资助), RULES §4. */

/**
 * A premium-subsidy request (RULES §8 `subsidy`). A category the profile does not know is refused
 * (RULES §8a.8); so is, where the profile shares the subsidy by county class, a county without one.
 * The jurisdiction check of `person.countyCode` is `ZSubsidyCliRequest`'s (the server's run passes
 * the county of its own org tree).
 */
export const ZSubsidyRequest = z
  .object(
    {
      profile: ZProfileId,
      year: zBoundedInteger(2000, 2100, {
        type: '请输入参保年度',
        tooSmall: '参保年度有误',
        tooBig: '参保年度有误',
        fraction: '参保年度应为整数',
      }),
      /** The individual premium of the year, fen (Weihai: the first-tier premium). */
      premium: zBoundedInteger(0, 10_000_000, {
        type: '请输入个人缴费标准（分）',
        tooSmall: '个人缴费标准不能为负',
        tooBig: '个人缴费标准超出范围（最多 10000000 分，即 10 万元）',
        fraction: '个人缴费标准应为整数分',
      }),
      /** Local parameters; the subsidy ones are under `subsidy` (other keys are ignored). */
      params: z.object({ subsidy: ZSubsidyParamsPatch.optional() }, { error: objectError('参数（params）') }).optional(),
      person: z.object(
        {
          categories: z.array(ZCategoryId, { error: '请选择人员类别' }),
          countyCode: z.string({ error: '请输入县（市、区）代码' }).regex(/^\d{6}$/, '县（市、区）代码应为 6 位数字'),
        },
        { error: objectError('参保人信息（person）') },
      ),
    },
    { error: objectError('资助请求') },
  )
  .superRefine((req, ctx) => {
    const profile = PROFILES[req.profile];
    const from = profile.fromYear;
    if (req.year < from) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: `${profile.label}政策自 ${from} 年起适用` });
    }
    req.person.categories.forEach((category, i) => {
      if (!isCategoryInProfile(req.profile, category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['person', 'categories', i],
          message: `“${CATEGORY_LABELS[category]}”（${category}）不是${profile.label}口径的人员类别`,
        });
      }
    });
    if (profile.capabilities.sharesSubsidyByGovernmentLevel && !findQiannanCounty(req.person.countyCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'countyCode'],
        message: `${req.person.countyCode} 不是黔南州的县（市）代码`,
      });
    }
  });
export type TSubsidyRequest = z.input<typeof ZSubsidyRequest>;

/** What the subsidy CLI accepts: ZSubsidyRequest, and `person.countyCode` inside the profile's jurisdiction (RULES §8a.8). */
export const ZSubsidyCliRequest = ZSubsidyRequest.superRefine((req, ctx) => {
  if (!isInJurisdiction(req.profile, req.person.countyCode)) {
    ctx.addIssue({
      code: 'custom',
      path: ['person', 'countyCode'],
      message: `县（市、区）代码 ${req.person.countyCode} 不在${PROFILES[req.profile].label}辖区内（应以 ${jurisdictionPrefix(req.profile)} 开头）`,
    });
  }
});

/** Shares of the amount by level of government (Qiannan 建档立卡), fen. */
export interface SubsidyShares {
  province: number;
  prefecture: number;
  county: number;
}

/** Who pays (Hunan): the medical assistance fund and the fiscal budget, fen. */
export interface SubsidyFunding {
  assistanceFund: number;
  fiscal: number;
}

export interface SubsidyEvaluation {
  category: TCategoryId;
  /** False when the profile or the clause does not subsidise this category. */
  applicable: boolean;
  amount: number;
  shares?: SubsidyShares;
  funding?: SubsidyFunding;
  explain: string;
  clause: string;
}

export interface SubsidyResult {
  profile: TProfileId;
  year: number;
  premium: number;
  appliedCategory: TCategoryId;
  amount: number;
  /** What the person still pays of the premium: premium − amount (a Weihai person choosing tier 2 also pays the tier difference). */
  personPays: number;
  shares?: SubsidyShares;
  funding?: SubsidyFunding;
  explain: string;
  clause: string;
  /** Every category the person holds (and `ordinary`), as evaluated. */
  evaluated: SubsidyEvaluation[];
  /** The subsidy parameters used. */
  params: TSubsidyParams;
}

const y = formatYuan;
const QIANNAN_REGISTERED_POOR_FIXED = 10_000;
const XIANNING_SUBSISTENCE_FIXED = 32_000;
const XIANNING_TRANSITION = { from: 2022, to: 2025 } as const;
const XIANNING_STABLE_EXIT_RATES: Record<number, number> = { 2022: 80, 2023: 50, 2024: 30 };

interface Ctx {
  premium: number;
  year: number;
  countyCode: string;
  categories: readonly TCategoryId[];
  params: TSubsidyParams;
}

function capped(amount: number, premium: number): number {
  return Math.min(amount, premium);
}

function capNote(raw: number, premium: number): string {
  return raw > premium ? `，不超过个人缴费 ${y(premium)} 元` : '';
}

function full(category: TCategoryId, ctx: Ctx, clause: string, what: string): SubsidyEvaluation {
  return {
    category,
    applicable: true,
    amount: ctx.premium,
    explain: `${CATEGORY_LABELS[category]}${what}：资助 ${y(ctx.premium)} 元`,
    clause,
  };
}

function none(category: TCategoryId, clause: string, reason: string): SubsidyEvaluation {
  return { category, applicable: false, amount: 0, explain: `${CATEGORY_LABELS[category]}：${reason}`, clause };
}

/** Splits `amount` by ratios (tenths), each share rounded half up to the fen, the county taking the remainder. */
export function splitQiannanShares(amount: number, ratios: readonly [number, number, number]): SubsidyShares {
  const province = divideHalfUp(amount * ratios[0], 10);
  const prefecture = divideHalfUp(amount * ratios[1], 10);
  return { province, prefecture, county: amount - province - prefecture };
}

function evaluateQiannan(category: TCategoryId, ctx: Ctx): SubsidyEvaluation {
  const clause = '000 §二(三)';
  if (category === 'extreme_poverty') return full(category, ctx, clause, '个人缴费全额资助（医疗救助渠道）');
  if (category === 'registered_poor') {
    const county = findQiannanCounty(ctx.countyCode);
    const amount = capped(QIANNAN_REGISTERED_POOR_FIXED, ctx.premium);
    const base = `建档立卡贫困人口定额资助 100 元/人/年${capNote(QIANNAN_REGISTERED_POOR_FIXED, ctx.premium)}：资助 ${y(amount)} 元`;
    if (!county) return { category, applicable: true, amount, explain: base, clause };
    const ratios = QIANNAN_SHARE_RATIOS[county.countyClass];
    const shares = splitQiannanShares(amount, ratios);
    return {
      category,
      applicable: true,
      amount,
      shares,
      explain: `${base}；${county.name}属${QIANNAN_CLASS_LABELS[county.countyClass]}，省:州:县 = ${ratios.join(':')}，省级 ${y(shares.province)} 元、州级 ${y(shares.prefecture)} 元、县级 ${y(shares.county)} 元`,
      clause,
    };
  }
  return none(category, clause, '本方案无参保资助规定');
}

function evaluateHunan(category: TCategoryId, ctx: Ctx): SubsidyEvaluation {
  const clause = '001 §一';
  const { premium, params } = ctx;
  switch (category) {
    case 'extreme_poverty':
      return {
        ...full(category, ctx, clause, '个人缴费通过医疗救助等渠道全额资助'),
        funding: { assistanceFund: premium, fiscal: 0 },
      };
    case 'guaranteed_family': {
      const assistanceFund = applyRate(premium, 50);
      return {
        category,
        applicable: true,
        amount: premium,
        funding: { assistanceFund, fiscal: premium - assistanceFund },
        explain: `${CATEGORY_LABELS[category]}个人缴费全额解决：医疗救助资金 50% 即 ${y(assistanceFund)} 元，财政补贴 ${y(premium - assistanceFund)} 元`,
        clause,
      };
    }
    case 'subsistence_allowance': {
      const amount = capped(params.subsistenceFixed, premium);
      return {
        category,
        applicable: true,
        amount,
        explain: `低保对象定额资助（当地标准 ${y(params.subsistenceFixed)} 元${capNote(params.subsistenceFixed, premium)}）：资助 ${y(amount)} 元`,
        clause,
      };
    }
    case 'registered_poor': {
      if (ctx.categories.includes('subsistence_allowance')) {
        return none(category, clause, '同时为低保对象，按低保对象定额资助（50%以上资助仅适用于建档立卡中的非低保对象）');
      }
      const amount = applyRate(premium, params.registeredPoorRate);
      return {
        category,
        applicable: true,
        amount,
        explain: `建档立卡贫困人口（非低保）按 ${params.registeredPoorRate}% 资助：${y(premium)} × ${params.registeredPoorRate}% = ${y(amount)} 元`,
        clause,
      };
    }
    default:
      return none(category, clause, '001 §一未规定该类人员的参保资助');
  }
}

function evaluateXianning(category: TCategoryId, ctx: Ctx): SubsidyEvaluation {
  const clause = '002 §二(一)';
  const { premium, year, params } = ctx;
  const inTransition = year >= XIANNING_TRANSITION.from && year <= XIANNING_TRANSITION.to;
  switch (category) {
    case 'extreme_poverty':
      return full(category, ctx, clause, '（含孤儿）个人缴费全额资助');
    case 'subsistence_allowance': {
      if (!inTransition) {
        const amount = capped(XIANNING_SUBSISTENCE_FIXED, premium);
        return {
          category,
          applicable: true,
          amount,
          explain: `低保对象定额资助 320 元/人/年${capNote(XIANNING_SUBSISTENCE_FIXED, premium)}：资助 ${y(amount)} 元`,
          clause,
        };
      }
      const ninety = applyRate(premium, 90);
      const raw = Math.max(XIANNING_SUBSISTENCE_FIXED, ninety);
      const amount = capped(raw, premium);
      return {
        category,
        applicable: true,
        amount,
        explain: `过渡期内低保对象按不低于个人缴费的 90% 资助：max(320 元, ${y(premium)} × 90% = ${y(ninety)} 元)${capNote(raw, premium)}，资助 ${y(amount)} 元`,
        clause,
      };
    }
    case 'relapsed_poverty':
    case 'unstable_exit':
    case 'marginal':
    case 'sudden_hardship': {
      const amount = applyRate(premium, 50);
      return {
        category,
        applicable: true,
        amount,
        explain: `${CATEGORY_LABELS[category]}按个人缴费 50% 定额资助：${y(premium)} × 50% = ${y(amount)} 元`,
        clause,
      };
    }
    case 'stable_exit': {
      const rate = XIANNING_STABLE_EXIT_RATES[year] ?? 0;
      if (rate === 0) {
        return none(category, clause, `资助参保渐退：${year} 年起不再享受资助参保政策`);
      }
      const raw = applyRate(params.stableExitBase2021, rate);
      const amount = capped(raw, premium);
      return {
        category,
        applicable: true,
        amount,
        explain: `稳定脱贫人口资助参保渐退：${year} 年按 2021 年资助标准 ${y(params.stableExitBase2021)} 元的 ${rate}% = ${y(raw)} 元${capNote(raw, premium)}，资助 ${y(amount)} 元`,
        clause,
      };
    }
    default:
      return none(category, clause, '不在咸宁参保资助范围');
  }
}

const WEIHAI_SUBSIDISED: readonly TCategoryId[] = [
  'registered_poor',
  'severe_disability',
  'subsistence_allowance',
  'extreme_poverty',
  'orphan',
];

function evaluateWeihai(category: TCategoryId, ctx: Ctx): SubsidyEvaluation {
  const clause = '004 §二(一)';
  if (WEIHAI_SUBSIDISED.includes(category)) {
    return full(category, ctx, clause, '按一档缴费标准全额资助（选择二档的，差额由本人在集中缴费期内补足）');
  }
  return none(category, clause, '属其他救助人员，不在 004 §二 困难人员参保资助范围');
}

function evaluateLiaoning(category: TCategoryId, ctx: Ctx): SubsidyEvaluation {
  const clause = '003 §三(一)';
  const amounts = ctx.params.liaoning;
  if (!(category in amounts)) return none(category, clause, '无参保资助规定');
  const setting = amounts[category as keyof typeof amounts];
  if (setting === 'full') return full(category, ctx, clause, '按当地标准个人缴费全额资助');
  if (setting === 0) return none(category, clause, '当地未设置资助标准（0 元）');
  const amount = capped(setting, ctx.premium);
  return {
    category,
    applicable: true,
    amount,
    explain: `${CATEGORY_LABELS[category]}按当地标准定额资助 ${y(setting)} 元${capNote(setting, ctx.premium)}：资助 ${y(amount)} 元`,
    clause,
  };
}

const EVALUATORS: Record<TProfileId, (category: TCategoryId, ctx: Ctx) => SubsidyEvaluation> = {
  'qiannan-2019': evaluateQiannan,
  'hunan-2017': evaluateHunan,
  'xianning-2022': evaluateXianning,
  'liaoning-2019': evaluateLiaoning,
  'weihai-2019': evaluateWeihai,
};

const HIGHEST_CLAUSE: Record<TProfileId, string> = {
  'qiannan-2019': '000 §二(三)',
  'hunan-2017': '001 §一',
  'xianning-2022': '002 §二(一)',
  'liaoning-2019': '003 §三(一)',
  'weihai-2019': '004 §二(一)',
};

/**
 * The premium subsidy for a person (RULES §4): every category the person holds is evaluated, the
 * highest amount applies (ties → the earlier category in CATEGORY_IDS), amounts never stack and
 * never exceed the premium. When no category yields a subsidy the result is `ordinary`, amount 0.
 */
export function computeSubsidy(request: TSubsidyRequest): SubsidyResult {
  const req = ZSubsidyRequest.parse(request);
  const params = resolveSubsidyParams(req.params?.subsidy);
  const categories = sortCategories(req.person.categories.filter((c) => c !== 'ordinary'));
  const ctx: Ctx = { premium: req.premium, year: req.year, countyCode: req.person.countyCode, categories, params };
  const evaluate = EVALUATORS[req.profile];
  const evaluated: SubsidyEvaluation[] = categories.map((category) => evaluate(category, ctx));
  const ordinary: SubsidyEvaluation = none('ordinary', HIGHEST_CLAUSE[req.profile], '普通参保人员，无参保资助');
  evaluated.push(ordinary);

  let best = ordinary;
  for (const e of evaluated) if (e.amount > best.amount) best = e;

  const subsidised = evaluated.filter((e) => e.amount > 0);
  const highest =
    subsidised.length > 1
      ? `；同时符合${subsidised.map((e) => CATEGORY_LABELS[e.category]).join('、')}等多种资助，按就高原则适用${CATEGORY_LABELS[best.category]}，不重复资助`
      : '';
  return {
    profile: req.profile,
    year: req.year,
    premium: req.premium,
    appliedCategory: best.category,
    amount: best.amount,
    personPays: req.premium - best.amount,
    ...(best.shares ? { shares: best.shares } : {}),
    ...(best.funding ? { funding: best.funding } : {}),
    explain: `${best.explain}${highest}。`,
    clause: best.clause,
    evaluated,
    params,
  };
}
