import { expect, test } from '@playwright/test';
import { login, shot } from '../../fixtures/auth';
import { fillInpatientClaim } from '../../fixtures/claims';

test('录入有误时就地提示，不保存', async ({ page }) => {
  await login(page, 'qn-clerk2');
  await page.goto('/claims/new');
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page.getByText('请选择参保人')).toBeVisible();
  await expect(page.getByText('请选择就诊医院')).toBeVisible();
  await page.getByLabel('入院日期').fill('2019-09-10');
  await page.getByLabel('出院日期').fill('2019-09-01');
  await page.getByLabel('医疗总费用（元）').fill('100');
  await page.getByLabel('政策范围内费用（元）').fill('200.555');
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page.getByText('出院日期不能早于入院日期')).toBeVisible();
  await expect(page.getByText('政策范围内费用应为不小于 0 的金额，最多两位小数')).toBeVisible();
  await page.getByLabel('政策范围内费用（元）').fill('200');
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page.getByText('政策范围内费用不能大于医疗总费用')).toBeVisible();
  await shot(page, 'claim-new-errors');
  await expect(page).toHaveURL(/\/claims\/new$/);
});

test('审核人员冲销结算单（录入人以外的审核人员）：原单标记已冲销，冲销单以负数列示', async ({ page }) => {
  await login(page, 'qn-reviewer1');
  await fillInpatientClaim(page, {
    person: '韦秀兰',
    hospital: '三都水族自治县人民医院',
    admission: '2019-10-08',
    discharge: '2019-10-15',
    total: '30000',
    inScope: '28000',
  });
  // 特困人员 (RULES §9 example 2): assistance 100 %, the patient pays only the out-of-scope cost.
  await expect(page.getByTestId('patient-pays')).toHaveText('2,000.00');
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page.getByTestId('slip-capital')).toHaveText('大写：贰仟元整');
  // Four eyes (decision 0009): whoever entered the claim does not reverse it; another reviewer does.
  await expect(page.getByTestId('reverse-blocked')).toContainText('结算单须由录入人以外的审核人员冲销（您是本结算单的录入人）');
  await expect(page.getByRole('button', { name: '冲销' })).toHaveCount(0);
  await shot(page, 'claim-reverse-blocked');
  const claimUrl = page.url();
  await page.context().clearCookies();
  await login(page, 'qn-reviewer1b');
  await page.goto(claimUrl);
  await page.getByRole('button', { name: '冲销' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认冲销' }).click();
  await expect(page.getByText('请填写冲销原因（至少 4 个字）')).toBeVisible();
  await shot(page, 'claim-reverse-dialog');
  await page.getByLabel('冲销原因').fill('住院费用清单录入错误');
  await page.getByRole('dialog').getByRole('button', { name: '确认冲销' }).click();
  await expect(page.getByTestId('slip')).toContainText('冲销单');
  await expect(page.getByTestId('slip-patient-pays')).toHaveText('个人自付：-2,000.00 元');
  await page.goto('/claims');
  await expect(page.getByText('已冲销').first()).toBeVisible();
  await shot(page, 'claims-list');
});
