import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';

const ROLES = [
  {
    username: 'qn-clerk1',
    role: '窗口经办',
    org: '三都水族自治县',
    sees: ['人员登记', '一站式结算', '零星报销', '转诊转院备案'],
    hidden: ['用户管理', '监管看板', '操作日志'],
  },
  {
    username: 'xn-reviewer1',
    role: '审核复核',
    org: '通城县',
    sees: ['人员登记', '一站式结算', '综合管理台账'],
    hidden: ['用户管理', '监管看板'],
  },
  { username: 'ln-supervisor', role: '领导/监管', org: '辽宁省', sees: ['监管看板', '操作日志', '责任分工表'], hidden: ['用户管理'] },
  { username: 'wh-admin', role: '系统管理', org: '威海市', sees: ['用户管理', '机构与区划', '操作日志'], hidden: [] },
];

for (const r of ROLES) {
  test(`${r.username}（${r.role}）登录后看到本角色的导航`, async ({ page }) => {
    await login(page, r.username);
    await expect(page.getByTestId('current-user')).toContainText(r.role);
    await expect(page.getByTestId('current-org')).toContainText(r.org);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of r.sees) await expect(nav.getByText(label, { exact: true })).toBeVisible();
    for (const label of r.hidden) await expect(nav.getByText(label, { exact: true })).toHaveCount(0);
    await shot(page, `home-${r.username}`);
  });
}

test('密码错误时显示中文提示，不进入系统', async ({ page }) => {
  await page.goto('/login');
  await shot(page, 'login');
  await page.getByLabel('用户名').fill('qn-clerk1');
  await page.getByLabel('密码').fill('wrong-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await shot(page, 'login-error');
  await page.getByLabel('用户名').fill('');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
});

test('未登录访问页面会跳转到登录页，登录后回到原页面', async ({ page }) => {
  await page.goto('/persons');
  await expect(page).toHaveURL(/\/login\?next=%2Fpersons/);
  await page.getByLabel('用户名').fill('hn-clerk1');
  await page.getByLabel('密码').fill('Demo@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/persons$/);
});

test('退出登录后不能再访问', async ({ page }) => {
  await login(page, 'qn-reviewer1');
  await page.getByRole('button', { name: '当前用户' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/persons');
  await expect(page).toHaveURL(/\/login/);
});

test('不存在的页面显示 404', async ({ page }) => {
  await login(page, 'qn-clerk1');
  await page.goto('/no-such-page');
  await expect(page.getByText('页面不存在')).toBeVisible();
  await shot(page, 'not-found');
});

test('监管看板已上线：导航无“建设中”标记，打开的是看板', async ({ page }) => {
  // The last planned module (decision 0003) is built; the reimbursement deadline board stays under 零星报销.
  await login(page, 'qn-supervisor');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByText('建设中')).toHaveCount(0);
  await nav.getByText('监管看板').click();
  await expect(page.getByRole('heading', { name: /^监管看板：/ })).toBeVisible();
  await expect(page.getByText('本模块正在建设中')).toHaveCount(0);
  await nav.getByText('零星报销').click();
  await expect(page.getByRole('heading', { name: '零星报销' })).toBeVisible();
});
