import type { Writable } from 'node:stream';
import { asc, eq, persons, subsidyRunItems } from '@portal/db';
import { maskIdNumber, PROFILES } from '@portal/rules';
import { categoryLabelOf } from './labels.js';
import { createStreamingWorkbook, safeCells, yuanCell } from '../../lib/xlsx.js';
import { loadScopedRun, summariseRun } from './runs.js';
import { type ActorContext, writeAudit, withTransaction } from '../../core/index.js';

const PAGE = 2000;

/** A run as .xlsx: the summary by county and category, then every person (streamed, ID numbers masked unless granted). */
export async function exportSubsidyRun({ ctx, input, out }: { ctx: ActorContext; input: { id: string }; out: Writable }) {
  const { r, orgUnitName } = await loadScopedRun(ctx, input.id);
  // ID numbers only in full with the administrator's explicit grant; every export is audited.
  const full = ctx.actor.canExportFull;
  await withTransaction(ctx, async (ctx) => {
    await writeAudit(ctx, { action: 'subsidy.export', entity: 'subsidy_run', entityId: r.id, regionPath: r.regionPath, after: { full } });
  });
  const wb = createStreamingWorkbook(out);
  const summary = wb.addWorksheet('汇总');
  summary.columns = [
    { width: 22 },
    { width: 28 },
    { width: 10 },
    { width: 14 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 12 },
  ];
  summary.addRow([`${orgUnitName} ${r.year} 年度参保资助汇总表（金额单位：元）`]).commit();
  const head = summary.addRow([
    '县（市、区）',
    '适用类别',
    '人数',
    '资助金额',
    '个人缴费',
    '省级承担',
    '州（市）级承担',
    '县级承担',
    '医疗救助资金',
    '财政补贴',
  ]);
  head.font = { bold: true };
  head.commit();
  const rows = await summariseRun(ctx, r.id);
  for (const s of rows) {
    const row = summary.addRow(
      safeCells([
        s.countyName,
        categoryLabelOf(s.category),
        s.persons,
        yuanCell(s.amount),
        yuanCell(s.personPays),
        yuanCell(s.province),
        yuanCell(s.prefecture),
        yuanCell(s.county),
        yuanCell(s.assistanceFund),
        yuanCell(s.fiscal),
      ]),
    );
    row.commit();
  }
  const total = (k: keyof (typeof rows)[number]) => rows.reduce((a, s) => a + Number(s[k]), 0);
  const t = summary.addRow([
    '合计',
    '',
    total('persons'),
    yuanCell(total('amount')),
    yuanCell(total('personPays')),
    yuanCell(total('province')),
    yuanCell(total('prefecture')),
    yuanCell(total('county')),
    yuanCell(total('assistanceFund')),
    yuanCell(total('fiscal')),
  ]);
  t.font = { bold: true };
  t.commit();
  summary.addRow([`资金分担：${PROFILES[r.profile].capabilities.subsidyFunding}`]).commit();
  summary.commit();

  const detail = wb.addWorksheet('明细');
  detail.columns = [
    { width: 22 },
    { width: 12 },
    { width: 22 },
    { width: 30 },
    { width: 22 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 80 },
    { width: 14 },
  ];
  const dh = detail.addRow([
    '县（市、区）',
    '姓名',
    '身份证号',
    '所持类别',
    '适用类别',
    '个人缴费标准',
    '资助金额',
    '个人应缴',
    '计算说明',
    '依据',
  ]);
  dh.font = { bold: true };
  dh.commit();
  for (let offset = 0; ; offset += PAGE) {
    const items = await ctx.db
      .select({ i: subsidyRunItems, name: persons.name, idNumber: persons.idNumber })
      .from(subsidyRunItems)
      .innerJoin(persons, eq(persons.id, subsidyRunItems.personId))
      .where(eq(subsidyRunItems.runId, r.id))
      .orderBy(asc(subsidyRunItems.countyName), asc(subsidyRunItems.id))
      .limit(PAGE)
      .offset(offset);
    for (const { i, name, idNumber } of items) {
      detail
        .addRow(
          safeCells([
            i.countyName,
            name,
            full ? idNumber : maskIdNumber(idNumber),
            i.categories.map(categoryLabelOf).join('、'),
            categoryLabelOf(i.appliedCategory),
            yuanCell(i.premium),
            yuanCell(i.amount),
            yuanCell(i.personPays),
            i.explain,
            i.clause,
          ]),
        )
        .commit();
    }
    if (items.length < PAGE) break;
  }
  detail.commit();
  await wb.commit();
}
