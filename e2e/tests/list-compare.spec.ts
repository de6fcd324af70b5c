import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';
import { uniqueTestIdNumber } from '../fixtures/id-number';

test('上传名单比对：错误表头被拒；预览新增与有误行及原因；确认应用后批次留档', async ({ page }) => {
  await login(page, 'xn-clerk1');
  await page.getByRole('navigation', { name: '主导航' }).getByText('信息比对').click();
  await page.getByRole('combobox', { name: '名单来源部门' }).click();
  await page.getByRole('option', { name: '民政部门' }).click();
  await page.getByLabel('名单日期').fill('2025-06-30');

  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '错误表头.csv', mimeType: 'text/csv', buffer: Buffer.from('编号,名字\n1,张三\n') });
  await page.getByRole('button', { name: '上传并比对' }).click();
  await expect(page.getByText(/表头不符/)).toBeVisible();
  await shot(page, 'list-upload-bad-header');

  const newcomer = uniqueTestIdNumber('421222');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '人员类别', '认定日期', '户籍类型']);
  ws.addRow(['比对新人', newcomer, '低保对象', '2025-05-01', '农村']);
  ws.addRow(['', uniqueTestIdNumber('421222'), '低保对象', '', '']);
  ws.addRow(['号码错误', '42122219900101123', '低保对象', '', '']);
  ws.addRow(['类别错误', uniqueTestIdNumber('421222'), '富裕户', '', '']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await page.locator('input[type=file]').setInputFiles({
    name: '民政低保名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.getByRole('button', { name: '上传并比对' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('新增（1）')).toBeVisible();
  await expect(dialog.getByText('比对新人')).toBeVisible();
  await dialog.getByRole('tab', { name: /有误（3）/ }).click();
  await expect(dialog.getByText('缺少姓名')).toBeVisible();
  await expect(dialog.getByText(/身份证号有误：身份证号码应为 18 位/)).toBeVisible();
  await expect(dialog.getByText('未知的人员类别“富裕户”')).toBeVisible();
  await shot(page, 'list-preview-invalid');
  await dialog.getByRole('button', { name: '确认应用' }).click();
  // The confirmation states the counts of what will change before anything is written.
  const confirm = dialog.getByTestId('confirm-apply');
  await expect(confirm).toContainText('将新增 1 项');
  await expect(confirm).toContainText('有误的 3 行不写入');
  await shot(page, 'list-confirm-apply');
  await dialog.getByRole('button', { name: /^应用 \d+ 项变化$/ }).click();
  await expect(page.getByText('比对结果已应用')).toBeVisible();
  const row = page.locator('tbody tr', { hasText: '民政低保名单.xlsx' });
  await expect(row.getByText('已应用')).toBeVisible();
  await expect(row.getByText(/^1 \/ \d+ \/ 0 \/ 3$/)).toBeVisible();
  await shot(page, 'list-batches');

  await page.goto('/persons');
  await page.getByLabel('姓名或身份证号').fill(newcomer);
  await expect(page.locator('tbody tr', { hasText: '比对新人' }).getByText('低保对象')).toBeVisible();

  // Reverting the batch restores the registry as it was: the newcomer is gone again.
  await page.getByRole('navigation', { name: '主导航' }).getByText('信息比对').click();
  await page.locator('tbody tr', { hasText: '民政低保名单.xlsx' }).first().getByRole('button', { name: '查看' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤销应用' }).click();
  await expect(page.getByRole('dialog').getByTestId('confirm-revert')).toContainText('将删除本批新增的 1 项');
  await shot(page, 'list-confirm-revert');
  await page.getByRole('dialog').getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText('已撤销本批应用')).toBeVisible();
  await expect(page.locator('tbody tr', { hasText: '民政低保名单.xlsx' }).first().getByText('已撤销')).toBeVisible();
  await shot(page, 'list-batches-reverted');
  await page.goto('/persons');
  await page.getByLabel('姓名或身份证号').fill(newcomer);
  await expect(page.getByText('比对新人')).toHaveCount(0);
});
