import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';

test('批处理任务：导航可达，列表显示任务类型筛选和空状态', async ({ page }) => {
  await login(page, 'ln-clerk1');
  await page.getByRole('navigation', { name: '主导航' }).getByText('批处理任务').click();
  await expect(page.getByRole('heading', { name: '批处理任务' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '任务类型' })).toBeVisible();
  await expect(page.getByText('暂无批处理任务')).toBeVisible();
  await shot(page, 'jobs');
});
