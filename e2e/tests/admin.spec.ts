import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';

test('管理员新增用户：字段错误就地提示，保存后新用户可以登录', async ({ page, browser }) => {
  await login(page, 'qn-admin');
  await page.getByRole('navigation', { name: '主导航' }).getByText('用户管理').click();
  await expect(page.getByText('qn-clerk1')).toBeVisible();
  await shot(page, 'admin-users');
  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('用户名至少 3 个字符')).toBeVisible();
  await expect(dialog.getByText('请选择所属机构')).toBeVisible();
  await shot(page, 'admin-user-form-errors');
  const username = `clerk${Date.now() % 100000}`;
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('张三');
  await dialog.getByRole('combobox', { name: '所属机构' }).click();
  await page.getByRole('option', { name: /龙里县/ }).click();
  await dialog.getByLabel('初始密码').fill('Window2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await login(other, username, 'Window2026');
  await expect(other.getByTestId('current-org')).toContainText('龙里县');
  // The administrator chose the password: the new clerk must set their own before any work.
  await expect(other).toHaveURL(/\/account\/password$/);
  await expect(other.getByText('请先修改初始密码')).toBeVisible();
  await other.goto('/persons');
  await expect(other).toHaveURL(/\/account\/password$/);
  await shot(other, 'first-login-change-password');
  await other.getByLabel('当前密码').fill('Window2026');
  await other.getByLabel('新密码', { exact: true }).fill('MyOwn2026x');
  await other.getByLabel('确认新密码').fill('MyOwn2026x');
  await other.getByRole('button', { name: '保存' }).click();
  await expect(other).toHaveURL(/\/$/);
  await other.goto('/persons');
  await expect(other.getByRole('heading', { name: '人员登记' })).toBeVisible();
  await context.close();
});

test('管理员查看机构与区划树', async ({ page }) => {
  await login(page, 'hn-admin');
  await page.goto('/admin/org-units');
  await expect(page.getByRole('cell', { name: '湘西土家族苗族自治州' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '433101' })).toBeVisible();
  await shot(page, 'admin-org-units');
});

test('修改密码：两次输入不一致时提示', async ({ page }) => {
  await login(page, 'wh-clerk1');
  await page.goto('/account/password');
  await page.getByLabel('当前密码').fill('Demo@2026');
  await page.getByLabel('新密码', { exact: true }).fill('NewPass2026');
  await page.getByLabel('确认新密码').fill('NewPass2027');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();
  await shot(page, 'change-password');
});

test('监管人员查看操作日志', async ({ page }) => {
  await login(page, 'qn-supervisor');
  await page.goto('/audit');
  await expect(page.getByRole('cell', { name: '登录' }).first()).toBeVisible();
  await shot(page, 'audit');
});
