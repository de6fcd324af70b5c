import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';

test('管理员调整政策参数：错误就地提示，保存后生成新版本', async ({ page }) => {
  await login(page, 'hn-admin');
  await page.getByRole('navigation', { name: '主导航' }).getByText('政策参数').click();
  await expect(page.getByRole('cell', { name: '湖南省' }).first()).toBeVisible();
  await expect(page.getByText('基本医保住院起付线（二级医院）')).toBeVisible();
  await shot(page, 'admin-params');
  await page.getByRole('button', { name: '调整' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog.getByText('请填写生效日期')).toBeVisible();
  await dialog.getByLabel('生效日期').fill('2018-01-01');
  await dialog.getByLabel('调整说明').fill('按2018年度筹资文件调整');
  await dialog.getByLabel('大病保险报销比例（普通参保人员）（%）').fill('130');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog.getByText(/100/).first()).toBeVisible();
  await shot(page, 'admin-params-error');
  await dialog.getByLabel('大病保险报销比例（普通参保人员）（%）').fill('65');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(page.getByText('已保存参数版本 2')).toBeVisible();
  await expect(page.getByRole('cell', { name: '第 2 版 最新' })).toBeVisible();
});

test('管理员维护医院名单：区划代码有误时就地提示，保存后列入名单', async ({ page }) => {
  await login(page, 'xn-admin');
  await page.goto('/admin/hospitals');
  await expect(page.getByRole('cell', { name: '湖北省人民医院' })).toBeVisible();
  await expect(page.getByText('省级转诊定点').first()).toBeVisible();
  await page.getByRole('button', { name: '新增医院' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('医院编码').fill('XN301');
  await dialog.getByLabel('医院名称').fill('崇阳县人民医院');
  await dialog.getByLabel('所在地区划代码').fill('4212');
  await dialog.getByLabel(/^所在地\s*\*?$/).fill('崇阳县');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('所在地区划代码应为 6 位数字')).toBeVisible();
  await dialog.getByLabel('所在地区划代码').fill('421223');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '崇阳县人民医院' })).toBeVisible();
  await shot(page, 'admin-hospitals');
});
