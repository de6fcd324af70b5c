import { and, inArray, orgUnits, users } from '@portal/db';
import { missingNextYearCalendar, type TWorkbench, type TWorkbenchItem } from '@portal/rules';
import { lockedAt } from '../admin/index.js';
import { loadServerCalendar } from '../calendar/index.js';
import { type ActorContext, boundedCount, chinaDate, inUserRegion } from '../../core/index.js';

/**
 * The administrator's workbench (工作台): what needs an administrator now, each a bounded count
 * linking to the list of exactly those records. Region-scoped like the lists it links to.
 */
export async function adminWorkbench({ ctx }: { ctx: ActorContext; input?: unknown }): Promise<TWorkbench> {
  const now = ctx.now();
  const today = chinaDate(now);
  const [calendar, locked] = await Promise.all([
    loadServerCalendar(ctx.db),
    boundedCount(
      ctx.db,
      users,
      and(
        inArray(users.orgUnitId, ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(inUserRegion(ctx.actor, orgUnits.path))),
        lockedAt(now),
      ),
    ),
  ]);
  const missingYear = missingNextYearCalendar(calendar, today);
  const items: TWorkbenchItem[] = [];
  if (missingYear !== null) {
    items.push({
      key: 'calendarMissing',
      label: `${missingYear} 年节假日安排未录入`,
      count: { value: 1, isEstimate: false },
      to: '/admin/calendar',
      hint:
        ctx.actor.orgLevel === 'system'
          ? `请在国务院办公厅公布后录入 ${missingYear} 年节假日安排；未录入前该年的办理时限按周一至周五暂定计算`
          : `${missingYear} 年节假日安排由系统级管理员统一录入，请联系系统级管理员；未录入前该年的办理时限按周一至周五暂定计算`,
    });
  }
  items.push({
    key: 'lockedAccounts',
    label: '账号已锁定',
    count: locked,
    to: '/admin/users?locked=1',
    hint: '连续登录失败被锁定的账号，核实本人后可重置密码解锁',
  });
  return { items };
}
