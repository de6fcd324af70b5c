import { expect, test } from '@playwright/test';
import { shot } from '../../fixtures/auth';
import { fillInpatientClaim } from '../../fixtures/claims';
import { actAs, setServerClock } from '../../fixtures/clock';

test.use({ actionTimeout: 20_000 });

test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

test('监管看板：州监管看到图表，下钻到县，再到超期案件并打开一件', async ({ page, request }) => {
  test.setTimeout(180_000);
  // A clerk of 三都 settles an inpatient claim and takes in a reimbursement case with every material.
  await actAs(page, request, 'qn-clerk1', '2019-09-02');
  await fillInpatientClaim(page, {
    person: '韦秀兰',
    hospital: '三都水族自治县人民医院',
    admission: '2019-08-20',
    discharge: '2019-08-28',
    total: '20000',
    inScope: '18500',
  });
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page.getByTestId('slip')).toBeVisible();

  // The case is taken in in October: the reimbursement journey's board month (2019-09) stays its own.
  await actAs(page, request, 'qn-clerk1', '2019-10-08');
  await page.goto('/reimbursements');
  await page.getByRole('link', { name: '受理报销' }).click();
  await page.getByRole('combobox', { name: '参保人' }).fill('王建国');
  await page
    .getByRole('option', { name: /王建国/ })
    .first()
    .click();
  await page.getByRole('combobox', { name: '就诊医院' }).click();
  await page.getByRole('option', { name: /^中南大学湘雅医院/ }).click();
  await page.getByLabel('入院日期').fill('2019-09-10');
  await page.getByLabel('出院日期').fill('2019-09-20');
  await page.getByLabel('诊断').fill('慢性阻塞性肺疾病急性加重');
  await page.getByLabel('医疗总费用（元）').fill('30000');
  await page.getByLabel('政策范围内费用（元）').fill('28000');
  for (const item of [
    '医保证（卡）复印件',
    '身份证复印件或户口簿复印件',
    '住院原始发票',
    '住院费用清单',
    '出院小结',
    '银行存折（卡）复印件',
  ]) {
    await page.getByLabel(item).check();
  }
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待登记录入');

  // Two and a half months later the prefecture supervisor opens the dashboard.
  await actAs(page, request, 'qn-supervisor', '2019-12-20');
  await page.getByRole('link', { name: '监管看板' }).first().click();
  await expect(page.getByRole('heading', { name: /监管看板：黔南.* 2019 年/ })).toBeVisible();
  await expect(page.getByTestId('panel-months').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('fig-inpatient-ratio')).toContainText('政策目标约 75%（000 §二(四)1）');
  await expect(page.getByTestId('fig-claims')).not.toContainText(/^结算人次0/);
  await shot(page, 'dashboard-city');
  await page.getByTestId('panel-months').getByText('表格').click();
  await expect(page.getByTestId('panel-months').getByRole('cell', { name: '8 月' })).toBeVisible();
  await shot(page, 'dashboard-city-table');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'dashboard-city-print');
  await page.emulateMedia({ media: 'screen' });

  // Drill to 三都, then to its overdue cases, and open one.
  await page.getByTestId('drill-三都水族自治县').click();
  await expect(page.getByRole('heading', { name: '监管看板：三都水族自治县 2019 年' })).toBeVisible();
  await expect(page).toHaveURL(/orgUnitId=/);
  await shot(page, 'dashboard-county');
  await page.getByTestId('to-deadlines').click();
  await page.getByLabel('受理月份').fill('2019-10');
  const overdue = page.getByRole('link', { name: /^LX2019/ }).first();
  await expect(overdue).toBeVisible();
  await shot(page, 'dashboard-county-overdue');
  await overdue.click();
  await expect(page.getByTestId('case-status')).toBeVisible();
  await shot(page, 'dashboard-overdue-case');
});
