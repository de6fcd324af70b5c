import { expect, test } from '@playwright/test';
import { shot } from '../../fixtures/auth';
import { actAs, setServerClock } from '../../fixtures/clock';
import { cnDate } from '../../fixtures/dates';

test.use({ actionTimeout: 20_000 });
test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

// Issue 12 (decision 0009): four eyes on every movement of money. The journeys use 2020 and their own
// hospital so that the 2019 journeys (board counts, accumulators) see nothing of them.

test('零星报销：初审经办不能支付（页面说明原因）；收款账户变更由另一人审批；未参与办理的人核对金额和账户后支付', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await actAs(page, request, 'qn-clerk1', '2020-06-15');
  await page.goto('/reimbursements/new');
  await page.getByRole('combobox', { name: '参保人' }).fill('韦秀兰');
  await page
    .getByRole('option', { name: /韦秀兰/ })
    .first()
    .click();
  await page.getByRole('combobox', { name: '就诊医院' }).click();
  await page.getByRole('option', { name: /^中南大学湘雅医院/ }).click();
  await page.getByLabel('入院日期').fill('2020-06-01');
  await page.getByLabel('出院日期').fill('2020-06-08');
  await page.getByLabel('诊断').fill('2型糖尿病伴酮症酸中毒');
  await page.getByLabel('医疗总费用（元）').fill('18000');
  await page.getByLabel('政策范围内费用（元）').fill('16000');
  for (const item of [
    '医保证（卡）复印件',
    '身份证复印件或户口簿复印件',
    '住院原始发票',
    '出院小结',
    '住院费用清单',
    '银行存折（卡）复印件',
  ]) {
    await page.getByLabel(item).check();
  }
  // The payee is captured at intake: the registered account by default, shown masked.
  await expect(page.getByTestId('intake-registered-account')).toContainText('***************0019');
  await shot(page, 'four-eyes-intake-payee');
  await page.getByText('按存折（卡）填写其他账户').click();
  await expect(page.getByTestId('intake-payee').getByLabel('银行账号')).toBeVisible();
  await shot(page, 'four-eyes-intake-payee-entered');
  await page.getByText('参保人登记账户', { exact: true }).click();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待登记录入');
  await expect(page.getByTestId('payee-account')).toHaveText('***************0019');
  const caseUrl = page.url();
  await page.getByRole('button', { name: '完成病案登记录入' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待调查核实');
  await page.getByRole('button', { name: '完成病案调查核实' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待初审');
  await page.getByRole('button', { name: '完成初审' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待复核');
  const payable = (await page.getByTestId('payable').textContent())?.match(/[\d,]+\.\d{2}/)?.[0] ?? '';
  expect(payable).not.toBe('');

  // 复核 by a reviewer who took no part: confirms the amount and the masked account, ticking the check.
  await actAs(page, request, 'qn-reviewer1', '2020-06-16');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '完成复核' }).click();
  const review = page.getByRole('dialog', { name: '确认复核' });
  await expect(review.getByTestId('confirm-amount')).toContainText(`${payable} 元`);
  await expect(review.getByTestId('confirm-account')).toHaveText('***************0019');
  await review.getByRole('button', { name: '确认复核' }).click();
  await expect(review.getByText('请先确认：已核对收款人、开户行和账号与银行存折（卡）复印件一致')).toBeVisible();
  await review.getByLabel('已核对收款人、开户行和账号与银行存折（卡）复印件一致').check();
  await shot(page, 'four-eyes-second-review-confirm');
  await review.getByRole('button', { name: '确认复核' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待支付');

  // The 初审 clerk cannot pay: the page says why, and offers no payment.
  await actAs(page, request, 'qn-clerk1', '2020-06-17');
  await page.goto(caseUrl);
  await expect(page.getByTestId('step-blocked')).toHaveText(
    '支付须由未参与本案受理、初审、复核和收款账户变更的人员办理（您是本案的受理人、初审人），请由其他人员办理',
  );
  await expect(page.getByRole('button', { name: '支付', exact: true })).toHaveCount(0);
  await shot(page, 'four-eyes-clerk-cannot-pay');

  // The patient's card was lost: the clerk proposes the new account, with a reason.
  await page.getByRole('button', { name: '提出收款账户变更' }).click();
  const propose = page.getByRole('dialog', { name: '提出收款账户变更' });
  await propose.getByLabel('开户行').fill('贵州银行三都支行');
  await propose.getByLabel('银行账号').fill('6228 4800 1234 5670 04x');
  await propose.getByRole('button', { name: '提交审批' }).click();
  await expect(propose.getByText('银行账号应为 12–30 位数字')).toBeVisible();
  await expect(propose.getByText('请填写变更原因')).toBeVisible();
  await shot(page, 'four-eyes-payee-change-errors');
  await propose.getByLabel('银行账号').fill('6228 4800 1234 5670 042');
  await propose.getByLabel('变更原因').fill('原银行卡已挂失，按新卡复印件变更');
  await propose.getByRole('button', { name: '提交审批' }).click();
  const pending = page.getByTestId('payee-pending');
  await expect(pending).toContainText('原账户：韦秀兰 农村信用社 ***************0019');
  await expect(pending).toContainText('新账户：韦秀兰 贵州银行三都支行 ***************0042');
  await expect(page.getByTestId('payee-panel')).not.toContainText('6228480012345670042');
  await shot(page, 'four-eyes-payee-change-pending');

  // Another person (a reviewer) approves it after seeing old and new, masked.
  await actAs(page, request, 'qn-reviewer1', '2020-06-17');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '批准变更' }).click();
  const approve = page.getByRole('dialog', { name: '批准收款账户变更' });
  await expect(approve.getByTestId('confirm-new-account')).toHaveText('韦秀兰 贵州银行三都支行 ***************0042');
  await expect(approve.getByTestId('confirm-amount')).toContainText(`${payable} 元`);
  await approve.getByLabel('已核对新账户与银行存折（卡）复印件一致').check();
  await shot(page, 'four-eyes-payee-change-approve');
  await approve.getByRole('button', { name: '批准变更' }).click();
  await expect(page.getByTestId('payee-account')).toHaveText('***************0042');
  await expect(page.getByTestId('payee-pending')).toHaveCount(0);
  // The reviewer did the 复核 and approved the account: not theirs to pay either.
  await expect(page.getByTestId('step-blocked')).toContainText('（您是本案的复核人、收款账户变更审批人）');
  await shot(page, 'four-eyes-payee-changed');

  // A reviewer who took no part pays, after confirming the amount and the masked account.
  await actAs(page, request, 'qn-reviewer1b', '2020-06-18');
  await page.goto(caseUrl);
  await page.getByLabel('支付凭证号').fill('ZF20200618001');
  await page.getByRole('button', { name: '支付', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: '确认支付' });
  await expect(confirm.getByTestId('confirm-amount')).toContainText(`${payable} 元`);
  await expect(confirm.getByTestId('confirm-amount')).toContainText('大写：');
  await expect(confirm.getByTestId('confirm-payee-name')).toHaveText('韦秀兰');
  await expect(confirm.getByTestId('confirm-account')).toHaveText('***************0042');
  await shot(page, 'four-eyes-pay-confirm');
  await confirm.getByRole('button', { name: '确认支付' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已支付');
  await expect(page.getByTestId('payment')).toContainText(`支付 ${payable} 元至 韦秀兰 账户 ***************0042`);
  await expect(page.getByTestId('payment')).not.toContainText('6228480012345670042');
  await shot(page, 'four-eyes-paid');
});

test('医院垫付：申报人不能批准结清，另一名审核人员批准 70% 和审核结清；分次拨付、追回按实际日期登记', async ({ page, request }) => {
  test.setTimeout(240_000);
  const hospital = '瓮安县雍阳街道社区卫生服务中心';
  // A reviewer on window duty declares: the role alone would let them approve, the separation table does not.
  await actAs(page, request, 'qn-reviewer2', '2020-12-01');
  await page.goto('/reimbursements/advances');
  await page.getByRole('button', { name: '登记垫付申报' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '定点医疗机构' }).click();
  await page.getByRole('option', { name: hospital }).click();
  await dialog.getByLabel('结算期间起').fill('2020-11-01');
  await dialog.getByLabel('结算期间止').fill('2020-11-30');
  await dialog.getByLabel('收到申报日期').fill('2020-12-01');
  await dialog.getByLabel('基本医保垫付（元）').fill('60000000');
  // Above the plausible limit (a local parameter, 5 000 万元): a reason is required.
  await expect(dialog.getByText('超过单次垫付申报合理上限 50,000,000.00 元')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写超限说明（至少 4 个字）')).toBeVisible();
  await shot(page, 'four-eyes-advance-limit');
  await dialog.getByLabel('超限说明').fill('年度清算集中申报，附逐月明细');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('advance-row').filter({ hasText: hospital }).first();
  await expect(row).toContainText('60,000,000.00');
  await expect(row).toContainText('超过合理上限');
  await expect(row.getByTestId('advance-blocked')).toHaveText(
    '70% 预付须由申报登记人以外的审核人员批准（您是本申报的登记人），请由其他人员办理',
  );
  await expect(row.getByRole('button', { name: '批准 70% 预付' })).toHaveCount(0);
  await shot(page, 'four-eyes-advance-declarer-blocked');

  // Another reviewer approves the 70 %, seeing the amount and the declarer's reason.
  await actAs(page, request, 'qn-reviewer2b', '2020-12-02');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '批准 70% 预付' }).click();
  await expect(dialog.getByTestId('confirm-amount')).toContainText('42,000,000.00 元');
  await expect(dialog).toContainText('年度清算集中申报，附逐月明细');
  await dialog.getByLabel('已核对申报材料，同意拨付申报总额的 70%').check();
  await shot(page, 'four-eyes-advance-approve-first');
  await dialog.getByRole('button', { name: '批准' }).click();
  await expect(row.getByTestId('advance-blocked')).toContainText('70% 预付须由批准人以外的人员拨付');
  await expect(row.getByRole('button', { name: '支付 70%' })).toHaveCount(0);

  // The clerk pays the 70 % in two transfers, each on the day it was made.
  await actAs(page, request, 'qn-clerk2', '2020-12-04');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '支付 70%' }).click();
  await expect(dialog.getByLabel('本次支付金额（元）')).toHaveValue('42000000.00');
  await dialog.getByLabel('本次支付金额（元）').fill('20000000');
  await dialog.getByLabel('支付日期').fill('2020-12-03');
  await dialog.getByLabel('支付凭证号').fill('YF20201203');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByTestId('confirm-amount')).toContainText('20,000,000.00 元');
  await shot(page, 'four-eyes-advance-pay-confirm');
  await dialog.getByRole('button', { name: '确认支付' }).click();
  await expect(row).toContainText('22,000,000.00');
  await row.getByRole('button', { name: '支付 70%' }).click();
  await dialog.getByLabel('支付凭证号').fill('YF20201204');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '确认支付' }).click();
  await expect(row).toContainText('按时已付 42,000,000.00');

  // After review the approved total is below what was paid: the overpayment is to be recovered.
  await actAs(page, request, 'qn-reviewer2b', '2020-12-15');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '审核结清' }).click();
  await dialog.getByLabel('审核确认总额（元）').fill('40000000');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByTestId('confirm-rest')).toHaveText('2,000,000.00 元');
  await expect(dialog).toContainText('应追回多付');
  await dialog.getByLabel('已完成审核，确认以上总额').check();
  await shot(page, 'four-eyes-advance-approve-total');
  await dialog.getByRole('button', { name: '确认审核结清' }).click();
  await expect(row.getByTestId('advance-ledger-cell')).toContainText(/应追回\s*2,000,000\.00/);
  await expect(row).toContainText('待追回多付资金');

  await actAs(page, request, 'qn-clerk2', '2020-12-18');
  await page.goto('/reimbursements/advances');
  await row.getByRole('button', { name: '登记追回' }).click();
  await expect(dialog.getByLabel('追回金额（元）')).toHaveValue('2000000.00');
  await dialog.getByLabel('追回日期').fill('2020-12-17');
  await dialog.getByLabel('追回凭证号').fill('ZH20201217');
  await dialog.getByLabel('追回原因').fill('审核核减不合规费用，医院退回多付');
  await shot(page, 'four-eyes-advance-recover');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByTestId('confirm-amount')).toContainText('2,000,000.00 元');
  await expect(dialog).toContainText(cnDate('2020-12-17'));
  await shot(page, 'four-eyes-advance-recover-confirm');
  await dialog.getByRole('button', { name: '确认登记追回' }).click();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '全部' }).click();
  await expect(row).toContainText('已结清');
  for (const figure of ['60,000,000.00', '40,000,000.00', '42,000,000.00', '2,000,000.00']) await expect(row).toContainText(figure);
  await shot(page, 'four-eyes-advances-list');
  await row.getByRole('button', { name: /^DF2020/ }).click();
  await expect(dialog.getByTestId('advance-ledger')).toContainText('40,000,000.00');
  await expect(dialog.getByTestId('advance-outstanding')).toHaveText('0.00');
  await expect(dialog).toContainText('审核核减不合规费用，医院退回多付');
  await shot(page, 'four-eyes-advance-detail');
});
