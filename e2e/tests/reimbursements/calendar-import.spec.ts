import { expect, test } from '@playwright/test';
import { login, shot } from '../../fixtures/auth';
import { actAs, setServerClock } from '../../fixtures/clock';
import { cnDate } from '../../fixtures/dates';

test.use({ actionTimeout: 20_000 });
test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

const csv = (text: string, name = '2027年节假日安排.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('年末受理：2027 年安排未录入时期限暂定，管理员从文件导入 2027 年安排后按正式日历重算', async ({ page, request }) => {
  test.setTimeout(180_000);
  // Monday 2026-12-28: every document is handed in, the 25 working days start and run into 2027.
  await actAs(page, request, 'qn-clerk1', '2026-12-28');
  await page.goto('/reimbursements');
  await page.getByRole('link', { name: '受理报销' }).click();
  await page.getByRole('combobox', { name: '参保人' }).fill('王建国');
  await page
    .getByRole('option', { name: /王建国/ })
    .first()
    .click();
  await page.getByRole('combobox', { name: '就诊医院' }).click();
  await page.getByRole('option', { name: /^中南大学湘雅医院/ }).click();
  await page.getByLabel('入院日期').fill('2026-12-01');
  await page.getByLabel('出院日期').fill('2026-12-10');
  await page.getByLabel('诊断').fill('慢性阻塞性肺疾病急性加重');
  await page.getByLabel('医疗总费用（元）').fill('30000');
  await page.getByLabel('政策范围内费用（元）').fill('28000');
  for (const item of [
    '医保证（卡）复印件',
    '身份证复印件或户口簿复印件',
    '住院原始发票',
    '出院小结',
    '住院费用清单',
    '银行存折（卡）复印件',
  ]) {
    await page.getByLabel(item).check();
  }
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待登记录入');
  // Weekends alone: 12-29..12-31, 2027-01-01, then five-day weeks to 01-29 (24) → Monday 2027-02-01.
  await expect(page.getByTestId('due-date')).toHaveText(`${cnDate('2027-02-01')}（暂定）`);
  await expect(page.getByTestId('clock-provisional')).toContainText('2027年节假日安排尚未公布或录入');
  await shot(page, 'calendar-import-case-provisional');
  const caseUrl = page.url();

  await setServerClock(request, null);
  await page.context().clearCookies();
  await login(page, 'sysadmin');
  await page.goto('/admin/calendar');
  await page.getByRole('button', { name: '从文件导入' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('calendar-file-layout')).toContainText('日期、类型（必填）');
  await dialog.getByLabel('年度').fill('2027');
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(dialog.getByText('请选择节假日安排文件（.xlsx 或 .csv）')).toBeVisible();

  // A file with mistakes: every bad row is named, nothing is stored.
  const fileInput = dialog.locator('input[type="file"]');
  await fileInput.setInputFiles(csv('日期,类型,说明\n2027-01-01,放假,元旦\n2026-12-31,放假,\n2027-01-04,上班,\n2027-01-01,放假,\n'));
  await dialog.getByRole('button', { name: '导入' }).click();
  const errors = dialog.getByTestId('calendar-import-errors');
  await expect(errors).toContainText('文件有 3 处错误，未导入任何日期');
  await expect(errors).toContainText('第 3 行：日期 2026-12-31 不在 2027 年内');
  await expect(errors).toContainText('第 4 行：调休上班日 2027-01-04 应为周六或周日');
  await expect(errors).toContainText('第 5 行：日期 2027-01-01 与第 2 行重复');
  await shot(page, 'calendar-import-errors');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('row', { name: /2027/ })).toHaveCount(0);

  await page.getByRole('button', { name: '从文件导入' }).click();
  await dialog.getByLabel('年度').fill('2027');
  await dialog.getByLabel('依据').fill('演示：2027年节假日安排');
  await dialog
    .locator('input[type="file"]')
    .setInputFiles(csv('日期,类型,说明\n2027-01-01,放假,元旦\n2027-01-02,放假,元旦\n2027-01-03,放假,元旦\n'));
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: /2027/ })).toContainText('管理员录入');
  await shot(page, 'calendar-import-done');

  // The open case now counts with the 2027 schedule: 01-01 off → one day later, final.
  await actAs(page, request, 'qn-clerk1', '2026-12-28');
  await page.goto(caseUrl);
  await expect(page.getByTestId('due-date')).toHaveText(cnDate('2027-02-02'));
  await expect(page.getByTestId('clock-provisional')).toHaveCount(0);
  await shot(page, 'calendar-import-case-final');
});
