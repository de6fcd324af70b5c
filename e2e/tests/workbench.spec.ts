import { expect, test } from '@playwright/test';
import { shot } from '../fixtures/auth';
import { actAs, setServerClock } from '../fixtures/clock';

test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

test('管理员工作台：11 月起提示次年节假日安排未录入，点击进入节假日维护', async ({ page, request }) => {
  // October: no warning yet. 2030 is a year no other journey enters a calendar for (one of them
  // imports 2027's), so 2031 is surely missing.
  await actAs(page, request, 'sysadmin', '2030-10-15');
  await page.goto('/');
  const locked = page.locator('[data-workbench-item="lockedAccounts"]');
  await expect(locked).toContainText('账号已锁定');
  await expect(page.locator('[data-workbench-item="calendarMissing"]')).toHaveCount(0);

  // November: next year's arrangement is due.
  await setServerClock(request, '2030-11-16T02:00:00.000Z');
  await page.reload();
  const missing = page.locator('[data-workbench-item="calendarMissing"]');
  await expect(missing).toContainText('2031 年节假日安排未录入');
  await expect(missing).toContainText('1');
  await expect(missing).toContainText('按周一至周五暂定计算');
  await shot(page, 'workbench-admin');

  await missing.click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await page.goBack();

  // The locked-accounts item opens the user list filtered to locked accounts.
  await locked.click();
  await expect(page).toHaveURL(/\/admin\/users\?locked=1$/);
  await expect(page.getByLabel('只看已锁定的账号')).toBeChecked();
  await shot(page, 'workbench-admin-locked-users');
});
