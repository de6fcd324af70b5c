/**
 * The comprehensive management ledger (综合管理台账), Liaoning `003` annex 1: 36 numbered columns,
 * 1–18 identity and enrollment, 19–36 benefits in three groups of six.
 */

export type TLedgerColumnKind = 'text' | 'flag' | 'money' | 'count';

export interface LedgerColumn {
  no: number;
  heading: string;
  /** The group heading printed above columns 19–36. */
  group: '普通门诊' | '门诊特慢病' | '住院' | null;
  kind: TLedgerColumnKind;
}

const IDENTITY: [string, TLedgerColumnKind][] = [
  ['统筹地区', 'text'],
  ['行政区划代码', 'text'],
  ['行政区划名称', 'text'],
  ['姓名', 'text'],
  ['身份证号', 'text'],
  ['是否为建档立卡贫困人口（含脱贫继续享受扶贫政策人员）', 'flag'],
  ['是否为城镇低保对象', 'flag'],
  ['是否为农村低保对象', 'flag'],
  ['是否为城镇特困人员', 'flag'],
  ['是否为农村特困人员', 'flag'],
  ['是否为城镇低收入对象', 'flag'],
  ['是否为农村低收入对象', 'flag'],
  ['是否为城镇其他困难群体', 'flag'],
  ['是否为农村其他困难群体', 'flag'],
  ['是否参加城乡居民基本医疗保险', 'flag'],
  ['是否参加城乡居民大病保险', 'flag'],
  ['参保财政补助标准（元）', 'money'],
  ['是否参加商业补充医疗保险', 'flag'],
];

const BENEFIT: [string, TLedgerColumnKind][] = [
  ['就诊次数', 'count'],
  ['发生费用合计（元）', 'money'],
  ['基本医保支付金额（元）', 'money'],
  ['大病保险支付金额（元）', 'money'],
  ['医疗救助支付金额（元）', 'money'],
  ['其他保障支付金额（元）', 'money'],
];

export const LEDGER_GROUPS = ['普通门诊', '门诊特慢病', '住院'] as const;

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  ...IDENTITY.map(([heading, kind], i) => ({ no: i + 1, heading, group: null, kind })),
  ...LEDGER_GROUPS.flatMap((group, g) =>
    BENEFIT.map(([heading, kind], i) => ({
      no: 19 + g * 6 + i,
      heading: group === '住院' && i === 0 ? '住院次数' : heading,
      group,
      kind,
    })),
  ),
];

export const LEDGER_TITLE = '医疗保障扶贫对象综合管理台账';

/** The visit type of each benefit group, as claims store it. */
export const LEDGER_GROUP_VISIT_TYPES = { 普通门诊: 'outpatient', 门诊特慢病: 'chronic_outpatient', 住院: 'inpatient' } as const;

/** Benefit sums of one visit type (fen; count of visits). */
export interface LedgerBenefit {
  visits: number;
  totalCost: number;
  basic: number;
  critical: number;
  assistance: number;
  /** 其他保障: tilted assistance and hospital reductions (annex 1 note). */
  other: number;
}

export const EMPTY_BENEFIT: LedgerBenefit = { visits: 0, totalCost: 0, basic: 0, critical: 0, assistance: 0, other: 0 };

// Exported cells are neutralised with `neutraliseCell` (responsibility/export-safety.ts), shared by every export.
