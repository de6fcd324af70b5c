import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';

test('县级经办员只看到本县人员，身份证号脱敏，可查看身份类别时间线', async ({ page }) => {
  await login(page, 'xn-clerk1');
  await page.getByRole('navigation', { name: '主导航' }).getByText('人员登记').click();
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const regions = await page.locator('tbody tr td:nth-child(6)').allTextContents();
  expect(regions.length).toBeGreaterThan(0);
  for (const r of regions) expect(r).toBe('通城县');
  const id = await page.locator('tbody tr td:nth-child(2)').first().textContent();
  expect(id).toMatch(/^421222\*{8}[\dX]{4}$/);
  await shot(page, 'persons-list');
  await rows.first().getByRole('link', { name: '查看' }).click();
  await expect(page.getByText('身份类别', { exact: true })).toBeVisible();
  await expect(page.getByText('有效').first()).toBeVisible();
  await shot(page, 'person-detail');
});

test('按身份证后几位检索，检索不到时显示空状态', async ({ page }) => {
  await login(page, 'qn-clerk1');
  await page.goto('/persons');
  await page.getByLabel('姓名或身份证号').fill('0000000');
  await expect(page.getByText('没有符合条件的人员')).toBeVisible();
  await shot(page, 'persons-empty');
});

test('人员列表按游标翻页：共 N 人，下一页、上一页，按姓氏检索只列出该姓人员', async ({ page }) => {
  await login(page, 'qn-supervisor');
  await page.goto('/persons');
  await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();
  const firstOfPage1 = await page.locator('tbody tr td:nth-child(1)').first().textContent();
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.locator('tbody tr td:nth-child(1)').first()).not.toHaveText(firstOfPage1 ?? '');
  await shot(page, 'persons-page-2');
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(page.locator('tbody tr td:nth-child(1)').first()).toHaveText(firstOfPage1 ?? '');
  const surname = (firstOfPage1 ?? '').slice(0, 1);
  await page.getByLabel('姓名或身份证号').fill(surname);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(surname)}`));
  // The address takes the search at once; the rows follow when the list has answered.
  const firstColumn = page.locator('tbody tr td:nth-child(1)');
  await expect.poll(async () => (await firstColumn.allTextContents()).every((n) => n.startsWith(surname))).toBe(true);
  expect(await firstColumn.count()).toBeGreaterThan(0);
});
