import { expect, test } from '@playwright/test';
import { login, shot } from '../../fixtures/auth';
import { fillInpatientClaim } from '../../fixtures/claims';

/**
 * One inpatient claim per jurisdiction, each the worked example of the rules (RULES §9) on a
 * named demo person of the seed. The preview (computed in the browser) and the saved slip
 * (recomputed on the server) must both show the example's amounts.
 */
const CASES = [
  {
    profile: 'qiannan-2019（例 1）',
    user: 'qn-clerk1',
    person: '王建国',
    hospital: '三都水族自治县人民医院',
    admission: '2019-08-25',
    discharge: '2019-09-02',
    total: '30000',
    inScope: '28000',
    amounts: { basic: '20,625.00', critical: '1,543.75', assistance: '4,081.88' },
    patient: '3,749.37',
    capital: '叁仟柒佰肆拾玖元叁角柒分',
  },
  {
    profile: 'hunan-2017（例 9）',
    user: 'hn-clerk1',
    person: '李秀英',
    hospital: '长沙县人民医院',
    admission: '2017-08-25',
    discharge: '2017-09-01',
    total: '20000',
    inScope: '19000',
    amounts: { basic: '15,725.00' },
    patient: '4,275.00',
    capital: '肆仟贰佰柒拾伍元整',
  },
  {
    profile: 'xianning-2022（例 10）',
    user: 'xn-clerk1',
    person: '张志强',
    hospital: '通城县隽水镇卫生院',
    admission: '2022-05-03',
    discharge: '2022-05-10',
    total: '15000',
    inScope: '14800',
    amounts: { basic: '12,410.00', assistance: '1,673.00' },
    patient: '917.00',
    capital: '玖佰壹拾柒元整',
  },
  {
    profile: 'liaoning-2019（例 12）',
    user: 'ln-clerk1',
    person: '陈玉兰',
    hospital: '康平县人民医院',
    admission: '2019-06-01',
    discharge: '2019-06-10',
    total: '80000',
    inScope: '75000',
    amounts: { basic: '55,875.00', critical: '2,681.25', assistance: '10,688.44' },
    patient: '10,755.31',
    capital: '壹万零柒佰伍拾伍元叁角壹分',
  },
  {
    profile: 'weihai-2019（例 13）',
    user: 'wh-clerk1',
    person: '赵德福',
    hospital: '威海市环翠区医院',
    admission: '2019-08-01',
    discharge: '2019-08-10',
    total: '60000',
    inScope: '56000',
    amounts: { basic: '41,625.00', critical: '6,093.75', assistance: '5,796.88' },
    patient: '6,484.37',
    capital: '陆仟肆佰捌拾肆元叁角柒分',
  },
];

for (const c of CASES) {
  test(`${c.profile}：录入住院结算，预览与结算单金额一致，并打印一单清`, async ({ page }) => {
    await login(page, c.user);
    await fillInpatientClaim(page, c);
    const preview = page.getByTestId('settlement-table');
    for (const [tier, amount] of Object.entries(c.amounts)) await expect(preview.getByTestId(`amount-${tier}`)).toHaveText(amount);
    await expect(preview.getByTestId('patient-pays')).toHaveText(c.patient);
    await shot(page, `claim-new-${c.user}`);
    await page.getByRole('button', { name: '保存结算' }).click();
    const slip = page.getByTestId('slip');
    await expect(slip).toBeVisible();
    await expect(slip.getByTestId('slip-patient-pays')).toHaveText(`个人自付：${c.patient} 元`);
    await expect(slip.getByTestId('slip-capital')).toHaveText(`大写：${c.capital}`);
    for (const amount of Object.values(c.amounts)) await expect(slip.getByRole('cell', { name: amount, exact: true })).toBeVisible();
    await expect(slip).toContainText(/\d{6}\*{8}[\dX]{4}/);
    await expect(slip).toContainText('患者（家属）签字');
    await shot(page, `claim-slip-${c.user}`);
    await page.emulateMedia({ media: 'print' });
    await shot(page, `claim-slip-print-${c.user}`);
    const pdf = await page.request.get(page.url().replace(/\/claims\/([^/]+)$/, '/api/claims/$1/slip.pdf'));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: '查看参保人' }).click();
    const acc = page.getByTestId('accumulators');
    await expect(acc).toContainText(`${c.amounts.basic} / `);
    await expect(page.getByRole('link', { name: /^JS/ })).toHaveCount(1);
    await shot(page, `person-claims-${c.user}`);
  });
}
