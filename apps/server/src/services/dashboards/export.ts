import type { z } from 'zod';
import type { Writable } from 'node:stream';
import type { ZDashboardInput } from '@portal/rules';
import { createStreamingWorkbook, safeCells, yuanCell } from '../../lib/xlsx.js';
import { getBenefitsDashboard } from './benefits.js';
import { type ActorContext, chinaDate, withTransaction, writeAudit } from '../../core/index.js';

type Cell = string | number | null;

/**
 * The dashboard as .xlsx: one sheet per panel with the same figures as the page (amounts in yuan
 * with two decimals, ratios in percent). The figures are aggregates, so no personal data is in it;
 * the export is still audited like every other.
 */
export async function exportDashboard({ ctx, input, out }: { ctx: ActorContext; input: z.output<typeof ZDashboardInput>; out: Writable }) {
  const d = await getBenefitsDashboard({ ctx, input });
  await withTransaction(ctx, (ctx) =>
    writeAudit(ctx, {
      action: 'dashboard.export',
      entity: 'org_unit',
      entityId: d.scope.orgUnitId,
      regionPath: d.scope.path,
      after: { year: d.year },
    }),
  );
  const wb = createStreamingWorkbook(out);
  const sheet = (name: string, heading: string[], rows: Cell[][]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = heading.map((_, i) => ({ width: i === 0 ? 24 : 16 }));
    const title = ws.addRow(safeCells([`${d.scope.name} ${d.year} 年监管看板：${name}　导出日期：${chinaDate(ctx.now())}　金额单位：元`]));
    title.font = { bold: true };
    title.commit();
    const head = ws.addRow(heading);
    head.font = { bold: true };
    head.commit();
    for (const r of rows) ws.addRow(safeCells(r)).commit();
    ws.commit();
  };
  const sums = ['结算人次', '医疗总费用', '政策范围内费用', '基本医保', '大病保险', '医疗救助', '减免及倾斜救助', '各项合计', '个人自付'];
  const sumCells = (s: (typeof d)['totals']): Cell[] => [
    s.claims,
    ...[s.totalCost, s.inScopeCost, s.basic, s.critical, s.assistance, s.other, s.fundPaid, s.patientPays].map(yuanCell),
  ];
  sheet(
    '概况',
    ['指标', '数值', '说明'],
    [
      ['结算人次', d.totals.claims, null],
      ['医疗总费用（元）', yuanCell(d.totals.totalCost), null],
      ['住院政策范围内实际报销比例（%）', d.ratios.inpatientInScope.percent, d.ratios.inpatientInScope.explain],
      ['政策目标（%）', d.ratios.target?.percent ?? null, d.ratios.target?.label ?? '该地政策未设目标'],
      ['综合保障比例（%）', d.ratios.combined.percent, d.ratios.combined.explain],
      ['次均个人自付（元）', yuanCell(d.ratios.averageOutOfPocket), null],
      ['个人自付占比（%）', d.ratios.outOfPocketShare.percent, d.ratios.outOfPocketShare.explain],
      ['县域外住院人次', d.referrals.outOfCounty, null],
      ['其中已转诊', d.referrals.referred, `视同转诊 ${d.referrals.overrides}`],
      ['其中未转诊', d.referrals.unreferred, null],
    ],
  );
  sheet(
    '下级区划',
    ['区划', ...sums, '住院政策范围内报销比例（%）'],
    d.children.map((c) => [c.name, ...sumCells(c), c.inpatientRatio]),
  );
  sheet(
    '各月',
    ['月份', ...sums],
    d.months.map((m) => [`${m.month}月`, ...sumCells(m)]),
  );
  sheet(
    '身份类别',
    ['身份类别', ...sums],
    d.categories.map((c) => [c.label, ...sumCells(c)]),
  );
  sheet(
    '医疗机构',
    ['医疗机构', '结算人次', '医疗总费用', '目录外费用', '目录外占比（%）', '控制比例（%）', '是否超限', '医院承担'],
    d.hospitals.map((h) => [
      h.name,
      h.claims,
      yuanCell(h.totalCost),
      yuanCell(h.outOfScope),
      h.sharePercent,
      h.limitPercent,
      h.isOverLimit ? '超限' : '',
      yuanCell(h.hospitalBorne),
    ]),
  );
  await wb.commit();
}
