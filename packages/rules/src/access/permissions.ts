import type { TRole } from './access.js';

const ALL: readonly TRole[] = ['clerk', 'reviewer', 'supervisor', 'admin'];
/** Window staff and their reviewers: the people who enter and decide casework. */
const STAFF: readonly TRole[] = ['clerk', 'reviewer'];
/** Everyone who works with casework data (the supervisor reads it). */
const CASEWORK: readonly TRole[] = ['clerk', 'reviewer', 'supervisor'];
const REVIEWER: readonly TRole[] = ['reviewer'];
const CLERK: readonly TRole[] = ['clerk'];
const SUPERVISOR: readonly TRole[] = ['supervisor'];
const ADMIN: readonly TRole[] = ['admin'];
const OVERSIGHT: readonly TRole[] = ['supervisor', 'admin'];

interface PermissionEntry {
  roles: readonly TRole[];
  /** What a refused user reads (Chinese, names who may do it). */
  denied: string;
}

const p = (roles: readonly TRole[], denied: string): PermissionEntry => ({ roles, denied });

/**
 * Who may do what: the one table that the server's procedures and routes, the services' finer
 * checks and the web navigation all ask (`can`). A permission is `domain.verb`; every procedure and
 * HTTP route declares exactly one. Region scoping is separate: it applies to every permission.
 */
export const PERMISSIONS = {
  // Account and reference data everyone needs to work.
  'session.use': p(ALL, '请先登录'),
  'orgUnits.read': p(ALL, '您的角色无权查看机构'),
  'orgUnits.manage': p(ADMIN, '只有系统管理员可以维护机构'),
  'users.manage': p(ADMIN, '只有系统管理员可以管理用户'),
  'audit.read': p(OVERSIGHT, '只有管理员和监管人员可以查看操作日志'),

  // Register of beneficiaries (persons, households, list comparison).
  'persons.read': p(ALL, '您的角色无权查看人员登记'),
  'persons.write': p(STAFF, '只有经办、审核人员可以登记和修改人员信息'),
  'persons.reveal': p(STAFF, '只有经办、审核人员可以查看完整的身份证号、电话和账号'),
  'households.write': p(STAFF, '只有经办、审核人员可以维护家庭户'),
  'lists.read': p(CASEWORK, '您的角色无权查看信息比对'),
  'lists.write': p(STAFF, '只有经办、审核人员可以上传、应用或作废比对名单'),

  // Batch jobs (decision 0016): each job kind is started through its own module's permission.
  'jobs.read': p(CASEWORK, '您的角色无权查看批处理任务'),

  // Enrollment, premium subsidies and the ledger.
  'enrollment.read': p(CASEWORK, '您的角色无权查看参保登记'),
  'enrollment.write': p(STAFF, '只有经办、审核人员可以登记参保情况'),
  'premiums.read': p(ALL, '您的角色无权查看缴费标准'),
  'premiums.write': p(ADMIN, '只有系统管理员可以设置个人缴费标准'),
  'subsidies.read': p(CASEWORK, '您的角色无权查看参保资助'),
  'subsidies.run': p(CASEWORK, '您的角色无权计算参保资助'),
  'ledger.read': p(CASEWORK, '您的角色无权查看综合管理台账'),

  // One-stop settlement.
  'claims.read': p(ALL, '您的角色无权查看结算单'),
  'claims.settle': p(STAFF, '只有窗口经办和审核人员可以办理结算'),
  'claims.reverse': p(REVIEWER, '只有审核人员可以冲销结算单'),

  // Non-networked reimbursement (零星报销) and hospital advances (垫付).
  'reimbursements.read': p(ALL, '您的角色无权查看零星报销'),
  'reimbursements.intake': p(STAFF, '只有窗口经办和审核人员可以受理报销'),
  'reimbursements.process': p(CLERK, '只有窗口经办人员可以办理登记录入、调查核实和初审'),
  'reimbursements.secondReview': p(REVIEWER, '只有审核复核人员可以复核'),
  'reimbursements.pay': p(STAFF, '只有窗口经办和审核人员可以办理支付'),
  'reimbursements.proposePayee': p(STAFF, '只有窗口经办和审核人员可以提出收款账户变更'),
  'reimbursements.approvePayee': p(REVIEWER, '只有审核复核人员可以审批收款账户变更'),
  'reimbursements.board': p(CASEWORK, '监管看板供监管和经办人员使用'),
  'advances.read': p(ALL, '您的角色无权查看医院垫付资金'),
  'advances.write': p(STAFF, '只有经办和审核人员可以办理医院垫付资金结算'),
  'advances.approve': p(REVIEWER, '只有审核复核人员可以批准垫付资金预付和审核结清'),

  // Transfer referrals and off-site registrations.
  'referrals.read': p(ALL, '您的角色无权查看转诊备案'),
  'referrals.write': p(STAFF, '只有经办、审核人员可以办理转诊转院备案和异地就医备案'),
  'referrals.override': p(REVIEWER, '只有审核复核人员可以认定视同转诊'),
  'referrals.configure': p(ADMIN, '只有系统管理员可以维护转诊定点医疗机构和有效期'),

  // Responsibility-assignment table (责任分工表).
  'responsibility.read': p(ALL, '您的角色无权查看责任分工表'),
  'responsibility.templates': p(ADMIN, '只有系统管理员可以维护模板'),
  'responsibility.openRound': p(SUPERVISOR, '只有领导/监管角色可以发起填报'),
  'responsibility.supervise': p(OVERSIGHT, '只有领导/监管角色和管理员可以查看填报进度'),
  'responsibility.fill': p(CLERK, '只有填报单位的窗口经办人员可以填报和报送'),
  'responsibility.return': p(SUPERVISOR, '只有领导/监管角色可以退回'),
  'responsibility.contacts': p(SUPERVISOR, '只有领导/监管角色可以查看完整联系电话'),

  // Local parameters, hospital lists and the holiday calendar.
  'params.read': p(ALL, '您的角色无权查看政策参数'),
  'params.write': p(ADMIN, '只有系统管理员可以调整政策参数'),
  'hospitals.read': p(ALL, '您的角色无权查看医院名单'),
  'hospitals.write': p(ADMIN, '只有系统管理员可以维护医院名单'),
  'calendar.read': p(ADMIN, '只有系统管理员可以维护节假日安排'),
  'calendar.write': p(ADMIN, '只有系统管理员可以维护节假日安排'),

  // Supervision.
  'workbench.admin': p(ADMIN, '只有系统管理员可以查看管理员工作台'),
  'dashboards.read': p(OVERSIGHT, '只有领导/监管角色和管理员可以查看监管看板'),
  'dashboards.rebuild': p(ADMIN, '只有系统管理员可以重建监管看板的汇总数据'),
} as const satisfies Record<string, PermissionEntry>;

export type TPermission = keyof typeof PERMISSIONS;
export const PERMISSION_IDS = Object.keys(PERMISSIONS) as TPermission[];

/** True when the role holds the permission. */
export function can(role: TRole, permission: TPermission): boolean {
  return PERMISSIONS[permission].roles.includes(role);
}

/** The Chinese sentence shown when the role lacks the permission. */
export function deniedMessage(permission: TPermission): string {
  return PERMISSIONS[permission].denied;
}
