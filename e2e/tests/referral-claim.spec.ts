import { expect, test, type Page } from '@playwright/test';
import { login, shot } from '../fixtures/auth';
import { fillInpatientClaim } from '../fixtures/claims';
import { chinaToday, findSeedPersonByName } from '../fixtures/seed-people';

/**
 * Issue 7's journey end to end: a Xianning inpatient stay at a provincial designated hospital
 * settles without 倾斜救助 (and says why) until the referral is registered; with the referral the
 * claim form shows the registration, 倾斜救助 applies and the slip names the referral.
 */
const CLAIM = {
  person: '吴建军',
  hospital: '湖北省人民医院',
  admission: chinaToday(-15),
  discharge: chinaToday(-5),
  total: '200000',
  inScope: '180000',
};

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('咸宁：转往省级定点医院住院，备案后享受倾斜救助；未备案时不享受并说明原因', async ({ page }) => {
  test.setTimeout(120_000);
  const person = await findSeedPersonByName('吴建军', '421222');
  await login(page, 'xn-clerk1');

  // Without a referral: no 倾斜救助, and the form and the preview say why.
  await fillInpatientClaim(page, CLAIM);
  const status = page.getByTestId('referral-status');
  await expect(status).toContainText('未查到覆盖本次就诊医院和入院日期的转诊备案');
  await expect(status.getByRole('checkbox', { name: '按已转诊结算' })).toBeDisabled();
  await expect(status.getByRole('checkbox', { name: '按已转诊结算' })).not.toBeChecked();
  await expect(page.getByText('未按要求办理转诊手续或不在省内定点医疗机构就医，不享受倾斜救助（002 §三(三)）')).toBeVisible();
  const tiltedBefore = page.getByTestId('amount-tilted');
  if (await tiltedBefore.count()) await expect(tiltedBefore).toHaveText('0.00');
  await shot(page, 'claim-without-referral');

  // Register the referral at the window.
  await page.goto('/referrals/new');
  await page.getByLabel('参保人身份证号').fill(person.idNumber);
  await page.getByRole('button', { name: '核验身份' }).click();
  await expect(page.getByTestId('person-checked').getByText('吴建军')).toBeVisible();
  await pick(page, '出具转诊证明的医院', '通城县人民医院（二级，通城县）');
  await pick(page, '转往医院（指定转诊定点医疗机构）', '湖北省人民医院（武汉市武昌区）');
  await page.getByLabel('诊断').fill('肺部感染');
  await page.getByLabel('转诊原因').fill('病情危重，县级医院无法救治');
  await page.getByLabel('开具日期').fill(chinaToday(-20));
  await page.getByLabel('计划入院日期').fill(CLAIM.admission);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('referral-no')).toHaveText(/^ZZ\d{10}$/);
  const referralNo = (await page.getByTestId('referral-no').textContent())!;

  // The same claim now finds the registration, and 倾斜救助 applies.
  await fillInpatientClaim(page, CLAIM);
  await expect(status).toContainText('已查到转诊转院备案');
  await expect(status).toContainText(referralNo);
  await expect(status.getByRole('checkbox', { name: '按已转诊结算' })).toBeChecked();
  await expect(page.getByTestId('amount-tilted')).toHaveText('7,868.00');
  await expect(page.getByText('不享受倾斜救助')).toHaveCount(0);
  await shot(page, 'claim-with-referral');
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
  await expect(page.getByText(new RegExp(`依据转诊备案 ${referralNo}`))).toBeVisible();
  await expect(page.getByText('7,868.00').first()).toBeVisible();
  await shot(page, 'claim-slip-with-referral');
});
