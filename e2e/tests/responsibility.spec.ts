import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { login, shot } from '../fixtures/auth';
import { setServerClock } from '../fixtures/clock';

// The fourteen roles of Liaoning annex 2, as the form shows them.
const ROLES = [
  '总负责人',
  '行政部门分管负责人',
  '经办机构分管负责人',
  '行政部门直接负责人',
  '经办机构直接负责人',
  '完善大病保险政策责任人',
  '完善医疗救助政策责任人',
  '落实高值药品政策责任人',
  '“一站式”结算责任人',
  '专项救治（救助）责任人',
  '扶贫对象大排查责任人',
  '扶贫对象信息定期比对责任人',
  '扶贫对象管理台账责任人',
  '定期调度（统计）责任人',
];
const DIRECT = ['行政部门直接负责人', '经办机构直接负责人'];

/**
 * Signs in at real time, then moves the server to `at`: the session cookie's expiry follows the
 * server clock, and a cookie dated in the past would be dropped by the browser.
 */
async function loginAt(page: Page, request: APIRequestContext, username: string, at: string) {
  await page.context().clearCookies();
  await setServerClock(request, null);
  await login(page, username);
  await setServerClock(request, at);
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { path, filename: file.suggestedFilename() };
}

test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

test('省级发起辽宁责任分工表填报：市级填报、报送、退回、重报，逾期标记，导出 Excel / PDF / 打印', async ({ page, request }) => {
  test.setTimeout(180_000);
  const APRIL_1 = '2026-04-01T02:00:00Z';
  const APRIL_14 = '2026-04-14T02:00:00Z';
  const title = `2026年医疗保障扶贫责任分工表（E2E ${Date.now() % 100000}）`;

  // 1. The province supervisor opens a round for three cities.
  await loginAt(page, request, 'ln-supervisor', APRIL_1);
  await page.getByRole('navigation', { name: '主导航' }).getByText('责任分工表').click();
  await page.getByRole('link', { name: '发起填报' }).click();
  await page.getByLabel('填报任务名称').fill(title);
  await expect(page.getByRole('combobox', { name: '模板' })).toHaveValue('辽宁省医疗保障扶贫责任分工表（十四项责任）');
  await page.getByLabel('截止日期').fill('2026-04-10');
  await page.getByRole('button', { name: '发起' }).click();
  await expect(page.getByText('请至少选择一个填报单位')).toBeVisible();
  for (const city of ['沈阳市', '大连市', '鞍山市']) await page.getByLabel(city, { exact: true }).check();
  await shot(page, 'responsibility-open-round');
  await page.getByRole('button', { name: '发起' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const unitRow = (name: string) => page.locator(`tr[data-unit="${name}"]`);
  for (const city of ['沈阳市', '大连市', '鞍山市']) await expect(unitRow(city)).toContainText('未填报');
  await expect(unitRow('大连市')).toContainText('还剩 6 个工作日');

  // 2. The Shenyang clerk fills the fourteen rows; a bad phone is refused on its field.
  await loginAt(page, request, 'ln-city-clerk-shenyang', APRIL_1);
  await page.goto('/responsibility');
  await page.getByRole('link', { name: `填报 ${title}` }).click();
  await expect(page.getByRole('heading', { name: '医疗保障扶贫责任分工表 · 沈阳市' })).toBeVisible();
  for (const [n, role] of ROLES.entries()) {
    await page.getByLabel(`${role} 姓名`, { exact: true }).fill(`沈责任${n + 1}`);
    await page
      .getByLabel(`${role} 单位及部门`, { exact: true })
      .fill(DIRECT.includes(role) ? '沈阳市医疗保障局待遇保障处' : '沈阳市医疗保障局');
    await page.getByLabel(`${role} 职务`, { exact: true }).fill(DIRECT.includes(role) ? '处长' : '副局长');
    await page.getByLabel(`${role} 联系电话`, { exact: true }).fill(`1390240${String(1000 + n)}`);
  }
  await page.getByLabel('总负责人 联系电话', { exact: true }).fill('12345');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('电话号码格式不正确').first()).toBeVisible();
  await page.getByLabel('总负责人 联系电话', { exact: true }).fill('024-22881234');
  // A second person for the sweep, and an extra row the annex allows.
  await page.getByRole('button', { name: '为 扶贫对象大排查责任人 增加责任人' }).click();
  await page.getByLabel('扶贫对象大排查责任人 姓名 2', { exact: true }).fill('沈排查二');
  await page.getByLabel('扶贫对象大排查责任人 单位及部门 2', { exact: true }).fill('沈阳市医疗保障事务服务中心');
  await page.getByLabel('扶贫对象大排查责任人 职务 2', { exact: true }).fill('科员');
  await page.getByLabel('扶贫对象大排查责任人 联系电话 2', { exact: true }).fill('13904009999');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();

  // Submitting needs the division-head confirmation on the direct rows, then the seal.
  await page.getByRole('button', { name: '报送', exact: true }).click();
  await expect(page.getByText('直接负责人须为责任处（科）室或内设部门负责人，请确认').first()).toBeVisible();
  for (const role of DIRECT) await page.getByLabel(`${role} 处（科）室负责人`, { exact: true }).check();
  await shot(page, 'responsibility-clerk-form');
  await page.getByRole('button', { name: '报送', exact: true }).click();
  const seal = page.getByRole('dialog', { name: '盖章确认' });
  await seal.getByRole('button', { name: '确认报送' }).click();
  await expect(seal.getByText('请确认已加盖单位公章')).toBeVisible();
  await shot(page, 'responsibility-seal-dialog');
  await seal.getByLabel('已在纸质表上加盖本单位公章').check();
  await seal.getByLabel('盖章确认人').fill('沈盖章');
  await seal.getByRole('button', { name: '确认报送' }).click();
  await expect(page.getByText('已报送，等待上级审阅')).toBeVisible();
  await expect(page.getByText('已报送', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('第 1 版 ·')).toBeVisible();

  // 3. The supervisor returns it with a comment.
  await loginAt(page, request, 'ln-supervisor', APRIL_1);
  await page.goto('/responsibility');
  await page.getByRole('link', { name: `督办 ${title}` }).click();
  await expect(unitRow('沈阳市')).toContainText('已报送');
  await unitRow('沈阳市').getByRole('link', { name: '查看 沈阳市' }).click();
  await expect(page.getByRole('table', { name: '责任分工表' })).toContainText('024-22881234');
  await page.getByRole('button', { name: '退回修改' }).click();
  const ret = page.getByRole('dialog');
  await ret.getByRole('button', { name: '确认退回' }).click();
  await expect(ret.getByText('请填写退回意见（至少 2 个字）')).toBeVisible();
  await shot(page, 'responsibility-return-dialog');
  await ret.getByLabel('退回意见').fill('总负责人联系电话请填写手机号码');
  await ret.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('已退回 沈阳市')).toBeVisible();
  await expect(page.getByText('已退回', { exact: true }).first()).toBeVisible();

  // 4. The clerk corrects and resubmits; both versions are kept and compared.
  await loginAt(page, request, 'ln-city-clerk-shenyang', APRIL_1);
  await page.goto('/responsibility');
  await page.getByRole('link', { name: `填报 ${title}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: '退回意见：总负责人联系电话请填写手机号码' })).toBeVisible();
  await page.getByLabel('总负责人 联系电话', { exact: true }).fill('13840001234');
  await page.getByRole('button', { name: '报送', exact: true }).click();
  await page.getByRole('dialog', { name: '盖章确认' }).getByLabel('已在纸质表上加盖本单位公章').check();
  await page.getByRole('dialog', { name: '盖章确认' }).getByLabel('盖章确认人').fill('沈盖章');
  await page.getByRole('dialog', { name: '盖章确认' }).getByRole('button', { name: '确认报送' }).click();
  await expect(page.getByText('第 2 版 ·')).toBeVisible();
  const diff = page.getByRole('table', { name: '版本差异' });
  await expect(diff).toContainText('修改联系电话');
  await expect(diff).toContainText('024-22881234');
  await expect(diff).toContainText('13840001234');
  await shot(page, 'responsibility-versions');

  // 5. Exports: the workbook is read back; the PDF is a PDF; the print page has the official layout.
  const xlsx = await download(page, '导出 Excel');
  expect(xlsx.filename).toBe('医疗保障扶贫责任分工表-沈阳市.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx.path);
  const sheet = wb.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('医疗保障扶贫责任分工表');
  expect(sheet.getCell('A2').value).toBe('填报单位（盖章）：沈阳市');
  expect(sheet.getCell('D2').value).toBe('填报时间：2026年4月1日');
  expect(sheet.getRow(3).values).toEqual([undefined, '责任分工', '姓名', '单位及部门', '职务', '联系电话']);
  expect(sheet.getRow(4).values).toEqual([undefined, '总负责人', '沈责任1', '沈阳市医疗保障局', '副局长', '13840001234']);
  expect(sheet.getRow(7).values).toEqual([undefined, '行政部门直接负责人', '沈责任4', '沈阳市医疗保障局待遇保障处', '处长', '13902401003']);
  const pdf = await download(page, '导出 PDF');
  expect((await readFile(pdf.path)).subarray(0, 5).toString()).toBe('%PDF-');
  await page.getByRole('link', { name: '打印' }).click();
  const sheetView = page.getByRole('article', { name: '打印预览' });
  await expect(sheetView.getByRole('heading', { name: '医疗保障扶贫责任分工表' })).toBeVisible();
  await expect(sheetView).toContainText('填报单位（盖章）：沈阳市');
  await expect(sheetView).toContainText('填报时间：2026年4月1日');
  await expect(sheetView.locator('th')).toHaveText(['责任分工', '姓名', '单位及部门', '职务', '联系电话']);
  await expect(sheetView).toContainText('1. 直接负责人应填报行政部门和经办机构责任处（科）室或内设部门负责人。');
  await expect(sheetView).toContainText('2. 具体工作责任人可根据需要加行填报。');
  await shot(page, 'responsibility-print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // 6. After the due date the others are overdue, in working days; the reminder lists them.
  await loginAt(page, request, 'ln-supervisor', APRIL_14);
  await page.goto('/responsibility');
  await page.getByRole('link', { name: `督办 ${title}` }).click();
  await expect(unitRow('沈阳市')).toContainText('已报送');
  await expect(unitRow('大连市')).toContainText('逾期（未填报）');
  await expect(unitRow('大连市')).toContainText('已逾期 2 个工作日');
  await expect(unitRow('鞍山市')).toContainText('逾期（未填报）');
  const reminder = page.getByLabel('催报提醒内容');
  await expect(reminder).toHaveValue(/大连市（未填报，已逾期 2 个工作日）/);
  await expect(reminder).not.toHaveValue(/沈阳市/);
  await shot(page, 'responsibility-supervision-overdue');

  const rollup = await download(page, '导出汇总（Excel）');
  const all = new ExcelJS.Workbook();
  await all.xlsx.readFile(rollup.path);
  expect(all.worksheets.map((s) => s.name)).toEqual(['汇总', '沈阳市', '大连市', '鞍山市']);
  expect(all.getWorksheet('汇总')!.getRow(3).values).toEqual([undefined, '沈阳市', '已报送', '第 2 版', '2026年4月1日', '沈盖章']);
  expect(all.getWorksheet('大连市')!.getCell('A4').value).toBe('总负责人');

  await page.getByRole('link', { name: '汇总视图' }).click();
  await expect(page.getByText('沈排查二')).toBeVisible();
  await shot(page, 'responsibility-rollup');

  // 7. Who is responsible for one-stop settlement in Shenyang?
  await page.goto('/responsibility/search');
  await page.getByLabel('责任 / 姓名 / 职务').fill('一站式');
  await page.getByRole('button', { name: '查询' }).click();
  const hits = page.getByRole('table', { name: '查询结果' });
  await expect(hits).toContainText('沈阳市');
  await expect(hits).toContainText('沈责任9');
  await expect(hits).toContainText('13902401008');
  await shot(page, 'responsibility-search');
});

test('市级经办员只能看到本单位的表，看不到其他城市的表', async ({ page, request }) => {
  await loginAt(page, request, 'ln-city-clerk-dalian', '2026-04-01T02:00:00Z');
  await page.goto('/responsibility');
  await expect(page.getByRole('heading', { name: '责任分工表' })).toBeVisible();
  await expect(page.getByRole('link', { name: '发起填报' })).toHaveCount(0);
  await expect(page.getByText('督办')).toHaveCount(0);
  await shot(page, 'responsibility-clerk-list');
});
