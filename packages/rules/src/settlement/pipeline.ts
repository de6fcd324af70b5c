import type { TCategoryId } from '../categories.js';
import { PROFILE_CATEGORIES, sortCategories } from '../categories.js';
import { applyRate } from '../money.js';
import { resolveSettleParams } from '../params/merge.js';
import { PROFILES, findOutOfScopeLimit } from '../profiles.js';
import { getSpecialDisease, isSpecialDiseaseOfProfile } from '../special-diseases.js';
import { payOnCumulativeBase } from './cumulative.js';
import { describeCap, percent, yuan } from './explain.js';
import { quoteCategory } from './profiles/common.js';
import { PROFILE_RULES } from './profiles/index.js';
import { computeWeihaiReduction } from './profiles/weihai.js';
import { createEmptyYtd } from './schema.js';
import type { TCategoryEvaluation, TSettleLine, TSettleRequest, TSettleResult, TYtdDelta } from './schema.js';
import type { TAssistanceOutcome, TCriticalTerms, TProfileRules, TStepState, TTiltedOutcome, TVisitContext } from './types.js';

/** Numbers of one category's settlement, with a renderer for the lines (built only when applied). */
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

const NO_DELTA: TYtdDelta = createEmptyYtd();

/** Each profile's recognised categories in precedence order, `ordinary` last. */
const PROFILE_CANDIDATES = Object.fromEntries(
  Object.entries(PROFILE_CATEGORIES).map(([profile, categories]) => [profile, sortCategories(categories).filter((c) => c !== 'ordinary')]),
) as Record<keyof typeof PROFILE_CATEGORIES, TCategoryId[]>;

function buildContext(request: TSettleRequest): TVisitContext {
  const { visit, costs } = request;
  const capabilities = PROFILES[request.profile].capabilities;
  const isInpatient = visit.type === 'inpatient';
  const isReferralRequired = isInpatient && visit.location !== 'in_county';
  const isReferralMet = !isReferralRequired || visit.referred || (capabilities.offsiteReplacesReferral && visit.offsiteRegistered);
  return {
    request,
    params: resolveSettleParams(request.profile, request.params),
    profile: request.profile,
    capabilities,
    isInpatient,
    isChronic: visit.type === 'chronic_outpatient',
    isOutpatient: visit.type === 'outpatient',
    isReferralRequired,
    isReferralMet,
    // Where the notice has no special drugs they are ordinary out-of-scope cost (validation refuses them).
    outOfScope: costs.total - costs.inScope - (capabilities.hasSpecialDrugs ? costs.specialDrug : 0),
    isExplaining: false,
  };
}

/** Step 1 terms for the visit type: deductible, rate, cap and what the cap is measured against. */
function getBasicTerms(ctx: TVisitContext, rules: TProfileRules, category: TCategoryId) {
  const { params, request } = ctx;
  const { visit, ytd } = request;
  if (ctx.isChronic) {
    const c = params.chronic;
    return {
      deductible: Math.max(0, c.deductible - ytd.chronicDeductible),
      deductibleNote:
        ctx.isExplaining && ytd.chronicDeductible > 0
          ? `门诊特慢病年度起付线 ${yuan(c.deductible)}，本年已累计 ${yuan(Math.min(c.deductible, ytd.chronicDeductible))}`
          : null,
      rate: c.rate,
      rateNote: '',
      cap: c.annualCap,
      capName: '门诊特慢病年度最高支付限额',
      usedBefore: ytd.chronicBasic,
      kind: '门诊特慢病',
    };
  }
  if (ctx.isOutpatient) {
    const o = params.outpatient;
    return {
      deductible: 0,
      deductibleNote: null,
      rate: o.rate,
      rateNote: '',
      cap: o.annualCap,
      capName: '普通门诊年度最高支付限额',
      usedBefore: ytd.outpatientBasic,
      kind: '普通门诊',
    };
  }
  const level = String(visit.hospitalLevel) as '1' | '2' | '3';
  const levelDeductible = params.basic.deductible[level];
  const { deductible, note } = rules.getInpatientDeductible(ctx, category, levelDeductible);
  const baseRate = params.basic.rate[level];
  const bonus = ctx.isReferralMet ? rules.getBasicRateBonus(ctx, category) : 0;
  let rate = Math.min(100, baseRate + bonus);
  let rateNote = ctx.isExplaining && bonus > 0 ? `（${quoteCategory(category)}在 ${percent(baseRate)} 基础上提高 ${bonus} 个百分点）` : '';
  if (!ctx.isReferralMet && params.basic.unreferredRateCut > 0) {
    rate = Math.max(0, rate - params.basic.unreferredRateCut);
    if (ctx.isExplaining) rateNote = `（未按规定转诊，比例由 ${percent(baseRate)} 降低 ${params.basic.unreferredRateCut} 个百分点）`;
  }
  return {
    deductible,
    deductibleNote: note,
    rate,
    rateNote,
    cap: rules.fixedBasicCap ?? params.basic.annualCap,
    capName: '基本医保住院年度最高支付限额',
    usedBefore: ytd.basic,
    kind: '住院',
  };
}

function evaluateCategory(ctx: TVisitContext, rules: TProfileRules, category: TCategoryId): TEvaluation {
  const { request } = ctx;
  const { costs, ytd } = request;
  const total = costs.total;
  const inScope = costs.inScope;

  // Step 0: out-of-scope limit, for beneficiaries only.
  const limit = category === 'ordinary' ? null : findOutOfScopeLimit(ctx.profile, request.visit);
  const allowedOutOfScope = limit === null ? 0 : applyRate(total, limit);
  const hospitalBorne = limit === null ? 0 : Math.max(0, ctx.outOfScope - allowedOutOfScope);

  // Step 1: basic insurance.
  const bt = getBasicTerms(ctx, rules, category);
  const basicBase = Math.max(0, inScope - bt.deductible);
  const basicRaw = applyRate(basicBase, bt.rate);
  const basic = Math.min(basicRaw, Math.max(0, bt.cap - bt.usedBefore));
  const basicDeductibleUsed = Math.min(inScope, bt.deductible);

  let critical = 0;
  let criticalInScope = 0;
  let specialDrugPaid = 0;
  let criticalBase = 0;
  let criticalRaw = 0;
  let terms: TCriticalTerms | null = null;
  let reduction = 0;
  let assistance: TAssistanceOutcome | null = null;
  let tilted: TTiltedOutcome | null = null;
  let assistanceBase = 0;
  let tiltedBase = 0;
  const caps = ctx.capabilities;
  const hasReduction = caps.hasHospitalReduction && rules.hasHospitalReduction(ctx, category);

  if (!ctx.isOutpatient) {
    // Step 2: critical illness, on the year-cumulative base.
    const excluded = ctx.isInpatient && rules.isBasicDeductibleOutsideCritical(category) ? basicDeductibleUsed : 0;
    criticalBase = inScope - basic - excluded;
    terms = rules.getCriticalTerms(ctx, category, ctx.isReferralMet);
    const criticalDeductibleLeft = Math.max(0, terms.deductible - ytd.criticalBase);
    const bands = terms.kind === 'banded' ? terms.bands : [{ from: terms.deductible, rate: terms.rate }];
    criticalRaw = payOnCumulativeBase(ytd.criticalBase, criticalBase, bands);
    criticalInScope = terms.cap === null ? criticalRaw : Math.min(criticalRaw, Math.max(0, terms.cap - ytd.critical));
    if (caps.hasSpecialDrugs && terms.specialDrugRate !== null && costs.specialDrug > 0) {
      specialDrugPaid = applyRate(costs.specialDrug, terms.specialDrugRate);
    }
    critical = criticalInScope + specialDrugPaid;

    // Step 3: hospital reduction (Weihai).
    if (hasReduction) reduction = computeWeihaiReduction(ctx.outOfScope - hospitalBorne);

    // Step 4: assistance.
    assistanceBase = inScope - basic - criticalInScope;
    const state: TStepState = {
      category,
      inScope,
      basic,
      basicDeductibleUsed,
      criticalBase,
      criticalDeductibleLeft,
      criticalInScope,
      assistanceBase,
    };
    assistance = rules.settleAssistance(ctx, state);
    const assistanceAmount = assistance?.amount ?? 0;

    // Step 5: tilted assistance (Xianning).
    if (caps.hasTiltedAssistance) {
      tilted = rules.settleTilted(ctx, state, assistanceAmount);
      if (rules.countsTowardsTiltedBase(ctx)) tiltedBase = assistanceBase - assistanceAmount;
    }
  }

  const assistanceAmount = assistance?.amount ?? 0;
  const tiltedAmount = tilted?.amount ?? 0;
  const patientPays = total - basic - critical - reduction - assistanceAmount - tiltedAmount - hospitalBorne;

  const isSeparateChronic = ctx.isChronic && rules.hasSeparateChronicAssistanceBase;
  // Only the applied category's delta is returned; the candidates' are not built.
  const ytdDelta: TYtdDelta = !ctx.isExplaining
    ? NO_DELTA
    : {
        basic: ctx.isInpatient ? basic : 0,
        critical,
        criticalBase,
        assistance: assistanceAmount,
        assistanceBase: isSeparateChronic ? 0 : assistanceBase,
        assistanceDeductible: assistance?.deductibleUsed ?? 0,
        tiltedBase,
        chronicBasic: ctx.isChronic ? basic : 0,
        chronicDeductible: ctx.isChronic ? basicDeductibleUsed : 0,
        outpatientBasic: ctx.isOutpatient ? basic : 0,
        chronicAssistanceBase: isSeparateChronic ? assistanceBase : 0,
      };

  const lines: TSettleLine[] = [];
  const notices: string[] = [];
  if (ctx.isExplaining) {
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
    if (terms) {
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
    if (assistance) {
      lines.push({ tier: 'assistance', amount: assistance.amount, clause: assistance.clause, explain: assistance.explain });
      if (assistance.isCapped) notices.push('医疗救助超出年度限额，超出部分本次不予支付');
    }
    if (tilted) lines.push({ tier: 'tilted', amount: tilted.amount, clause: tilted.clause, explain: tilted.explain });
    notices.push(...rules.getNotices(ctx, category));
  }

  return {
    category,
    hospitalBorne,
    basic,
    critical,
    reduction,
    assistance: assistanceAmount,
    tilted: tiltedAmount,
    patientPays,
    ytdDelta,
    lines,
    notices,
  };
}

function getVisitNotices(ctx: TVisitContext, ignored: TCategoryId[]): string[] {
  const { request } = ctx;
  const { visit, profile } = request;
  const notices: string[] = [];
  const profileLabel = PROFILES[profile].label;
  if (ignored.length > 0) {
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
 * Settles one visit of an already validated request (RULES §3): evaluates every category the
 * person holds that the profile recognises, and `ordinary`, and applies the one that leaves the
 * patient the least to pay (ties: earlier in CATEGORY_IDS). Use `parseSettleRequest` first on
 * untrusted input.
 */
export function settle(request: TSettleRequest): TSettleResult {
  const ctx = buildContext(request);
  const rules = PROFILE_RULES[request.profile];
  const held = request.person.categories;
  const recognised = PROFILE_CANDIDATES[request.profile];
  const candidates: TCategoryId[] = [];
  for (const category of recognised) if (held.includes(category)) candidates.push(category);
  candidates.push('ordinary');
  const ignored: TCategoryId[] = [];
  for (const category of held) {
    if (category !== 'ordinary' && !recognised.includes(category) && !ignored.includes(category)) ignored.push(category);
  }

  let best: TEvaluation | null = null;
  const evaluated: TCategoryEvaluation[] = [];
  for (const category of candidates) {
    const e = evaluateCategory(ctx, rules, category);
    evaluated.push({
      category,
      fundPaid: e.basic + e.critical + e.reduction + e.assistance + e.tilted,
      hospitalBorne: e.hospitalBorne,
      patientPays: e.patientPays,
    });
    if (best === null || e.patientPays < best.patientPays) best = e;
  }
  const applied = best!;
  ctx.isExplaining = true;
  // The explaining pass of the applied category is the one that also builds the ytd delta.
  const explained = evaluateCategory(ctx, rules, applied.category);
  const { lines, notices } = explained;
  const allNotices = getVisitNotices(ctx, ignored);
  if (candidates.length > 2) {
    allNotices.push(`同时具有多种身份，按就高原则适用${quoteCategory(applied.category)}的待遇（患者自付最少），不重复享受`);
  }
  allNotices.push(...notices);
  return {
    profile: request.profile,
    appliedCategory: applied.category,
    lines,
    totals: {
      fundPaid: applied.basic + applied.critical + applied.reduction + applied.assistance + applied.tilted,
      hospitalBorne: applied.hospitalBorne,
      patientPays: applied.patientPays,
    },
    evaluated,
    notices: allNotices,
    ytdDelta: explained.ytdDelta,
  };
}
