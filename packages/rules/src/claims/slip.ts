import { CATEGORY_LABELS, type TCategoryId } from '../categories.js';
import { formatYuan, toChineseCapital } from '../money.js';
import { PROFILES, type TProfileId } from '../profiles.js';
import { getSpecialDisease } from '../special-diseases.js';
import { LOCATION_LABELS, TIER_LABELS, VISIT_TYPE_LABELS } from './schema.js';

/** The facts of a stored claim that the settlement slip (一单清) prints. */
export interface TSlipClaim {
  claimNo: string;
  kind: 'settlement' | 'reversal';
  profile: string;
  agencyName: string;
  createdAt: string;
  clerkName: string;
  person: { name: string; idNumberMasked: string; sex: 'male' | 'female' };
  appliedCategory: string;
  categoriesHeld: string[];
  hospital: { name: string; level: number };
  location: string;
  visitType: string;
  admissionDate: string;
  dischargeDate: string;
  diagnosis: string;
  specialDisease: string | null;
  referralSource: string;
  referralNote: string | null;
  costs: { total: number; inScope: number; outOfScope: number; specialDrug: number };
  lines: { tier: string; amount: number; clause: string; explain: string }[];
  totals: { fundPaid: number; hospitalBorne: number; patientPays: number };
  notices: string[];
  reason?: string | null;
}

export interface TSlip {
  title: string;
  subtitle: string;
  header: [string, string][];
  visit: [string, string][];
  costs: [string, string][];
  lines: { label: string; amount: string; clause: string; explain: string }[];
  /** 各项基金及救助支付合计: the funds and assistance only, without the hospital's reduction. */
  fundPaid: string;
  /** 医疗机构减免 (a hospital waiver, not a fund payment), shown apart from the fund total. */
  hospitalReduction: { amount: string; clause: string; explain: string } | null;
  hospitalBorne: string | null;
  patientPays: string;
  patientPaysCapital: string;
  notices: string[];
  signatures: string[];
}

const LEVELS: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级' };
const REFERRAL: Record<string, string> = {
  registry: '已办理转诊转院备案',
  override: '经审核确认按已转诊结算',
  none: '未办理转诊备案',
  not_required: '县域内就医，无需转诊',
};

/**
 * Lays out the settlement slip of a claim: one model for the printable page and the PDF, so
 * both show the same words and amounts. Amounts in yuan with two decimals; patient pays also in
 * Chinese capital numerals.
 */
export function buildSlip(c: TSlipClaim): TSlip {
  const profile = PROFILES[c.profile as TProfileId];
  const label = (id: string) => CATEGORY_LABELS[id as TCategoryId] ?? id;
  const disease = c.specialDisease ? (getSpecialDisease(c.specialDisease)?.name ?? c.specialDisease) : null;
  const reversal = c.kind === 'reversal';
  // The settlement's fundPaid includes the hospital's reduction; the slip shows it apart (it is the
  // hospital waiving its own charge, not a fund paying), so the fund total leaves it out.
  const reduction = c.lines.find((l) => l.tier === 'hospital_reduction' && l.amount !== 0) ?? null;
  const fundLines = c.lines.filter((l) => l.tier !== 'hospital_reduction');
  return {
    title: reversal ? '医疗保障扶贫“一站式”结算冲销单' : '医疗保障扶贫“一站式”结算单（一单清）',
    subtitle: `${c.agencyName} · 执行 ${profile?.document ?? c.profile}`,
    header: [
      ['结算单号', c.claimNo],
      ['结算时间', toChinaTime(c.createdAt)],
      ['姓名', c.person.name],
      ['性别', c.person.sex === 'male' ? '男' : '女'],
      ['身份证号', c.person.idNumberMasked],
      ['适用身份', label(c.appliedCategory)],
      ['所持身份', c.categoriesHeld.length ? c.categoriesHeld.map(label).join('、') : '无（按普通参保人员）'],
    ],
    visit: [
      ['就诊医院', `${c.hospital.name}（${LEVELS[c.hospital.level] ?? c.hospital.level}）`],
      ['就医地', LOCATION_LABELS[c.location as keyof typeof LOCATION_LABELS] ?? c.location],
      ['就诊类型', VISIT_TYPE_LABELS[c.visitType as keyof typeof VISIT_TYPE_LABELS] ?? c.visitType],
      [
        c.visitType === 'inpatient' ? '住院日期' : '就诊日期',
        c.visitType === 'inpatient' ? `${c.admissionDate} 至 ${c.dischargeDate}` : c.dischargeDate,
      ],
      ['诊断', disease ? `${c.diagnosis}（特殊病种：${disease}）` : c.diagnosis],
      [
        '转诊情况',
        c.referralNote
          ? `${REFERRAL[c.referralSource] ?? c.referralSource}：${c.referralNote}`
          : (REFERRAL[c.referralSource] ?? c.referralSource),
      ],
    ],
    costs: [
      ['医疗总费用', formatYuan(c.costs.total)],
      ['政策范围内费用', formatYuan(c.costs.inScope)],
      ['政策范围外费用', formatYuan(c.costs.outOfScope)],
      ...(c.costs.specialDrug ? ([['其中单独补偿特药', formatYuan(c.costs.specialDrug)]] as [string, string][]) : []),
    ],
    lines: fundLines.map((l) => ({
      label: TIER_LABELS[l.tier as keyof typeof TIER_LABELS] ?? l.tier,
      amount: formatYuan(l.amount),
      clause: l.clause,
      explain: l.explain,
    })),
    fundPaid: formatYuan(c.totals.fundPaid - (reduction?.amount ?? 0)),
    hospitalReduction: reduction ? { amount: formatYuan(reduction.amount), clause: reduction.clause, explain: reduction.explain } : null,
    hospitalBorne: c.totals.hospitalBorne ? formatYuan(c.totals.hospitalBorne) : null,
    patientPays: formatYuan(c.totals.patientPays),
    patientPaysCapital: toChineseCapital(c.totals.patientPays),
    notices: [...c.notices, ...(reversal && c.reason ? [`冲销原因：${c.reason}`] : [])],
    signatures: ['患者（家属）签字', '经办人签字', '审核人签字'],
  };
}

/** An ISO instant shown in China time (UTC+8), to the minute. */
function toChinaTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
