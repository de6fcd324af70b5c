import type { TCategoryId } from '../categories.js';
import { CATEGORY_IDS, PROFILE_CATEGORIES, sortCategories } from '../categories.js';
import { applyRate } from '../money.js';
import { createSettleParams, resolveSettleParamsInto } from '../params/merge.js';
import type { TSettleParams } from '../params/schema.js';
import { PROFILES, PROFILE_IDS, findOutOfScopeLimit, type TProfileId } from '../profiles.js';
import { getSpecialDisease, isSpecialDiseaseOfProfile } from '../special-diseases.js';
import { payOnCumulativeBase, payOnCumulativeLinear } from './cumulative.js';
import { describeCap, percent, yuan } from './explain.js';
import { quoteCategory } from './profiles/common.js';
import { PROFILE_RULES } from './profiles/index.js';
import { computeWeihaiReduction } from './profiles/weihai.js';
import { LOCATIONS, VISIT_TYPES, createEmptyYtd, type THospitalLevel, type TLocation, type TVisitType } from './schema.js';
import type { TCategoryEvaluation, TSettleLine, TSettleRequest, TSettleResult, TYtdDelta } from './schema.js';
import type { TAssistanceOutcome, TCriticalTerms, TProfileRules, TStepState, TTiltedOutcome, TVisitContext } from './types.js';

/*
 * The pipeline runs for every category a person holds, on every visit of a year's re-check, so
 * its numeric path allocates nothing: the context, the parameters, the terms and the outcomes of
 * each step are module-level objects filled in place (settlement never calls back into user code,
 * so nothing can re-enter while they are in use). Sentences, lines and the ytd delta are built
 * only in the explaining pass of the applied category (`ctx.isExplaining`).
 */

/** Numbers of one category's settlement; lines, notices and the delta only when explaining. */
interface TEvaluation {
  category: TCategoryId;
  hospitalBorne: number;
  basic: number;
  critical: number;
  reduction: number;
  assistance: number;
  tilted: number;
  patientPays: number;
  ytdDelta: TYtdDelta;
  /** Lines and category notices; filled only when `ctx.isExplaining`. */
  lines: TSettleLine[];
  notices: string[];
}

/** Step 1 terms for the visit type: deductible, rate, cap and what the cap is measured against. */
interface TBasicTerms {
  deductible: number;
  /** Explaining only: why the deductible is not the plain one. */
  deductibleNote: string | null;
  rate: number;
  /** Explaining only: how the rate was tilted or cut. */
  rateNote: string;
  cap: number;
  capName: string;
  usedBefore: number;
  kind: string;
}

const NO_DELTA: TYtdDelta = createEmptyYtd();
const NO_LINES: TSettleLine[] = [];
const NO_NOTICES: string[] = [];
const LEVEL_KEYS = { 1: '1', 2: '2', 3: '3' } as const;

/** Each profile's recognised categories in precedence order, without `ordinary`. */
const PROFILE_CANDIDATES = Object.fromEntries(
  Object.entries(PROFILE_CATEGORIES).map(([profile, categories]) => [profile, sortCategories(categories).filter((c) => c !== 'ordinary')]),
) as Record<TProfileId, TCategoryId[]>;

/** Bit i stands for CATEGORY_IDS[i]: the lowest set bit is the category of highest precedence. */
const CATEGORY_BIT = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, 1 << i])) as Record<TCategoryId, number>;
const PROFILE_CANDIDATE_MASK = Object.fromEntries(
  PROFILE_IDS.map((profile) => [profile, PROFILE_CANDIDATES[profile].reduce((mask, c) => mask | CATEGORY_BIT[c], 0)]),
) as Record<TProfileId, number>;

const VISIT_TYPE_INDEX: Record<TVisitType, number> = { inpatient: 0, chronic_outpatient: 1, outpatient: 2 };
const LOCATION_INDEX: Record<TLocation, number> = { in_county: 0, in_city: 1, in_province: 2, out_of_province: 3 };
const outOfScopeSlot = (type: TVisitType, location: TLocation, level: THospitalLevel) =>
  VISIT_TYPE_INDEX[type] * 12 + LOCATION_INDEX[location] * 3 + level - 1;
/** `findOutOfScopeLimit` of every visit type × location × level, looked up once per visit. */
const OUT_OF_SCOPE_LIMITS = {} as Record<TProfileId, readonly (number | null)[]>;
for (const profile of PROFILE_IDS) {
  const table: (number | null)[] = [];
  for (const type of VISIT_TYPES)
    for (const location of LOCATIONS)
      for (const hospitalLevel of [1, 2, 3] as const)
        table[outOfScopeSlot(type, location, hospitalLevel)] = findOutOfScopeLimit(profile, { type, location, hospitalLevel });
  OUT_OF_SCOPE_LIMITS[profile] = table;
}

function createEvaluation(): TEvaluation {
  return {
    category: 'ordinary',
    hospitalBorne: 0,
    basic: 0,
    critical: 0,
    reduction: 0,
    assistance: 0,
    tilted: 0,
    patientPays: 0,
    ytdDelta: NO_DELTA,
    lines: NO_LINES,
    notices: NO_NOTICES,
  };
}

const SCRATCH = {
  ctx: {
    request: null as unknown as TSettleRequest,
    params: createSettleParams(),
    profile: 'qiannan-2019',
    capabilities: PROFILES['qiannan-2019'].capabilities,
    isInpatient: false,
    isChronic: false,
    isOutpatient: false,
    outOfScopeLimit: null,
    isReferralRequired: false,
    isReferralMet: false,
    outOfScope: 0,
    isExplaining: false,
  } satisfies TVisitContext as TVisitContext,
  /** Where an override is merged (ctx.params points here or at the shared defaults). */
  params: createSettleParams(),
  basicTerms: { deductible: 0, deductibleNote: null, rate: 0, rateNote: '', cap: 0, capName: '', usedBefore: 0, kind: '' } as TBasicTerms,
  criticalTerms: {
    kind: 'linear',
    deductible: 0,
    rate: 0,
    bands: null,
    cap: null,
    tiltNote: null,
    specialDrugRate: null,
  } as TCriticalTerms,
  state: {
    category: 'ordinary',
    inScope: 0,
    basic: 0,
    basicDeductibleUsed: 0,
    criticalBase: 0,
    criticalDeductibleLeft: 0,
    criticalInScope: 0,
    assistanceBase: 0,
  } as TStepState,
  assistance: { amount: 0, clause: '', deductibleUsed: 0, isYearEnd: false, isCapped: false, explain: '' } as TAssistanceOutcome,
  tilted: { amount: 0, clause: '', explain: '' } as TTiltedOutcome,
  /** Two candidates' numbers: the one being evaluated and the best so far (swapped, never copied). */
  candidates: [createEvaluation(), createEvaluation()] as [TEvaluation, TEvaluation],
  explained: createEvaluation(),
  candidateCount: 0,
};

/**
 * Fills the shared context with the facts of the visit that do not depend on the category;
 * `params` are the request's effective parameters (`resolveParams`).
 */
function prepareContext(request: TSettleRequest, params: TSettleParams): TVisitContext {
  const ctx = SCRATCH.ctx;
  const { visit, costs } = request;
  const capabilities = PROFILES[request.profile].capabilities;
  const isInpatient = visit.type === 'inpatient';
  const isReferralRequired = isInpatient && visit.location !== 'in_county';
  ctx.request = request;
  ctx.params = params;
  ctx.profile = request.profile;
  ctx.capabilities = capabilities;
  ctx.isInpatient = isInpatient;
  ctx.isChronic = visit.type === 'chronic_outpatient';
  ctx.isOutpatient = visit.type === 'outpatient';
  ctx.outOfScopeLimit = OUT_OF_SCOPE_LIMITS[request.profile][outOfScopeSlot(visit.type, visit.location, visit.hospitalLevel)]!;
  ctx.isReferralRequired = isReferralRequired;
  ctx.isReferralMet = !isReferralRequired || visit.referred || (capabilities.offsiteReplacesReferral && visit.offsiteRegistered);
  // Where the notice has no special drugs they are ordinary out-of-scope cost (validation refuses them).
  ctx.outOfScope = costs.total - costs.inScope - (capabilities.hasSpecialDrugs ? costs.specialDrug : 0);
  ctx.isExplaining = false;
  return ctx;
}

/** The request's override merged over its profile's defaults, in the shared parameters object. */
function resolveParams(request: TSettleRequest): TSettleParams {
  return resolveSettleParamsInto(request.profile, request.params, SCRATCH.params);
}

/** Fills `out` with the step 1 terms of the visit type for the category. */
function getBasicTerms(ctx: TVisitContext, rules: TProfileRules, category: TCategoryId, out: TBasicTerms): TBasicTerms {
  const { params, request } = ctx;
  const { visit, ytd } = request;
  if (ctx.isChronic) {
    const c = params.chronic;
    out.deductible = Math.max(0, c.deductible - ytd.chronicDeductible);
    out.deductibleNote =
      ctx.isExplaining && ytd.chronicDeductible > 0
        ? `门诊特慢病年度起付线 ${yuan(c.deductible)}，本年已累计 ${yuan(Math.min(c.deductible, ytd.chronicDeductible))}`
        : null;
    out.rate = c.rate;
    out.rateNote = '';
    out.cap = c.annualCap;
    out.capName = '门诊特慢病年度最高支付限额';
    out.usedBefore = ytd.chronicBasic;
    out.kind = '门诊特慢病';
    return out;
  }
  if (ctx.isOutpatient) {
    const o = params.outpatient;
    out.deductible = 0;
    out.deductibleNote = null;
    out.rate = o.rate;
    out.rateNote = '';
    out.cap = o.annualCap;
    out.capName = '普通门诊年度最高支付限额';
    out.usedBefore = ytd.outpatientBasic;
    out.kind = '普通门诊';
    return out;
  }
  const level = LEVEL_KEYS[visit.hospitalLevel];
  const levelDeductible = params.basic.deductible[level];
  const baseRate = params.basic.rate[level];
  const bonus = ctx.isReferralMet ? rules.getBasicRateBonus(ctx, category) : 0;
  let rate = Math.min(100, baseRate + bonus);
  let rateNote = ctx.isExplaining && bonus > 0 ? `（${quoteCategory(category)}在 ${percent(baseRate)} 基础上提高 ${bonus} 个百分点）` : '';
  if (!ctx.isReferralMet && params.basic.unreferredRateCut > 0) {
    rate = Math.max(0, rate - params.basic.unreferredRateCut);
    if (ctx.isExplaining) rateNote = `（未按规定转诊，比例由 ${percent(baseRate)} 降低 ${params.basic.unreferredRateCut} 个百分点）`;
  }
  out.deductible = rules.getInpatientDeductible(ctx, category, levelDeductible);
  out.deductibleNote = ctx.isExplaining ? rules.describeInpatientDeductible(ctx, category, levelDeductible) : null;
  out.rate = rate;
  out.rateNote = rateNote;
  out.cap = rules.fixedBasicCap ?? params.basic.annualCap;
  out.capName = '基本医保住院年度最高支付限额';
  out.usedBefore = ytd.basic;
  out.kind = '住院';
  return out;
}

/** Evaluates one category into `out`: always the numbers; lines, notices and the delta when explaining. */
function evaluateCategory(ctx: TVisitContext, rules: TProfileRules, category: TCategoryId, out: TEvaluation): TEvaluation {
  const { request } = ctx;
  const { costs, ytd } = request;
  const total = costs.total;
  const inScope = costs.inScope;

  // Step 0: out-of-scope limit, for beneficiaries only.
  const limit = category === 'ordinary' ? null : ctx.outOfScopeLimit;
  const allowedOutOfScope = limit === null ? 0 : applyRate(total, limit);
  const hospitalBorne = limit === null ? 0 : Math.max(0, ctx.outOfScope - allowedOutOfScope);

  // Step 1: basic insurance.
  const bt = getBasicTerms(ctx, rules, category, SCRATCH.basicTerms);
  const basicBase = Math.max(0, inScope - bt.deductible);
  const basicRaw = applyRate(basicBase, bt.rate);
  const basic = Math.min(basicRaw, Math.max(0, bt.cap - bt.usedBefore));
  const basicDeductibleUsed = Math.min(inScope, bt.deductible);

  let critical = 0;
  let criticalInScope = 0;
  let specialDrugPaid = 0;
  let criticalBase = 0;
  let criticalRaw = 0;
  let hasCritical = false;
  const terms = SCRATCH.criticalTerms;
  let reduction = 0;
  const assistance = SCRATCH.assistance;
  const tilted = SCRATCH.tilted;
  let hasAssistance = false;
  let hasTilted = false;
  let assistanceAmount = 0;
  let tiltedAmount = 0;
  let assistanceBase = 0;
  let tiltedBase = 0;
  const caps = ctx.capabilities;
  const hasReduction = caps.hasHospitalReduction && rules.hasHospitalReduction(ctx, category);

  if (!ctx.isOutpatient) {
    // Step 2: critical illness, on the year-cumulative base.
    hasCritical = true;
    const excluded = ctx.isInpatient && rules.isBasicDeductibleOutsideCritical(category) ? basicDeductibleUsed : 0;
    criticalBase = inScope - basic - excluded;
    rules.getCriticalTerms(ctx, category, ctx.isReferralMet, terms);
    const criticalDeductibleLeft = Math.max(0, terms.deductible - ytd.criticalBase);
    criticalRaw =
      terms.bands === null
        ? payOnCumulativeLinear(ytd.criticalBase, criticalBase, terms.deductible, terms.rate)
        : payOnCumulativeBase(ytd.criticalBase, criticalBase, terms.bands);
    criticalInScope = terms.cap === null ? criticalRaw : Math.min(criticalRaw, Math.max(0, terms.cap - ytd.critical));
    if (caps.hasSpecialDrugs && terms.specialDrugRate !== null && costs.specialDrug > 0) {
      specialDrugPaid = applyRate(costs.specialDrug, terms.specialDrugRate);
    }
    critical = criticalInScope + specialDrugPaid;

    // Step 3: hospital reduction (Weihai).
    if (hasReduction) reduction = computeWeihaiReduction(ctx.outOfScope - hospitalBorne);

    // Step 4: assistance.
    assistanceBase = inScope - basic - criticalInScope;
    const state = SCRATCH.state;
    state.category = category;
    state.inScope = inScope;
    state.basic = basic;
    state.basicDeductibleUsed = basicDeductibleUsed;
    state.criticalBase = criticalBase;
    state.criticalDeductibleLeft = criticalDeductibleLeft;
    state.criticalInScope = criticalInScope;
    state.assistanceBase = assistanceBase;
    hasAssistance = rules.settleAssistance(ctx, state, assistance);
    if (hasAssistance) assistanceAmount = assistance.amount;

    // Step 5: tilted assistance (Xianning).
    if (caps.hasTiltedAssistance) {
      hasTilted = rules.settleTilted(ctx, state, assistanceAmount, tilted);
      if (hasTilted) tiltedAmount = tilted.amount;
      if (rules.countsTowardsTiltedBase(ctx)) tiltedBase = assistanceBase - assistanceAmount;
    }
  }

  out.category = category;
  out.hospitalBorne = hospitalBorne;
  out.basic = basic;
  out.critical = critical;
  out.reduction = reduction;
  out.assistance = assistanceAmount;
  out.tilted = tiltedAmount;
  out.patientPays = total - basic - critical - reduction - assistanceAmount - tiltedAmount - hospitalBorne;
  if (!ctx.isExplaining) return out;

  // Only the applied category's delta, lines and notices are built.
  const isSeparateChronic = ctx.isChronic && rules.hasSeparateChronicAssistanceBase;
  out.ytdDelta = {
    basic: ctx.isInpatient ? basic : 0,
    critical,
    criticalBase,
    assistance: assistanceAmount,
    assistanceBase: isSeparateChronic ? 0 : assistanceBase,
    assistanceDeductible: hasAssistance ? assistance.deductibleUsed : 0,
    tiltedBase,
    chronicBasic: ctx.isChronic ? basic : 0,
    chronicDeductible: ctx.isChronic ? basicDeductibleUsed : 0,
    outpatientBasic: ctx.isOutpatient ? basic : 0,
    chronicAssistanceBase: isSeparateChronic ? assistanceBase : 0,
  };
  const lines: TSettleLine[] = [];
  const notices: string[] = [];
  {
    const clauses = rules.clauses;
    if (hospitalBorne > 0 && limit !== null) {
      lines.push({
        tier: 'hospital_borne',
        amount: hospitalBorne,
        clause: clauses.hospitalBorne,
        explain: `政策范围外费用 ${yuan(ctx.outOfScope)}，超过总费用 ${yuan(total)} 的 ${percent(limit)}（${yuan(allowedOutOfScope)}），超出部分 ${yuan(hospitalBorne)} 由定点医疗机构承担`,
      });
    }
    const deductibleText =
      bt.deductible > 0
        ? `扣除起付线 ${yuan(Math.min(bt.deductible, inScope))}${bt.deductible > inScope ? `（起付线 ${yuan(bt.deductible)} 未达到）` : ''}后`
        : bt.deductibleNote || ctx.isOutpatient
          ? '不设起付线，'
          : '起付线已达到，';
    lines.push({
      tier: 'basic',
      amount: basic,
      clause: clauses.basic,
      explain:
        `${bt.kind === '住院' ? '' : `${bt.kind}：`}政策范围内费用 ${yuan(inScope)}，` +
        (bt.deductibleNote ? `${bt.deductibleNote}，` : '') +
        `${deductibleText}按 ${percent(bt.rate)} 报销${bt.rateNote}，计 ${yuan(basicRaw)}` +
        describeCap(bt.capName, bt.cap, bt.usedBefore, basicRaw, basic),
    });
    if (basic < basicRaw) notices.push(`基本医保超出封顶线：${bt.capName} ${yuan(bt.cap)}，本次少付 ${yuan(basicRaw - basic)}`);
    if (hasCritical) {
      const t = terms;
      const head = `大病保险：基本医保后政策范围内个人自付 ${yuan(criticalBase)}（本年累计 ${yuan(ytd.criticalBase + criticalBase)}）`;
      let body: string;
      if (t.kind === 'banded') {
        body = `，${t.tiltNote}，计 ${yuan(criticalRaw)}`;
      } else {
        const over = Math.max(0, ytd.criticalBase + criticalBase - t.deductible) - Math.max(0, ytd.criticalBase - t.deductible);
        body =
          `，起付线 ${yuan(t.deductible)}` +
          (t.tiltNote ? `（${t.tiltNote}）` : '') +
          (over > 0
            ? `，本次超过起付线的部分 ${yuan(over)} 按 ${percent(t.rate)} 报销，计 ${yuan(criticalRaw)}`
            : `，未超过起付线，计 0.00 元`) +
          (t.cap === null ? '' : describeCap('大病保险年度最高支付限额', t.cap, ytd.critical, criticalRaw, criticalInScope));
      }
      const drug =
        specialDrugPaid > 0 && t.specialDrugRate !== null
          ? `；单独补偿特药费用 ${yuan(costs.specialDrug)} 不设起付线，按 ${percent(t.specialDrugRate)} 补偿 ${yuan(specialDrugPaid)}，合计 ${yuan(critical)}`
          : '';
      const excludedNote =
        ctx.isInpatient && rules.isBasicDeductibleOutsideCritical(category) && basicDeductibleUsed > 0
          ? `（基本医保起付线 ${yuan(basicDeductibleUsed)} 不纳入大病保险，转入医疗救助）`
          : '';
      lines.push({ tier: 'critical', amount: critical, clause: clauses.critical, explain: head + excludedNote + body + drug });
      if (criticalInScope < criticalRaw) notices.push(`大病保险超出封顶线：本次少付 ${yuan(criticalRaw - criticalInScope)}`);
      if (caps.hasSpecialDrugs && costs.specialDrug > 0 && t.specialDrugRate === null) {
        notices.push(`单独补偿特药费用 ${yuan(costs.specialDrug)} 不属于困难人员不设起付线补偿范围，本次由个人承担`);
      }
    }
    if (hasReduction) {
      lines.push({
        tier: 'hospital_reduction',
        amount: reduction,
        clause: '004 §三(二)',
        explain: `医疗机构减免：合规费用之外的住院费用 ${yuan(ctx.outOfScope - hospitalBorne)} 按 ${percent(10)} 减免，每次上限 200.00 元，计 ${yuan(reduction)}`,
      });
    }
    if (hasAssistance) {
      lines.push({ tier: 'assistance', amount: assistance.amount, clause: assistance.clause, explain: assistance.explain });
      if (assistance.isCapped) notices.push('医疗救助超出年度限额，超出部分本次不予支付');
    }
    if (hasTilted) lines.push({ tier: 'tilted', amount: tilted.amount, clause: tilted.clause, explain: tilted.explain });
    notices.push(...rules.getNotices(ctx, category));
  }
  out.lines = lines;
  out.notices = notices;
  return out;
}

function getVisitNotices(ctx: TVisitContext): string[] {
  const { request } = ctx;
  const { visit, profile } = request;
  const notices: string[] = [];
  const profileLabel = PROFILES[profile].label;
  const held = request.person.categories;
  let unknown = 0;
  for (let i = 0; i < held.length; i++) unknown |= CATEGORY_BIT[held[i]!];
  unknown &= ~(PROFILE_CANDIDATE_MASK[profile] | CATEGORY_BIT.ordinary);
  if (unknown !== 0) {
    // Only a request that skipped validation holds a category its profile does not know.
    const ignored = held.filter((c, i) => (unknown & CATEGORY_BIT[c]) !== 0 && held.indexOf(c) === i);
    notices.push(`人员类别${ignored.map(quoteCategory).join('、')}不属于${profileLabel}口径的认定类别，已忽略`);
  }
  if (ctx.isReferralRequired && !ctx.isReferralMet) {
    const cut = ctx.params.basic.unreferredRateCut;
    notices.push(
      `县域外住院未办理转诊备案，不享受倾斜政策（降低起付线、提高报销比例等）` +
        (cut > 0 ? `，基本医保报销比例降低 ${cut} 个百分点` : '') +
        `（000 §二(七)）`,
    );
  } else if (ctx.isReferralRequired && !visit.referred && visit.offsiteRegistered) {
    notices.push('已办理异地居住备案，视同规范转诊（004 §四(二)1）');
  }
  if (visit.specialDisease) {
    const disease = getSpecialDisease(visit.specialDisease);
    const name = disease ? disease.name : visit.specialDisease;
    if (!isSpecialDiseaseOfProfile(profile, visit.specialDisease)) {
      notices.push(`病种「${name}」不在${profileLabel}口径的大病专项救治病种中，按一般规定结算`);
    } else if (ctx.capabilities.hasSpecialDiseaseDeductibleWaiver && !visit.designatedHospital) {
      notices.push(`专项救治病种「${name}」未在定点救治医院住院，不享受不设起付线政策（001 §三）`);
    } else if (!ctx.capabilities.hasSpecialDiseaseDeductibleWaiver) {
      notices.push(`大病专项救治病种「${name}」：按病种定（限）额付费的，在定额内按基本医保、大病保险、医疗救助待遇执行（000 §二(四)4）`);
    }
  }
  const year = Number(visit.date.slice(0, 4));
  if (year < PROFILES[profile].fromYear) {
    notices.push(`就诊日期 ${visit.date} 早于${profileLabel}口径的施行年份 ${PROFILES[profile].fromYear}`);
  }
  return notices;
}

/**
 * Evaluates every category the person holds that the profile recognises, in precedence order, and
 * `ordinary` last; returns the evaluation that leaves the patient the least to pay (ties: the
 * earlier) and leaves the number of candidates in `SCRATCH.candidateCount`. `evaluated`, when
 * given, receives each candidate's totals.
 */
function evaluateCandidates(ctx: TVisitContext, rules: TProfileRules, evaluated: TCategoryEvaluation[] | null): TEvaluation {
  const held = ctx.request.person.categories;
  let mask = 0;
  for (let i = 0; i < held.length; i++) mask |= CATEGORY_BIT[held[i]!];
  mask &= PROFILE_CANDIDATE_MASK[ctx.profile];
  let current = SCRATCH.candidates[0];
  let best = SCRATCH.candidates[1];
  let count = 0;
  // Held categories from the highest precedence down (lowest bit first), then `ordinary`.
  for (;;) {
    const isOrdinary = mask === 0;
    const category = isOrdinary ? 'ordinary' : CATEGORY_IDS[31 - Math.clz32(mask & -mask)]!;
    mask &= mask - 1;
    const e = evaluateCategory(ctx, rules, category, current);
    evaluated?.push({
      category,
      fundPaid: e.basic + e.critical + e.reduction + e.assistance + e.tilted,
      hospitalBorne: e.hospitalBorne,
      patientPays: e.patientPays,
    });
    if (count === 0 || e.patientPays < best.patientPays) {
      current = best;
      best = e;
    }
    count++;
    if (isOrdinary) break;
  }
  SCRATCH.candidateCount = count;
  return best;
}

/**
 * Settles one visit of an already validated request (RULES §3): evaluates every category the
 * person holds that the profile recognises, and `ordinary`, and applies the one that leaves the
 * patient the least to pay (ties: earlier in CATEGORY_IDS). Use `parseSettleRequest` first on
 * untrusted input; use `settleAmounts` where only the amounts are needed.
 */
export function settle(request: TSettleRequest): TSettleResult {
  const ctx = prepareContext(request, resolveParams(request));
  const rules = PROFILE_RULES[request.profile];
  const evaluated: TCategoryEvaluation[] = [];
  const best = evaluateCandidates(ctx, rules, evaluated);
  ctx.isExplaining = true;
  // The explaining pass of the applied category builds the lines and the ytd delta.
  const applied = evaluateCategory(ctx, rules, best.category, SCRATCH.explained);
  const notices = getVisitNotices(ctx);
  if (SCRATCH.candidateCount > 2) {
    notices.push(`同时具有多种身份，按就高原则适用${quoteCategory(applied.category)}的待遇（患者自付最少），不重复享受`);
  }
  for (const notice of applied.notices) notices.push(notice);
  ctx.isExplaining = false;
  return {
    profile: request.profile,
    appliedCategory: applied.category,
    lines: applied.lines,
    totals: {
      fundPaid: applied.basic + applied.critical + applied.reduction + applied.assistance + applied.tilted,
      hospitalBorne: applied.hospitalBorne,
      patientPays: applied.patientPays,
    },
    evaluated,
    notices,
    ytdDelta: applied.ytdDelta,
  };
}

/** Amounts of a settlement without the explanations: what a re-check compares (`settleAmounts`). */
export interface TSettleAmounts {
  appliedCategory: TCategoryId;
  /** Tier amounts in fen, 0 where the tier has no line in the full result. */
  hospitalBorne: number;
  basic: number;
  critical: number;
  hospitalReduction: number;
  assistance: number;
  tilted: number;
  /** `basic + critical + hospitalReduction + assistance + tilted`, as `totals.fundPaid`. */
  fundPaid: number;
  patientPays: number;
}

/** An amounts record to reuse across `settleAmounts` calls. */
export function createSettleAmounts(): TSettleAmounts {
  return {
    appliedCategory: 'ordinary',
    hospitalBorne: 0,
    basic: 0,
    critical: 0,
    hospitalReduction: 0,
    assistance: 0,
    tilted: 0,
    fundPaid: 0,
    patientPays: 0,
  };
}

/**
 * The amounts of `settle(request)` — applied category, tier amounts and totals — without lines,
 * notices, the per-candidate list or the ytd delta, written into `out` (pass one record and reuse
 * it: the call then allocates nothing). For re-checks over many already validated requests; a
 * property test holds it equal to the full result.
 */
export function settleAmounts(request: TSettleRequest, out: TSettleAmounts = createSettleAmounts()): TSettleAmounts {
  const ctx = prepareContext(request, resolveParams(request));
  const best = evaluateCandidates(ctx, PROFILE_RULES[request.profile], null);
  out.appliedCategory = best.category;
  out.hospitalBorne = best.hospitalBorne;
  out.basic = best.basic;
  out.critical = best.critical;
  out.hospitalReduction = best.reduction;
  out.assistance = best.assistance;
  out.tilted = best.tilted;
  out.fundPaid = best.basic + best.critical + best.reduction + best.assistance + best.tilted;
  out.patientPays = best.patientPays;
  return out;
}

/** Columns of `settleAmountsBatch`: entry i belongs to request i; amounts in fen. */
export interface TSettleAmountsBatch {
  length: number;
  /** Index of the applied category in `CATEGORY_IDS`. */
  appliedCategory: Uint8Array;
  hospitalBorne: Float64Array;
  basic: Float64Array;
  critical: Float64Array;
  hospitalReduction: Float64Array;
  assistance: Float64Array;
  tilted: Float64Array;
  fundPaid: Float64Array;
  patientPays: Float64Array;
}

/** Empty columns for `length` requests. */
export function createSettleAmountsBatch(length: number): TSettleAmountsBatch {
  return {
    length,
    appliedCategory: new Uint8Array(length),
    hospitalBorne: new Float64Array(length),
    basic: new Float64Array(length),
    critical: new Float64Array(length),
    hospitalReduction: new Float64Array(length),
    assistance: new Float64Array(length),
    tilted: new Float64Array(length),
    fundPaid: new Float64Array(length),
    patientPays: new Float64Array(length),
  };
}

const CATEGORY_INDEX = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, i])) as Record<TCategoryId, number>;

/**
 * `settleAmounts` over many validated requests (a year of claims), into columns: no object per
 * request. `out` must have room for every request (`createSettleAmountsBatch(requests.length)`).
 */
export function settleAmountsBatch(
  requests: readonly TSettleRequest[],
  out: TSettleAmountsBatch = createSettleAmountsBatch(requests.length),
): TSettleAmountsBatch {
  if (out.length < requests.length) throw new RangeError(`settleAmountsBatch: room for ${out.length} results, ${requests.length} requests`);
  // Claims of a region and year share one parameters object: merge it once per run of them.
  let lastOverride: TSettleRequest['params'] | null = null;
  let lastProfile: TProfileId | null = null;
  let params: TSettleParams | null = null;
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    if (params === null || request.params !== lastOverride || request.profile !== lastProfile) {
      params = resolveParams(request);
      lastOverride = request.params;
      lastProfile = request.profile;
    }
    const ctx = prepareContext(request, params);
    const best = evaluateCandidates(ctx, PROFILE_RULES[request.profile], null);
    out.appliedCategory[i] = CATEGORY_INDEX[best.category];
    out.hospitalBorne[i] = best.hospitalBorne;
    out.basic[i] = best.basic;
    out.critical[i] = best.critical;
    out.hospitalReduction[i] = best.reduction;
    out.assistance[i] = best.assistance;
    out.tilted[i] = best.tilted;
    out.fundPaid[i] = best.basic + best.critical + best.reduction + best.assistance + best.tilted;
    out.patientPays[i] = best.patientPays;
  }
  return out;
}
