import { expect, test } from '@playwright/test';
import { shot } from '../../fixtures/auth';
import { actAs, chinaMorning, setServerClock } from '../../fixtures/clock';
import { cnDate } from '../../fixtures/dates';

test.use({ actionTimeout: 20_000 });

test.afterEach(async ({ request }) => {
  await setServerClock(request, null);
});

test('零星报销：材料不全受理 → 补齐起算 → 疑问病案跨国庆暂停 → 初审、退回、复核 → 支付，看板显示按时办结', async ({ page, request }) => {
  test.setTimeout(180_000);
  await actAs(page, request, 'qn-clerk1', '2019-09-16');

  // 受理 with 出院小结 missing.
  await page.goto('/reimbursements');
  await page.getByRole('link', { name: '受理报销' }).click();
  await page.getByRole('combobox', { name: '参保人' }).fill('王建国');
  await page
    .getByRole('option', { name: /王建国/ })
    .first()
    .click();
  await page.getByRole('combobox', { name: '就诊医院' }).click();
  await page.getByRole('option', { name: /^中南大学湘雅医院/ }).click();
  await page.getByLabel('入院日期').fill('2019-09-01');
  await page.getByLabel('出院日期').fill('2019-09-10');
  await page.getByLabel('诊断').fill('慢性阻塞性肺疾病急性加重');
  await page.getByLabel('医疗总费用（元）').fill('30000');
  await page.getByLabel('政策范围内费用（元）').fill('28000');
  for (const item of ['医保证（卡）复印件', '身份证复印件或户口簿复印件', '住院原始发票', '住院费用清单', '银行存折（卡）复印件']) {
    await page.getByLabel(item).check();
  }
  await expect(page.getByText('尚缺 1 项材料')).toBeVisible();
  await shot(page, 'reimbursement-intake');
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待补材料');
  await expect(page.getByText('未起算（待补材料）')).toBeVisible();
  await shot(page, 'reimbursement-awaiting-documents');
  const caseUrl = page.url();

  // 一次性告知书 lists exactly what is missing.
  await page.getByRole('link', { name: '打印一次性告知书' }).click();
  await expect(page.getByTestId('notice')).toContainText('一次性告知');
  await expect(page.getByTestId('notice-missing').getByRole('listitem')).toHaveText(['出院小结']);
  await shot(page, 'reimbursement-notice');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'reimbursement-notice-print');
  await page.emulateMedia({ media: 'screen' });

  // Friday 2019-09-20: the summary arrives, the 25 working days start.
  await setServerClock(request, chinaMorning('2019-09-20'));
  await page.goto(caseUrl);
  await page.getByLabel('出院小结').check();
  await page.getByRole('button', { name: '登记补交材料' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待登记录入');
  // RULES §6: 25 working days after Friday 09-20, Sunday 09-29 and Saturday 10-12 worked, 10-01..07 off → 2019-10-30.
  await expect(page.getByTestId('due-date')).toHaveText(cnDate('2019-10-30'));
  await expect(page.getByTestId('days-used-left')).toHaveText('0 / 25');

  await page.getByLabel('病案登记录入意见').fill('已录入病案首页');
  await page.getByRole('button', { name: '完成病案登记录入' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待调查核实');
  await page.getByRole('button', { name: '完成病案调查核实' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待初审');

  // Thursday 09-26: the invoice total does not match the cost list → 疑问病案, clock stops.
  await setServerClock(request, chinaMorning('2019-09-26'));
  await page.goto(caseUrl);
  await expect(page.getByTestId('days-used-left')).toHaveText('4 / 21');
  await page.getByRole('button', { name: '标记特殊/疑问病案' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('dialog').getByText('请填写原因（至少 4 个字）')).toBeVisible();
  await shot(page, 'reimbursement-hold-dialog');
  await page.getByRole('dialog').getByLabel('原因').fill('发票金额与费用清单不符，需向医院核实');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('hold-badge')).toHaveText('疑问病案');
  await expect(page.getByRole('button', { name: '完成初审' })).toHaveCount(0);

  // Wednesday 10-09, after the National Day week: the hospital explains; the clock resumes.
  await setServerClock(request, chinaMorning('2019-10-09'));
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '解除标记，恢复计时' }).click();
  await page.getByRole('dialog').getByLabel('处理结果').fill('医院出具说明，发票含外购药品');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('hold-badge')).toHaveCount(0);
  // Hand count. Start Fri 09-20 (not counted). Counted: 09-23 (1), 09-24 (2), 09-25 (3).
  // Suspended 09-26..10-09, both ends included: 09-26, 09-27, Sun 09-29 (worked), 09-30, 10-08, 10-09
  // are not counted; 10-01..10-07 are holidays anyway. Then 10-10 (4), 10-11 (5), Sat 10-12 worked (6),
  // 10-14..10-18 (7–11), 10-21..10-25 (12–16), 10-28..11-01 (17–21), 11-04 (22), 11-05 (23), 11-06 (24),
  // 11-07 (25) → due Thursday 2019-11-07, i.e. 2019-10-30 moved by the 6 suspended working days.
  await expect(page.getByTestId('due-date')).toHaveText(cnDate('2019-11-07'));
  await expect(page.getByTestId('days-used-left')).toHaveText('3 / 22');
  await shot(page, 'reimbursement-after-hold');

  await page.getByLabel('初审意见').fill('费用核对无误');
  await page.getByRole('button', { name: '完成初审' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待复核');
  await expect(page.getByTestId('payable')).toContainText('应支付参保人');

  // The reviewer sends it back once, then the clerk redoes 初审 and the reviewer confirms.
  await actAs(page, request, 'qn-reviewer1', '2019-10-10');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '退回上一步' }).click();
  await page.getByRole('dialog').getByLabel('退回原因').fill('请核对住院天数');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待初审');

  await actAs(page, request, 'qn-clerk1', '2019-10-11');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '完成初审' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待复核');

  await actAs(page, request, 'qn-reviewer1', '2019-10-14');
  await page.goto(caseUrl);
  await page.getByLabel('复核意见').fill('复核无误');
  await page.getByRole('button', { name: '完成复核' }).click();
  // 复核 confirms the amount and the payee (masked) against the 银行存折（卡）复印件.
  const review = page.getByRole('dialog', { name: '确认复核' });
  await expect(review.getByTestId('confirm-account')).toHaveText('***************0019');
  await review.getByLabel('已核对收款人、开户行和账号与银行存折（卡）复印件一致').check();
  await review.getByRole('button', { name: '确认复核' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待支付');

  // Monday 10-28: payment to the registered account, shown masked, by a person who took no part in the case (decision 0009).
  await actAs(page, request, 'qn-reviewer1b', '2019-10-28');
  await page.goto('/reimbursements');
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  // The queue pages by keyset with the list's count (decision 0013).
  await expect(page.getByText(/^共 [\d,]+ \S+$/)).toBeVisible();
  await shot(page, 'reimbursement-queue');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '支付', exact: true }).click();
  await expect(page.getByText('请填写支付凭证号（至少 4 位）')).toBeVisible();
  await shot(page, 'reimbursement-pay-errors');
  await page.getByLabel('支付凭证号').fill('ZF20191028001');
  await page.getByRole('button', { name: '支付', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: '确认支付' });
  await expect(confirm.getByTestId('confirm-account')).toHaveText('***************0019');
  await confirm.getByRole('button', { name: '确认支付' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已支付');
  await expect(page.getByTestId('payment')).toContainText('凭证号 ZF20191028001');
  await expect(page.getByTestId('payment')).toContainText('0019');
  await expect(page.getByTestId('payment')).not.toContainText('6217000000000000019');
  await expect(page.getByTestId('clock-badge')).toHaveText('按时办结');
  await expect(page.getByText('暂停计时', { exact: false }).first()).toBeVisible();
  await shot(page, 'reimbursement-paid');

  // The supervisor's board for September 2019 (month of receipt): 三都 paid on time, 100 %.
  await actAs(page, request, 'qn-supervisor', '2019-10-28');
  await page.goto('/reimbursements/board');
  await page.getByLabel('受理月份').fill('2019-09');
  const row = page.getByTestId('board-row-522732');
  await expect(row).toContainText('三都水族自治县');
  await expect(row.locator('td').nth(1)).toHaveText('1');
  await expect(row.locator('td').nth(2)).toHaveText('1');
  await expect(row.locator('td').nth(7)).toHaveText('100.0%');
  await expect(page.getByTestId('no-overdue')).toBeVisible();
  await shot(page, 'reimbursement-board');
});
