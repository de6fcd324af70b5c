import { expect, test } from '@playwright/test';
import { login, shot } from '../../fixtures/auth';
import { fillInpatientClaim } from '../../fixtures/claims';

test('结算单列表按参保人姓名或身份证号后几位检索，合计随筛选变化', async ({ page }) => {
  await login(page, 'qn-clerk1');
  await fillInpatientClaim(page, {
    person: '韦秀兰',
    hospital: '三都水族自治县人民医院',
    admission: '2019-11-04',
    discharge: '2019-11-08',
    total: '12000',
    inScope: '11000',
  });
  await page.getByRole('button', { name: '保存结算' }).click();
  await expect(page.getByTestId('slip')).toBeVisible();
  await page.goto('/claims');
  await page.getByLabel('参保人').fill('韦秀兰');
  await expect(page).toHaveURL(/q=/);
  const people = page
    .locator('tbody tr')
    .filter({ has: page.locator('a[href^="/claims/"]') })
    .locator('td:nth-child(2)');
  await expect(people.first()).toContainText('韦秀兰');
  for (const text of await people.allTextContents()) expect(text).toContain('韦秀兰');
  await expect(page.getByText(/^合计（\d+ 笔，冲销单以负数计）$/)).toBeVisible();
  await shot(page, 'claims-list-search');
  await page.getByLabel('参保人').fill('不存在的人');
  await expect(page.getByText('没有符合条件的结算单')).toBeVisible();
});
