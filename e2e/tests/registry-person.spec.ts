import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';
import { uniqueTestIdNumber } from '../fixtures/id-number';

test('经办员检索、新增人员（重号给出已有记录链接）、修改信息并登记和终止身份类别', async ({ page }) => {
  await login(page, 'xn-clerk1');
  await page.goto('/persons');
  // Search by the last digits of a listed person's ID number.
  const masked = (await page.locator('tbody tr td:nth-child(2)').first().textContent()) ?? '';
  await page.getByLabel('姓名或身份证号').fill(masked.slice(-4));
  // The list has taken the search (it is in the address) before the clerk moves on.
  await expect(page).toHaveURL(new RegExp(`q=${masked.slice(-4)}`));
  await expect(page.locator('tbody tr td:nth-child(2)').first()).toHaveText(new RegExp(`${masked.slice(-4)}$`));

  await page.getByRole('link', { name: '新增人员' }).click();
  await expect(page).toHaveURL(/\/persons\/new$/);
  const idNumber = uniqueTestIdNumber('421222');
  await page.getByLabel(/^身份证号\s*\*?$/).fill(`${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`);
  await page.getByLabel('姓名').fill('测试新增');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/校验码错误/)).toBeVisible();
  await shot(page, 'person-create-error');
  await page.getByLabel(/^身份证号\s*\*?$/).fill(idNumber);
  await page.getByLabel('报销银行账号').fill('6217 0000 1234 5678 901');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '测试新增' })).toBeVisible();
  await expect(page.getByText('***************8901').first()).toBeVisible();
  await expect(page.getByText(idNumber)).toHaveCount(0);
  const url = page.url();

  // The same ID number again: refused, with a link to the existing record.
  await page.goto('/persons/new');
  await page.getByLabel(/^身份证号\s*\*?$/).fill(idNumber);
  await page.getByLabel('姓名').fill('重复登记');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/该身份证号已登记/).first()).toBeVisible();
  await page.getByRole('link', { name: '打开已有记录' }).click();
  await expect(page).toHaveURL(url);

  await page.getByRole('button', { name: '修改信息' }).click();
  await page.getByLabel('姓名').fill('测试修改');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '测试修改' })).toBeVisible();
  await expect(page.getByText('***************8901').first()).toBeVisible();

  await page.getByRole('button', { name: '登记身份类别' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '人员类别' }).click();
  await page.getByRole('option', { name: '边缘易致贫人口' }).click();
  await dialog.getByLabel('认定日期').fill('2024-03-01');
  await dialog.getByRole('combobox', { name: '认定部门' }).click();
  await page.getByRole('option', { name: '扶贫（乡村振兴）部门' }).click();
  await dialog.getByLabel('认定文件或批次').fill('通乡振发〔2024〕3号');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/纳入 2024 年度资助参保/).first()).toBeVisible();
  await expect(page.getByText('通乡振发〔2024〕3号', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: '终止' }).click();
  await page.getByRole('dialog').getByLabel('终止日期').fill('2023-01-01');
  await page.getByRole('dialog').getByLabel('终止原因').fill('退出监测');
  await page.getByRole('button', { name: '确认终止' }).click();
  await expect(page.getByText(/终止日期不能早于认定日期/)).toBeVisible();
  await page.getByRole('dialog').getByLabel('终止日期').fill('2025-06-30');
  await page.getByRole('button', { name: '确认终止' }).click();
  await expect(page.getByText('已终止', { exact: true })).toBeVisible();
  await expect(page.getByText(/2024年3月1日 至 2025年6月30日/)).toBeVisible();
  await shot(page, 'person-detail-edited');
});
