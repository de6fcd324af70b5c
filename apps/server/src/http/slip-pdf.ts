import PDFDocument from 'pdfkit';
import type { TSlip } from '@portal/rules';

/** Renders the settlement slip as a one-page A4 PDF (the same model as the printable page). */
export function renderSlipPdf(slip: TSlip, font: { path: string; family?: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 40, left: 50, right: 50 }, info: { Title: slip.title } });
  if (font.family) doc.font(font.path, font.family);
  else doc.font(font.path);
  const width = doc.page.width - 100;
  const left = 50;
  doc.fontSize(16).text(slip.title, { align: 'center' });
  doc.moveDown(0.2).fontSize(9).fillColor('#555').text(slip.subtitle, { align: 'center' }).fillColor('#000');
  doc.moveDown(0.6);

  const pairs = (rows: [string, string][], columns = 2) => {
    const colWidth = width / columns;
    for (let i = 0; i < rows.length; i += columns) {
      const y = doc.y;
      let maxY = y;
      rows.slice(i, i + columns).forEach(([k, v], j) => {
        doc.fontSize(9.5).text(`${k}：${v}`, left + j * colWidth, y, { width: colWidth - 8 });
        maxY = Math.max(maxY, doc.y);
      });
      doc.y = maxY + 3;
    }
    doc.x = left;
  };
  const rule = () => {
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    doc.moveDown(0.4);
  };

  pairs(slip.header);
  rule();
  pairs(slip.visit);
  rule();
  pairs(slip.costs, 3);
  rule();

  const cols = [left, left + 110, left + 215, left + 300];
  doc.fontSize(10).text('结算项目', cols[0], doc.y, { continued: false });
  const headY = doc.y - 13;
  doc.text('支付金额（元）', cols[1], headY, { width: 90, align: 'right' });
  doc.text('政策依据', cols[2], headY);
  doc.text('计算说明', cols[3], headY);
  doc.moveDown(0.3);
  for (const line of slip.lines) {
    const y = doc.y;
    doc.fontSize(9.5).text(line.label, cols[0], y, { width: 125 });
    doc.text(line.amount, cols[1], y, { width: 90, align: 'right' });
    doc.text(line.clause, cols[2], y, { width: 75 });
    doc
      .fontSize(8)
      .fillColor('#333')
      .text(line.explain, cols[3], y, { width: width - 250 })
      .fillColor('#000');
    doc.y = Math.max(doc.y, y + 14) + 4;
  }
  doc.x = left;
  rule();
  doc.fontSize(10).text(`各项基金及救助支付合计：${slip.fundPaid} 元`);
  if (slip.hospitalReduction) {
    const r = slip.hospitalReduction;
    doc.text(`医疗机构减免（医院减免，不属基金支付，${r.clause}）：${r.amount} 元`);
    doc.fontSize(8).fillColor('#333').text(r.explain).fillColor('#000').fontSize(10);
  }
  if (slip.hospitalBorne) doc.text(`医疗机构负担（超比例目录外费用）：${slip.hospitalBorne} 元`);
  doc.moveDown(0.3).fontSize(13).text(`个人自付：${slip.patientPays} 元`, { continued: false });
  doc.fontSize(11).text(`大写：${slip.patientPaysCapital}`);
  if (slip.notices.length) {
    doc.moveDown(0.4).fontSize(8.5).fillColor('#444');
    for (const n of slip.notices) doc.text(`※ ${n}`);
    doc.fillColor('#000');
  }
  doc.moveDown(2).fontSize(10);
  const sigY = doc.y;
  slip.signatures.forEach((s, i) => doc.text(`${s}：__________`, left + i * (width / 3), sigY, { width: width / 3 - 6 }));
  doc.x = left;
  doc.moveDown(1.2).fontSize(9).text('日期：______年____月____日', { align: 'right' });
  doc.end();
  return doc;
}
