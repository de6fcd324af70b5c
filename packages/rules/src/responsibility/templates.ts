/**
 * Responsibility-assignment tables (责任分工表): the built-in templates, kept as data in code so
 * every database (demo, test, production) has the same three without a seed step. Sources:
 * Liaoning 辽医保〔2019〕8号 §四 and annex 2 (the fourteen roles, in the printed order, with the
 * two printed notes); Qiannan 黔南医保发〔2019〕36号 §二 (tasks with their 责任单位); Xianning
 * 咸医保发〔2021〕31号 §四(二) (each department's duties). Wording is ours, condensed.
 */

/** How a template's rows are organised: by role (Liaoning), by task (Qiannan), by department (Xianning). */
export const TEMPLATE_ORGANISATIONS = ['role', 'task', 'department'] as const;
export type TTemplateOrganisation = (typeof TEMPLATE_ORGANISATIONS)[number];

export const TEMPLATE_ORGANISATION_LABELS: Record<TTemplateOrganisation, string> = {
  role: '按责任岗位',
  task: '按工作任务',
  department: '按部门职责',
};

/** One printed row of the table: a responsibility the reporting unit must name people for. */
export interface TTemplateItem {
  /** Stable key inside the template (rows refer to it). */
  key: string;
  /** The text in the 责任分工 column. */
  label: string;
  /** Guidance shown to the clerk (the task's responsible units, the department's duties). */
  hint?: string;
  /** A "directly responsible" row: the person must head the responsible division (annex 2 note 1). */
  isDirect?: boolean;
}

export interface TResponsibilityTemplate {
  /** `builtin:<id>` for the built-in ones, the database id for custom ones. */
  key: string;
  name: string;
  /** The printed title of the table. */
  title: string;
  organisedBy: TTemplateOrganisation;
  /** Where the template comes from (notice and clause), shown to users. */
  source: string;
  items: TTemplateItem[];
  /** The notes printed under the table (说明). */
  notes: string[];
  /** Whether the reporting unit may add rows for further specific responsibilities. */
  allowExtraRows: boolean;
  isBuiltin: boolean;
}

/** Liaoning annex 2: the fourteen roles in the printed order. */
const LIAONING_ITEMS: TTemplateItem[] = [
  { key: 'overall_lead', label: '总负责人' },
  { key: 'admin_lead', label: '行政部门分管负责人' },
  { key: 'agency_lead', label: '经办机构分管负责人' },
  { key: 'admin_direct', label: '行政部门直接负责人', isDirect: true },
  { key: 'agency_direct', label: '经办机构直接负责人', isDirect: true },
  { key: 'critical_policy', label: '完善大病保险政策责任人' },
  { key: 'assistance_policy', label: '完善医疗救助政策责任人' },
  { key: 'high_value_drugs', label: '落实高值药品政策责任人' },
  { key: 'one_stop', label: '“一站式”结算责任人' },
  { key: 'special_treatment', label: '专项救治（救助）责任人' },
  { key: 'sweep', label: '扶贫对象大排查责任人' },
  { key: 'list_comparison', label: '扶贫对象信息定期比对责任人' },
  { key: 'ledger', label: '扶贫对象管理台账责任人' },
  { key: 'dispatch', label: '定期调度（统计）责任人' },
];

export const BUILTIN_TEMPLATES: readonly TResponsibilityTemplate[] = [
  {
    key: 'builtin:liaoning-2019',
    name: '辽宁省医疗保障扶贫责任分工表（十四项责任）',
    title: '医疗保障扶贫责任分工表',
    organisedBy: 'role',
    source: '辽医保〔2019〕8号 第四部分及附件2',
    items: LIAONING_ITEMS,
    notes: ['直接负责人应填报行政部门和经办机构责任处（科）室或内设部门负责人。', '具体工作责任人可根据需要加行填报。'],
    allowExtraRows: true,
    isBuiltin: true,
  },
  {
    key: 'builtin:qiannan-2019',
    name: '黔南州医疗保障扶贫重点任务责任分工表',
    title: '医疗保障扶贫重点任务责任分工表',
    organisedBy: 'task',
    source: '黔南医保发〔2019〕36号 第二部分（重点任务及责任单位）',
    items: [
      {
        key: 'identify',
        label: '精准认定医保扶贫对象（摸清底数、应保尽保、问题清单按时销号）',
        hint: '责任单位：州医保局、州民政局、州扶贫办，各县（市）人民政府',
      },
      {
        key: 'manage',
        label: '精准管理医保扶贫对象（动态参保，8 月底前调整纳入当年）',
        hint: '责任单位：州医保局、州民政局、州扶贫办，各县（市）人民政府',
      },
      {
        key: 'subsidy',
        label: '精准落实参保资助政策（特困全额、建档立卡定额资助及分担）',
        hint: '责任单位：州医保局、州民政局、州财政局、州扶贫办，各县（市）人民政府',
      },
      {
        key: 'benefits',
        label: '精准实施医保待遇政策（基本医保、大病保险、医疗救助、大病专项救治）',
        hint: '责任单位：州医保局，各县（市）人民政府',
      },
      {
        key: 'settlement',
        label: '全面推进费用直接结算（“一站式”结算、垫付拨付、零星报销 25 个工作日）',
        hint: '责任单位：州医保局，各县（市）人民政府',
      },
      {
        key: 'service',
        label: '全面提升医保服务水平（先诊疗后付费、目录外费用控制在 10% 以内）',
        hint: '责任单位：州医保局，各县（市）人民政府',
      },
      {
        key: 'technology',
        label: '积极推进使用适宜技术（电子转诊、分级诊疗、差异化报销）',
        hint: '责任单位：州医保局，各县（市）人民政府',
      },
      {
        key: 'relocation',
        label: '做好易地扶贫搬迁贫困人口医保工作（转移接续、异地就医备案）',
        hint: '责任单位：州医保局、州民政局、州生态移民局、州扶贫办，各县（市）人民政府',
      },
    ],
    notes: ['每项任务填写本地牵头落实的责任人；同一任务可填报多名责任人。', '责任单位按方案所列，各县（市）可结合实际细化。'],
    allowExtraRows: true,
    isBuiltin: true,
  },
  {
    key: 'builtin:xianning-2022',
    name: '咸宁市过渡期医保帮扶部门职责分工表',
    title: '巩固拓展医疗保障脱贫攻坚成果部门职责分工表',
    organisedBy: 'department',
    source: '咸医保发〔2021〕31号 第四部分（二）加强部门协同',
    items: [
      {
        key: 'medical_insurance',
        label: '医保部门',
        hint: '统筹推进有效衔接的医保制度和机制建设，加强经办能力建设，抓好政策落实和三重制度保障。',
      },
      {
        key: 'rural_revitalisation',
        label: '乡村振兴部门',
        hint: '认定返贫致贫、脱贫不稳定、边缘易致贫、脱贫人口及突发严重困难人口身份并及时共享信息；防止返贫动态监测；脱贫人口参保动员。',
      },
      { key: 'civil_affairs', label: '民政部门', hint: '认定特困人员、低保对象等农村低收入人口身份并及时共享信息。' },
      { key: 'finance', label: '财政部门', hint: '做好资金投入保障。' },
      {
        key: 'health',
        label: '卫生健康部门',
        hint: '基层医疗卫生服务能力建设和医疗机构行业管理；指导落实先诊疗后付费、一站式一票制结算、费用控制和分级诊疗。',
      },
      { key: 'tax', label: '税务部门', hint: '做好基本医疗保险费征收工作。' },
      { key: 'banking_insurance', label: '银保监部门', hint: '规范商业健康保险发展。' },
    ],
    notes: ['各部门填报分管负责人及具体经办责任人；同一部门可填报多名责任人。'],
    allowExtraRows: true,
    isBuiltin: true,
  },
];

/** The built-in template with this key, or undefined. */
export function findBuiltinTemplate(key: string): TResponsibilityTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.key === key);
}

/** The column headings of every responsibility table (annex 2), in order. */
export const RESPONSIBILITY_COLUMNS = ['责任分工', '姓名', '单位及部门', '职务', '联系电话'] as const;
