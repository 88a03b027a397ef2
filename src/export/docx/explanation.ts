import { Paragraph, TextRun, type Table } from 'docx';
import { CAPTIONS, captionNumber } from '../captions.js';
import { STATE_LABELS } from '../../gaps/labels.js';
import { ROUNDING } from '../../coverage/round.js';
import { LEVEL_LABELS, walkNodes, type SubsystemNode } from '../../model/types.js';
import { coverageLines } from '../coverage-view.js';
import type { ExportModel } from '../model.js';
import { LEVEL_KEY_LABELS } from '../stats.js';
import { para, OWN, type StyleIds } from './styles.js';
import { gapTable, planTable } from './tables.js';

/**
 * In a --draft export only: what the data does not say yet, in red so a reviewer sees it. A final
 * export leaves the part out instead (the document-incomplete rule lists it before export).
 */
export const missingMark = (what: string) => new Paragraph({ children: [new TextRun({ text: `［草稿：尚缺${what}］`, color: 'C00000', bold: false })] });

function nodeScope(n: SubsystemNode, draft: boolean): Paragraph {
  const count = [...walkNodes([n])].reduce((a, x) => a + x.standards.length, 0);
  const runs = [new TextRun(`${n.code} ${n.title}：`)];
  if (n.description) runs.push(new TextRun(`${n.description.replace(/[。.]$/, '')}。`));
  else if (draft) runs.push(new TextRun({ text: '［草稿：尚缺范围说明（description）］', color: 'C00000' }));
  runs.push(new TextRun(`收录标准 ${count} 项。`));
  return new Paragraph({ children: runs });
}

/**
 * 编制说明 skeleton filled from the data (GB/T 13016-2018 5.4: 编制依据, 体系结构, 统计分析,
 * 存在问题与制修订计划). What only the office knows comes from the `document:` block; what it
 * does not hold is left out (and marked only in a --draft export).
 */
export function explanation(model: ExportModel, ids: StyleIds, textWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const h1 = (t: string) => out.push(new Paragraph({ style: ids.heading1, pageBreakBefore: true, children: [new TextRun(t)] }));
  const h2 = (t: string) => out.push(new Paragraph({ style: ids.heading2, children: [new TextRun(t)] }));
  const p = (t: string) => out.push(para(t));
  const s = model.system;
  const stats = model.stats;

  h1('5  编制说明');
  h2('5.1  编制目的与适用范围');
  p(`本标准体系表参照 GB/T 13016-2018《标准体系构建原则和要求》和 GB/T 13017-2018《企业标准体系表编制指南》编制，`
    + `列出${s.title}${s.region && !s.title.startsWith(s.region) ? `（${s.region}）` : ''}现有、应有和计划制定的标准，作为标准制修订、实施和监督的依据。`);
  if (s.description) p(s.description);
  const d = model.document;
  const mark = (what: string) => { if (model.draft) out.push(missingMark(what)); };
  if (d.organization) p(`编制单位：${d.organization}。${d.drafters.length ? `主要起草人：${d.drafters.join('、')}。` : ''}`);
  else mark('编制单位（document.organization）');
  if (d.basis.length) {
    p('本标准体系表的编制依据：');
    d.basis.forEach((b, i) => p(`${i + 1}. ${b.replace(/[；;。]$/, '')}${i === d.basis.length - 1 ? '。' : '；'}`));
  } else mark('编制依据（document.basis）');
  if (d.process) p(`编制过程：${d.process}`);
  else mark('编制过程（document.process）');
  if (d.consultation) p(`征求意见情况：${d.consultation}`);
  else mark('征求意见情况（document.consultation）');

  h2('5.2  体系结构');
  const top = model.tree;
  p(`本体系由 ${top.length} 个子体系组成：${top.map((n) => `${n.code} ${n.title}`).join('、')}。各子体系的范围如下。`);
  top.forEach((n, i) => {
    out.push(new Paragraph({ style: ids.heading3, children: [new TextRun(`5.2.${i + 1}  ${n.code} ${n.title}`)] }));
    out.push(nodeScope(n, model.draft));
    for (const c of n.subsystems) out.push(nodeScope(c, model.draft));
  });

  h2('5.3  标准统计与分析');
  const lv = stats.byLevel.filter((l) => l.expected > 0);
  p(`本体系应有标准 ${stats.total.expected} 项，现有标准 ${stats.total.existing} 项，现有数占应有数的 ${stats.total.pct === null ? '—' : stats.total.pct.toFixed(1)}%。`
    + `按级别：${lv.map((l) => `${LEVEL_KEY_LABELS[l.level].zh}应有 ${l.expected} 项、现有 ${l.existing} 项`).join('；')}。`);
  const weak = stats.matrix.filter((m) => m.depth === 1 && m.total.expected > 0 && (m.total.pct ?? 0) < 50);
  if (weak.length) {
    p(`现有数不足应有数一半的子体系：${weak.map((m) => `${m.code} ${m.title}（${m.total.existing}/${m.total.expected}）`).join('、')}，是今后标准制定的重点。`);
  }
  p('统计口径：应有数为明细表中除被代替、废止以外的全部标准（含待制定、制定中、待修订）；现有数为已发布且现行或即将实施的标准。');

  h2('5.4  服务事项覆盖情况与缺口');
  const report = model.coverage;
  if (!report) {
    p('本体系未配置服务事项目录，未做覆盖分析。');
  } else {
    const t = report.totals;
    p(`对照《${model.catalog?.title ?? report.catalog.title}》，计入统计的服务事项 ${t.items} 项：${STATE_LABELS.covered.zh} ${t.covered} 项，${STATE_LABELS.planned.zh} ${t.planned} 项，`
      + `${STATE_LABELS.lapsed.zh} ${t.lapsed} 项，${STATE_LABELS.uncovered.zh} ${t.uncovered} 项，覆盖率 ${t.items > 0 ? t.coveragePct.toFixed(1) : '—'}%（${ROUNDING.zh}）。`);
    const lines = coverageLines(report).filter((l) => l.counted);
    const uncovered = lines.filter((l) => l.state === 'uncovered');
    if (uncovered.length) p(`尚无任何标准的服务事项：${uncovered.map((l) => `${l.itemId} ${l.itemName}`).join('、')}。`);
    if (report.unknownIds.length) p(`明细表中有 ${report.unknownIds.length} 处服务事项编号不在目录中：${[...new Set(report.unknownIds.map((u) => u.id))].join('、')}。`);
    const gaps = gapTable(model, textWidth);
    if (gaps) {
      out.push(para(CAPTIONS.gaps, { style: OWN.caption }));
      out.push(gaps);
    }
  }

  h2('5.5  标准制修订计划');
  if (model.plan.length) {
    const byLevel = new Map<string, number>();
    for (const r of model.plan) byLevel.set(r.levelLabel || '未定级别', (byLevel.get(r.levelLabel || '未定级别') ?? 0) + 1);
    p(`计划制定或修订标准 ${model.plan.length} 项（${[...byLevel].map(([k, v]) => `${k} ${v} 项`).join('、')}），见${captionNumber(CAPTIONS.plan)}。`);
    out.push(para(CAPTIONS.plan, { style: OWN.caption }));
    out.push(planTable(model, textWidth)!);
  } else {
    p('明细表中没有待制定、制定中或待修订的标准。');
  }
  if (model.plan.some((r) => !r.entry.due || !r.entry.undertaker)) mark('部分计划项的计划完成时间（due）或承担单位（undertaker）');

  h2('5.6  其他说明');
  if (model.catalog) p(`服务事项目录：《${model.catalog.title}》${model.catalog.edition ? `（${model.catalog.edition}）` : ''}。`);
  p(`级别判定：有标准编号的按编号判定（如 GB/T 为${LEVEL_LABELS.national.zh}，DB 为${LEVEL_LABELS.local.zh}），待制定标准为规划的宜定级别。`);
  if (d.maintenance) p(`体系的维护与更新：${d.maintenance}`);
  return out;
}
