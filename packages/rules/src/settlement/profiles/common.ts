import type { TCategoryId } from '../../categories.js';
import { CATEGORY_LABELS } from '../../categories.js';
import { applyRate } from '../../money.js';
import { describeCap, percent, yuan } from '../explain.js';
import type { TAssistanceOutcome, TCriticalTerms, TStepState, TVisitContext } from '../types.js';

/** Chinese label of a category, quoted. */
export function quoteCategory(category: TCategoryId): string {
  return `「${CATEGORY_LABELS[category]}」`;
}

/** Ordinary 大病 terms from the local parameters. */
export function getOrdinaryCriticalTerms(ctx: TVisitContext, cap: number | null = ctx.params.critical.annualCap): TCriticalTerms {
  const c = ctx.params.critical;
  return { kind: 'linear', deductible: c.deductible, rate: c.rate, cap, tiltNote: null, specialDrugRate: null };
}

/** The common 大病 tilt: deductible × 50 % (half up), rate + points (at most 100), cap kept or lifted. */
export function getHalvedCriticalTerms(ctx: TVisitContext, ratePoints: number, cap: number | null): TCriticalTerms {
  const c = ctx.params.critical;
  let tiltNote = '';
  if (ctx.isExplaining) {
    const parts = [`普通参保人员起付线 ${yuan(c.deductible)} 降低 50%`];
    if (ratePoints > 0) parts.push(`比例提高 ${ratePoints} 个百分点`);
    if (cap === null) parts.push('取消封顶线');
    tiltNote = parts.join('、');
  }
  return {
    kind: 'linear',
    deductible: applyRate(c.deductible, 50),
    rate: Math.min(100, c.rate + ratePoints),
    cap,
    tiltNote,
    specialDrugRate: null,
  };
}

/**
 * Assistance at one rate on this visit's base Ba, within an annual cap against `ytd.assistance`
 * (null: no cap). Used where the seed sets no cumulative bands.
 */
export function settleFlatAssistance(
  ctx: TVisitContext,
  state: TStepState,
  rate: number,
  cap: number | null,
  clause: string,
  rateNote = '',
): TAssistanceOutcome {
  const before = ctx.request.ytd.assistance;
  const raw = applyRate(state.assistanceBase, rate);
  const amount = cap === null ? raw : Math.min(raw, Math.max(0, cap - before));
  return {
    amount,
    clause,
    deductibleUsed: 0,
    isYearEnd: false,
    isCapped: amount < raw,
    explain: !ctx.isExplaining
      ? ''
      : `医疗救助：经基本医保、大病保险后政策范围内个人自付 ${yuan(state.assistanceBase)}，${quoteCategory(state.category)}按 ${percent(rate)} 救助${rateNote}，计 ${yuan(raw)}` +
        (cap === null ? '；不设年度限额' : describeCap('医疗救助年度限额', cap, before, raw, amount)),
  };
}
