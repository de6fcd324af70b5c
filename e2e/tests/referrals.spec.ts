import { expect, test, type Page } from '@playwright/test';
import { login, shot } from '../fixtures/auth';
import { cnDate, cnMonth } from '../fixtures/dates';
import { chinaToday, findSeedBeneficiaries, type SeedPerson } from '../fixtures/seed-people';

let people: SeedPerson[];
test.beforeAll(async () => {
  test.setTimeout(120_000);
  people = await findSeedBeneficiaries('421222', chinaToday());
  expect(people.length).toBeGreaterThanOrEqual(2);
});

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function checkIdentity(page: Page, idNumber: string) {
  await page.getByLabel('参保人身份证号').fill(idNumber);
  await page.getByRole('button', { name: '核验身份' }).click();
}

test('通城县经办员代医院登记转往省级定点医院的转诊并备案，取得电子转诊编号', async ({ page }) => {
  const person = people[0]!;
  await login(page, 'xn-clerk1');
  await page.getByRole('navigation', { name: '主导航' }).getByText('转诊转院备案').click();
  await page.getByLabel('姓名、身份证号后几位或转诊编号').fill('ZZ1999000000');
  await expect(page.getByText('没有符合条件的转诊备案')).toBeVisible();
  await shot(page, 'referrals-empty');
  await page.getByLabel('姓名、身份证号后几位或转诊编号').fill('');

  await page.getByRole('link', { name: '登记转诊' }).click();
  await checkIdentity(page, '421222194707247760');
  await expect(page.getByText(/校验码/)).toBeVisible();
  await checkIdentity(page, person.idNumber);
  const checked = page.getByTestId('person-checked');
  await expect(checked.getByText(person.name)).toBeVisible();
  await expect(checked.getByText('通城县')).toBeVisible();
  await expect(checked.getByText(person.idNumber)).toHaveCount(0);

  // A township health centre (level 1) may not issue a Xianning referral: refused on the field, nothing stored.
  await pick(page, '出具转诊证明的医院', '通城县隽水镇卫生院（一级，通城县）');
  await pick(page, '转往医院（指定转诊定点医疗机构）', '湖北省人民医院（武汉市武昌区）');
  await page.getByLabel('诊断').fill('肺恶性肿瘤');
  await page.getByLabel('转诊原因').fill('县级医院不具备放射治疗条件');
  await page.getByLabel('计划入院日期').fill(chinaToday(3));
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('转诊证明须由二级及以上医疗机构出具（002 §三(三)）').first()).toBeVisible();
  await shot(page, 'referral-form-wrong-level');

  // Dates out of order: a clear message on the admission date.
  await pick(page, '出具转诊证明的医院', '通城县人民医院（二级，通城县）');
  await page.getByLabel('计划入院日期').fill(chinaToday(-1));
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('计划入院日期不能早于开具日期')).toBeVisible();

  await page.getByLabel('计划入院日期').fill(chinaToday(3));
  await expect(page.getByText(`本次转诊可用至 ${cnDate(chinaToday(89))}`)).toBeVisible();
  await shot(page, 'referral-form');
  await page.getByRole('button', { name: '提交' }).click();

  const year = chinaToday().slice(0, 4);
  await expect(page.getByTestId('referral-no')).toHaveText(new RegExp(`^ZZ${year}\\d{6}$`));
  const referralNo = (await page.getByTestId('referral-no').textContent())!;
  await expect(page.getByText('已备案', { exact: true })).toBeVisible();
  await expect(page.getByText('湖北省人民医院（省级转诊定点）')).toBeVisible();
  await expect(page.getByText(`90 天，至 ${cnDate(chinaToday(89))}`)).toBeVisible();
  await shot(page, 'referral-detail');

  await page.getByRole('link', { name: '返回列表' }).click();
  const row = page.locator('tbody tr', { hasText: referralNo });
  await expect(row).toContainText(person.name);
  await expect(row).toContainText('通城县人民医院');
  await expect(row).toContainText('已备案');
  await expect(row).toContainText(/421222\*{8}[\dX]{4}/);
  await shot(page, 'referrals-list');

  // A second referral overlapping the first is refused with a message naming it.
  await page.getByRole('link', { name: '登记转诊' }).click();
  await checkIdentity(page, person.idNumber);
  await expect(page.getByText(`转诊 ${referralNo}`, { exact: false })).toBeVisible();
  await pick(page, '出具转诊证明的医院', '通城县人民医院（二级，通城县）');
  await pick(page, '转往医院（指定转诊定点医疗机构）', '咸宁市中心医院（咸安区）');
  await page.getByLabel('诊断').fill('冠心病');
  await page.getByLabel('转诊原因').fill('需行冠脉介入治疗');
  await page.getByLabel('计划入院日期').fill(chinaToday(5));
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText(new RegExp(`已有有效期重叠的转诊备案 ${referralNo}`))).toBeVisible();

  // Reports: this month's count by destination and county.
  await page.goto('/referrals?tab=reports');
  const byMonth = page.locator('tbody tr', { hasText: '湖北省人民医院' }).filter({ hasText: cnMonth(chinaToday()) });
  await expect(byMonth.first()).toContainText('通城县');
  await expect(page.getByText('本年度没有未转诊的县域外住院')).toBeVisible();
  await shot(page, 'referral-reports');
});

test('异地就医备案：外出务工登记，期间重叠被拒绝', async ({ page }) => {
  const person = people[1]!;
  await login(page, 'xn-clerk1');
  await page.goto('/referrals?tab=offsite');
  await page.getByLabel('姓名、身份证号后几位或备案编号').fill('YD1999000000');
  await expect(page.getByText('没有异地就医备案')).toBeVisible();
  await page.getByRole('link', { name: '登记异地就医备案' }).click();
  await checkIdentity(page, person.idNumber);
  await expect(page.getByTestId('person-checked').getByText(person.name)).toBeVisible();
  await pick(page, '备案类型', '外出务工');
  await pick(page, '就医省份', '广东省');
  await page.getByLabel('地市区划代码').fill('440300');
  await page.getByLabel('地市名称').fill('深圳市');
  await page.getByLabel('开始日期').fill(chinaToday());
  await page.getByLabel('结束日期').fill(chinaToday(-1));
  await page.getByLabel('证明材料').fill('劳动合同');
  await page.getByLabel('材料编号或说明').fill('SZ-HT-2026-0137');
  await page.getByRole('button', { name: '备案' }).click();
  await expect(page.getByText('结束日期不能早于开始日期')).toBeVisible();
  await page.getByLabel('结束日期').fill(chinaToday(180));
  await shot(page, 'offsite-form');
  await page.getByRole('button', { name: '备案' }).click();
  await expect(page).toHaveURL(/tab=offsite/);
  const row = page.locator('tbody tr', { hasText: person.name });
  await expect(row).toContainText('外出务工');
  await expect(row).toContainText('广东省深圳市');
  await expect(row).toContainText(/YD\d{10}/);
  await shot(page, 'offsite-list');

  await page.getByRole('link', { name: '登记异地就医备案' }).click();
  await checkIdentity(page, person.idNumber);
  await pick(page, '备案类型', '临时外出就医');
  await pick(page, '就医省份', '湖南省');
  await page.getByLabel('开始日期').fill(chinaToday(10));
  await page.getByLabel('结束日期').fill(chinaToday(20));
  await page.getByLabel('证明材料').fill('转诊证明');
  await page.getByLabel('材料编号或说明').fill('湘雅医院门诊预约单');
  await page.getByRole('button', { name: '备案' }).click();
  await expect(page.getByText(/已有期间重叠的异地就医备案 YD\d{10}/)).toBeVisible();
});

test('管理员维护转诊定点名单与转诊有效期', async ({ page }) => {
  await login(page, 'xn-admin');
  await page.getByRole('navigation', { name: '主导航' }).getByText('转诊定点与有效期').click();
  const provincial = page.getByTestId('hospital-XN101');
  await expect(provincial).toContainText('湖北省人民医院');
  await expect(provincial.getByRole('radio', { name: '省级' })).toBeChecked();
  await page.getByText('仅转诊定点', { exact: true }).click();
  await expect(page.locator('tbody tr')).toHaveCount(15);
  await shot(page, 'referral-admin');
});
