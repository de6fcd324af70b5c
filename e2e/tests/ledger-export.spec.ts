import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { login, shot } from '../fixtures/auth';

test('综合管理台账：按年度显示 36 列，导出的 Excel 带文件列名和序号', async ({ page }) => {
  await login(page, 'ln-clerk1');
  await page.getByRole('navigation', { name: '主导航' }).getByText('综合管理台账').click();
  await expect(page.getByRole('heading', { name: '医疗保障扶贫对象综合管理台账' })).toBeVisible();
  await page.getByLabel('年度').fill('2020');
  await expect(page.locator('tbody tr').first().locator('td').nth(4)).toHaveText(/^\d{6}\*+[\dX]{4}$/);
  await expect(page.getByTestId('export-masking')).toHaveText('导出文件中的身份证号已脱敏；如需完整号码，请管理员开通完整导出');
  await shot(page, 'ledger');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const download = await downloadPromise;
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('医疗保障扶贫对象综合管理台账');
  expect(ws.getCell(3, 5).value).toBe('身份证号');
  expect(ws.getCell(3, 6).value).toBe('是否为建档立卡贫困人口（含脱贫继续享受扶贫政策人员）');
  expect(ws.getCell(4, 31).value).toBe('住院');
  expect(ws.getCell(5, 31).value).toBe('住院次数');
  expect(ws.getCell(6, 1).value).toBe(1);
  expect(ws.getCell(6, 36).value).toBe(36);
  const row = ws.getRow(7);
  // Without the administrator's full-export grant, ID numbers leave the server masked.
  expect(String(row.getCell(5).value)).toMatch(/^21\d{4}\*{8}\d{3}[\dX]$/);
  expect(['是', '否']).toContain(row.getCell(6).value);
  expect(typeof row.getCell(19).value).toBe('number');
});
