import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { CHANGE_LABELS } from '../assess/trend.js';
import { GROUP_TITLES, RESULT_LABELS, VERDICT_LABELS, type Assessment, type Indicator } from '../assess/types.js';
import { chineseDate } from './model.js';
import { normalizePackage } from './zip.js';
import { stableIds } from './docx/index.js';
import { pageProps, PORTRAIT_TEXT_WIDTH } from './docx/page.js';
import { cell, CELL_MARGINS, DEFAULT_STYLE_IDS, documentStyles, FONT, OWN, para, SHADE, SIZE, TABLE_BORDERS } from './docx/styles.js';

/**
 * 评价报告 (湛江指南编制说明 §9.2.3) as its own Word document: 评价的依据、评价人员、评价时间、
 * 评价简要过程、各分项指标评价结果、总体结论、存在问题和处理建议. Chinese only (a report for the
 * office and the 市场监管局). Deterministic: the zip entries carry the 评价时间 (1980-01-01
 * without one), never the clock.
 */
const W = PORTRAIT_TEXT_WIDTH;

function widths(shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const out = shares.map((s) => Math.floor((s / sum) * W));
  out[out.length - 1]! += W - out.reduce((a, b) => a + b, 0);
  return out;
}

function table(head: string[], rows: string[][], shares: number[], shadeOf?: (r: number) => string | undefined): Table {
  const ws = widths(shares);
  return new Table({
    columnWidths: ws,
    width: { size: W, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, { head: true, shade: SHADE.head, width: ws[i] })) }),
      ...rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { width: ws[i], shade: shadeOf?.(k) })) })),
    ],
  });
}

const value = (i: Indicator) => (i.value === undefined ? '—' : i.measure === 'count' ? String(i.value) : `${i.value.toFixed(1)}%\n（${i.part}/${i.whole}）`);
const threshold = (i: Indicator) => `${i.measure === 'percent' ? `≥ ${i.threshold}%` : `≤ ${i.threshold}`}${i.thresholdSource === 'config' ? '\n（配置）' : ''}`;

function body(a: Assessment): (Paragraph | Table)[] {
  const h1 = (t: string) => new Paragraph({ style: DEFAULT_STYLE_IDS.heading1, children: [new TextRun(t)] });
  const h2 = (t: string) => new Paragraph({ style: DEFAULT_STYLE_IDS.heading2, children: [new TextRun(t)] });
  const small = (t: string) => new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 60, line: 300 }, children: [new TextRun({ text: t, size: SIZE.小五 })] });
  const out: (Paragraph | Table)[] = [];

  out.push(h1('1  评价的依据'));
  a.meta.basis.forEach((b, i) => out.push(para(`（${i + 1}）${b}`)));

  out.push(h1('2  评价人员和评价时间'));
  out.push(table(['项目', '内容'], [
    ['评价对象', `${a.system.title}（${a.system.id}，${a.system.file}）`],
    ['评价人员', a.meta.assessor ?? '未注明'],
    ['评价时间', a.meta.date ? chineseDate(a.meta.date) : '未注明（与日期有关的指标未评价）'],
  ], [1, 4]));

  out.push(h1('3  评价简要过程'));
  // left-aligned: justified lines of long file paths spread the words apart
  out.push(para(a.meta.process.zh, { align: AlignmentType.LEFT }));

  out.push(h1('4  各分项指标评价结果'));
  a.groups.forEach((g, k) => {
    out.push(h2(`4.${k + 1}  ${g.title.zh}：${RESULT_LABELS[g.result].zh}${g.score !== undefined ? `（加权达标率 ${g.score.toFixed(1)}%）` : ''}`));
    out.push(table(['指标', '数值', '门槛', '结果', '计算方法'],
      g.indicators.map((i) => [i.title.zh, value(i), threshold(i), VERDICT_LABELS[i.verdict].zh, i.formula.zh + (i.note ? `\n说明：${i.note.zh}` : '')]),
      [1.6, 1.1, 0.8, 0.7, 4.2], (r) => (g.indicators[r]!.verdict === 'fail' ? SHADE.uncovered : undefined)));
  });
  out.push(small('注：比率类指标达到门槛为达标，计数类指标不超过门槛为达标；底色为橙色的为未达标指标。每个数字所依据的全部行见 hrss-std assess -f json 的 basis。'));

  out.push(h1('5  总体结论'));
  out.push(para(a.overall.conclusion.zh));

  out.push(h1('6  存在问题和处理建议'));
  if (!a.problems.length) out.push(para('未发现问题。'));
  a.problems.forEach((p, k) => {
    out.push(h2(`6.${k + 1}  ${GROUP_TITLES[p.group].zh}：${a.groups.flatMap((g) => g.indicators).find((i) => i.id === p.indicator)!.title.zh}`));
    out.push(para(`${p.summary.zh}。`));
    out.push(para(`处理建议：${p.advice.zh}。`));
    out.push(table(['位置（文件:行）', '问题', '处理建议'], p.places.map((pl) => [`${pl.file}:${pl.line}`, pl.what.zh, pl.hint?.zh ?? '']), [2.2, 3.8, 3]));
  });
  if (a.trend) {
    const t = a.trend;
    const fmt = (v: number | undefined, p: boolean) => (v === undefined ? '—' : p ? `${v.toFixed(1)}%` : String(v));
    out.push(h1('7  与上次评价比较'));
    out.push(para(`上次评价时间：${t.beforeDate ? chineseDate(t.beforeDate) : '未注明'}；上次总体结论：${RESULT_LABELS[t.beforeResult].zh}。本次变好 ${t.better} 项，变差 ${t.worse} 项。`));
    out.push(table(['指标', '上次', '本次', '变化'], t.entries.map((e) => [e.title.zh, fmt(e.before, e.measure === 'percent'), fmt(e.after, e.measure === 'percent'), CHANGE_LABELS[e.change].zh]), [4, 1.2, 1.2, 1],
      (r) => (t.entries[r]!.change === 'worse' ? SHADE.uncovered : undefined)));
  }
  return out;
}

function cover(a: Assessment): Paragraph[] {
  const blank = (n: number) => Array.from({ length: n }, () => new Paragraph({ indent: { firstLine: 0 }, children: [] }));
  const big = (text: string, size: number) => new Paragraph({
    alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 200, after: 200, line: 300, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, font: FONT.hei, size })],
  });
  return [
    ...blank(6),
    big(a.system.title, SIZE.三号),
    big('标准体系评价报告', SIZE.一号),
    ...blank(8),
    para(`评价人员：${a.meta.assessor ?? '未注明'}`, { style: OWN.cover }),
    para(`评价时间：${a.meta.date ? chineseDate(a.meta.date) : '未注明'}`, { style: OWN.cover }),
  ];
}

function footer(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.五号 })] })] });
}

export async function assessmentDocx(a: Assessment, toolVersion: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'hrss-std',
    lastModifiedBy: 'hrss-std',
    title: `${a.system.title} 标准体系评价报告`,
    subject: '标准体系评价报告（湛江指南编制说明 §9.2.3、§9.3）',
    description: `hrss-std ${toolVersion}`,
    revision: 1,
    styles: documentStyles(false),
    features: { updateFields: false },
    sections: [
      { properties: pageProps(false), children: cover(a) },
      { properties: pageProps(false, 1), footers: { default: footer() }, children: body(a) },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return normalizePackage(bytes, { date: a.meta.date ?? '1980-01-01', marker: a.system.id, rewrite: { 'word/document.xml': stableIds } });
}
