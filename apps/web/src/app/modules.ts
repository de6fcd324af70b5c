import { can, type TPermission, type TRole } from '@portal/rules';

export interface ModuleEntry {
  path: string;
  label: string;
  description: string;
  /** The permission (PERMISSIONS in packages/rules) that shows the module; the server checks the same one. */
  permission: TPermission;
  /** `planned` modules show in the navigation with a badge and an honest "not yet" page. */
  status: 'ready' | 'planned';
  group: 'work' | 'supervise' | 'admin';
}

/** The portal's modules in navigation order, with the permission that shows each one. */
export const MODULES: ModuleEntry[] = [
  {
    path: '/persons',
    label: '人员登记',
    description: '扶贫对象登记、身份类别与家庭成员',
    permission: 'persons.read',
    status: 'ready',
    group: 'work',
  },
  {
    path: '/lists',
    label: '信息比对',
    description: '部门名单上传比对、确认后批量更新',
    permission: 'lists.read',
    status: 'ready',
    group: 'work',
  },
  {
    path: '/enrollment',
    label: '参保资助',
    description: '参保登记、应保尽保与参保资助计算',
    permission: 'enrollment.read',
    status: 'ready',
    group: 'work',
  },
  {
    path: '/claims',
    label: '一站式结算',
    description: '就诊费用录入、分段结算与一单清',
    permission: 'claims.read',
    status: 'ready',
    group: 'work',
  },
  {
    path: '/reimbursements',
    label: '零星报销',
    description: '非联网结算报销受理，25 个工作日办结；医院垫付资金结算',
    permission: 'reimbursements.read',
    status: 'ready',
    group: 'work',
  },
  {
    path: '/referrals',
    label: '转诊转院备案',
    description: '转诊转院与异地就医备案登记',
    permission: 'referrals.read',
    status: 'ready',
    group: 'work',
  },
  {
    path: '/responsibility',
    label: '责任分工表',
    description: '医疗保障扶贫责任分工表的填报与汇总',
    permission: 'responsibility.read',
    status: 'ready',
    group: 'supervise',
  },
  {
    path: '/ledger',
    label: '综合管理台账',
    description: '36 列综合管理台账与导出',
    permission: 'ledger.read',
    status: 'ready',
    group: 'supervise',
  },
  {
    path: '/dashboards',
    label: '监管看板',
    description: '待遇支付、报销比例、目录外费用与县域外就医，逐级下钻到结算单',
    permission: 'dashboards.read',
    status: 'ready',
    group: 'supervise',
  },
  {
    path: '/jobs',
    label: '批处理任务',
    description: '后台任务的状态、进度与结果',
    permission: 'jobs.read',
    status: 'ready',
    group: 'supervise',
  },
  {
    path: '/audit',
    label: '操作日志',
    description: '所有变更的留痕记录',
    permission: 'audit.read',
    status: 'ready',
    group: 'supervise',
  },
  {
    path: '/admin/users',
    label: '用户管理',
    description: '账户、角色与所属机构',
    permission: 'users.manage',
    status: 'ready',
    group: 'admin',
  },
  {
    path: '/admin/params',
    label: '政策参数',
    description: '地方参数的版本与生效日期',
    permission: 'params.read',
    status: 'ready',
    group: 'admin',
  },
  {
    path: '/admin/premiums',
    label: '缴费标准与资助参数',
    description: '年度个人缴费标准（威海两档）与参保资助参数',
    permission: 'premiums.write',
    status: 'ready',
    group: 'admin',
  },
  {
    path: '/admin/hospitals',
    label: '医院名单',
    description: '定点、联网、转诊定点医疗机构',
    permission: 'hospitals.read',
    status: 'ready',
    group: 'admin',
  },
  {
    path: '/admin/referral-destinations',
    label: '转诊定点与有效期',
    description: '指定转诊定点医疗机构名单与转诊有效期',
    permission: 'referrals.configure',
    status: 'ready',
    group: 'admin',
  },
  {
    path: '/admin/org-units',
    label: '机构与区划',
    description: '省、市、县经办机构及区划代码',
    permission: 'orgUnits.manage',
    status: 'ready',
    group: 'admin',
  },
  {
    path: '/admin/calendar',
    label: '节假日安排',
    description: '办理时限使用的工作日日历，录入次年放假安排',
    permission: 'calendar.write',
    status: 'ready',
    group: 'admin',
  },
];

export const GROUP_LABELS = { work: '经办业务', supervise: '监督管理', admin: '基础信息与系统管理' } as const;

/** The modules a role sees, in navigation order. */
export function modulesFor(role: TRole): ModuleEntry[] {
  return MODULES.filter((m) => can(role, m.permission));
}
