import { expect, test } from '@playwright/test';
import { login, shot } from '../../fixtures/auth';
import { actAs, setServerClock } from '../../fixtures/clock';
import { cnDate } from '../../fixtures/dates';

test.use({ actionTimeout: 20_000 });
test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

test('医院垫付资金：70% 十个工作日内预付，审核后十五个工作日内结清，超期标红', async ({ page, request }) => {
  test.setTimeout(120_000);
  await actAs(page, request, 'qn-clerk2', '2019-10-08');
  await page.goto('/reimbursements/advances');
  await page.getByRole('button', { name: '登记垫付申报' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请选择定点医疗机构')).toBeVisible();
  await shot(page, 'advance-declaration-errors');
  await dialog.getByRole('combobox', { name: '定点医疗机构' }).click();
  await page.getByRole('option', { name: '瓮安县人民医院' }).click();
  await dialog.getByLabel('结算期间起').fill('2019-09-01');
  await dialog.getByLabel('结算期间止').fill('2019-09-30');
  await dialog.getByLabel('收到申报日期').fill('2019-10-08');
  await dialog.getByLabel('基本医保垫付（元）').fill('100000');
  await dialog.getByLabel('大病保险垫付（元）').fill('20000');
  await dialog.getByLabel('医疗救助垫付（元）').fill('5000.01');
  await dialog.getByRole('button', { name: '保存' }).click();
  const row = page.getByTestId('advance-row').filter({ hasText: '瓮安县人民医院' }).first();
  await expect(row).toContainText('125,000.01');
  // 10 working days after Tue 10-08: 10-09, 10-10, 10-11, Sat 10-12 (worked), 10-14..10-18, 10-21 → 2019-10-21.
  // 15 more: 10-22..10-25 (4), 10-28..11-01 (9), 11-04..11-08 (14), 11-11 (15) → 2019-11-11.
  await expect(row).toContainText(`期限 ${cnDate('2019-10-21')}`);
  await expect(row).toContainText(`期限 ${cnDate('2019-11-11')}`);
  // 70 % of 12 500 001 fen = 8 750 000.7 → 8 750 001 fen (half up).
  await expect(row).toContainText('应付 87,500.01');
  // The declarer (a clerk) approves nothing: the 70 % waits for a reviewer.
  await expect(row).toContainText('待批准 70% 预付');
  await expect(row.getByRole('button', { name: '批准 70% 预付' })).toHaveCount(0);

  await actAs(page, request, 'qn-reviewer2', '2019-10-18');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '批准 70% 预付' }).click();
  await expect(dialog.getByTestId('confirm-amount')).toContainText('87,500.01 元');
  await dialog.getByLabel('已核对申报材料，同意拨付申报总额的 70%').check();
  await dialog.getByRole('button', { name: '批准' }).click();
  await expect(row).toContainText('待拨付 70%');

  await actAs(page, request, 'qn-clerk2', '2019-10-18');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '支付 70%' }).click();
  await expect(dialog.getByLabel('本次支付金额（元）')).toHaveValue('87500.01');
  await dialog.getByLabel('支付凭证号').fill('YF20191018');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '确认支付' }).click();
  await expect(row).toContainText('按时已付 87,500.01');

  await actAs(page, request, 'qn-reviewer2', '2019-11-12');
  await page.goto('/reimbursements/advances');
  await expect(row).toContainText('已超期');
  await row.getByRole('button', { name: '审核结清' }).click();
  await dialog.getByLabel('审核确认总额（元）').fill('130000');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByText('审核确认总额不能大于申报总额')).toBeVisible();
  await shot(page, 'advance-rest-payment-errors');
  await dialog.getByLabel('审核确认总额（元）').fill('120000');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByTestId('confirm-rest')).toHaveText('32,499.99 元');
  await dialog.getByLabel('已完成审核，确认以上总额').check();
  await dialog.getByRole('button', { name: '确认审核结清' }).click();
  await expect(row).toContainText('待结清');

  await actAs(page, request, 'qn-clerk2', '2019-11-12');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '支付剩余资金' }).click();
  await expect(dialog.getByLabel('本次支付金额（元）')).toHaveValue('32499.99');
  await dialog.getByLabel('支付凭证号').fill('JQ20191112');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '确认支付' }).click();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '全部' }).click();
  await expect(row).toContainText('超期已付 32,499.99');
  await shot(page, 'advances');
});

test('管理员录入节假日安排：校验日期，保存后列为管理员录入', async ({ page }) => {
  await login(page, 'sysadmin');
  await page.goto('/admin/calendar');
  await expect(page.getByRole('cell', { name: '2026' })).toBeVisible();
  await page.getByRole('button', { name: '录入年度安排' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('年度').fill('2030');
  await dialog.getByLabel('放假日期').fill('2030-01-01\n2029-12-31');
  await dialog.getByLabel('调休上班日期').fill('2030-01-07');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('节假日 2029-12-31 不在 2030 年内')).toBeVisible();
  await expect(dialog.getByText('调休上班日 2030-01-07 应为周六或周日')).toBeVisible();
  await dialog.getByLabel('放假日期').fill('2030-01-01');
  await dialog.getByLabel('调休上班日期').fill('');
  await dialog.getByLabel('依据').fill('演示录入');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: /2030/ })).toContainText('管理员录入');
  await shot(page, 'admin-calendar');
});
