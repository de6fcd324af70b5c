import type { TCategoryId } from '../../categories.js';
import { CATEGORY_LABELS } from '../../categories.js';
import { applyRate } from '../../money.js';
import { describeCap, percent, yuan } from '../explain.js';
import type { TAssistanceOutcome, TCriticalTerms, TStepState, TVisitContext } from '../types.js';

const QUOTED = Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([id, label]) => [id, `「${label}」`])) as Record<
  TCategoryId,
  string
>;

/** Chinese label of a category, quoted. */
export function quoteCategory(category: TCategoryId): string {
  return QUOTED[category];
}

/** Fills `out` with the ordinary 大病 terms from the local parameters. */
export function setOrdinaryCriticalTerms(
  ctx: TVisitContext,
  out: TCriticalTerms,
  cap: number | null = ctx.params.critical.annualCap,
): void {
  const c = ctx.params.critical;
  out.kind = 'linear';
  out.deductible = c.deductible;
  out.rate = c.rate;
  out.bands = null;
  out.cap = cap;
  out.tiltNote = null;
  out.specialDrugRate = null;
}

/** Fills `out` with the common 大病 tilt: deductible × 50 % (half up), rate + points (at most 100), cap kept or lifted. */
export function setHalvedCriticalTerms(ctx: TVisitContext, ratePoints: number, cap: number | null, out: TCriticalTerms): void {
  const c = ctx.params.critical;
  let tiltNote = '';
  if (ctx.isExplaining) {
    const parts = [`普通参保人员起付线 ${yuan(c.deductible)} 降低 50%`];
    if (ratePoints > 0) parts.push(`比例提高 ${ratePoints} 个百分点`);
    if (cap === null) parts.push('取消封顶线');
    tiltNote = parts.join('、');
  }
  out.kind = 'linear';
  out.deductible = applyRate(c.deductible, 50);
  out.rate = Math.min(100, c.rate + ratePoints);
  out.bands = null;
  out.cap = cap;
  out.tiltNote = tiltNote;
  out.specialDrugRate = null;
}

/**
 * Assistance at one rate on this visit's base Ba, within an annual cap against `ytd.assistance`
 * (null: no cap), written into `out`. Used where the seed sets no cumulative bands. Returns true
 * (the category has the tier), for the hooks to return.
 */
export function settleFlatAssistance(
  ctx: TVisitContext,
  state: TStepState,
  rate: number,
  cap: number | null,
  clause: string,
  out: TAssistanceOutcome,
  rateNote = '',
): true {
  const before = ctx.request.ytd.assistance;
  const raw = applyRate(state.assistanceBase, rate);
  const amount = cap === null ? raw : Math.min(raw, Math.max(0, cap - before));
  out.amount = amount;
  out.clause = clause;
  out.deductibleUsed = 0;
  out.isYearEnd = false;
  out.isCapped = amount < raw;
  out.explain = !ctx.isExplaining
    ? ''
    : `医疗救助：经基本医保、大病保险后政策范围内个人自付 ${yuan(state.assistanceBase)}，${quoteCategory(state.category)}按 ${percent(rate)} 救助${rateNote}，计 ${yuan(raw)}` +
      (cap === null ? '；不设年度限额' : describeCap('医疗救助年度限额', cap, before, raw, amount));
  return true;
}
