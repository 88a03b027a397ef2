import type { Lang } from '../../i18n/index.js';
import { alignRows } from '../../util/text-table.js';
import { RESULT_LABELS, VERDICT_LABELS, type Assessment, type Trend } from '../types.js';
import { CHANGE_LABELS } from '../trend.js';
import { assessorText, dateText, place, thresholdText, tr, valueText, zh, type AssessRenderInput } from './common.js';

/** The 评价报告 contents (湛江指南 §9.2.3) for one system, in the terminal. */
function single(a: Assessment, loadErrors: number, lang: Lang): string[] {
  const out: string[] = [];
  out.push(zh(lang, `标准体系评价：${a.system.title}（${a.system.id}，${a.system.file}）`, `Standard system assessment: ${a.system.title} (${a.system.id}, ${a.system.file})`));
  if (loadErrors) out.push(zh(lang, `  注意：体系文件有 ${loadErrors} 处读取或结构错误（hrss-std validate 列出），部分数字可能不完整`, `  note: ${loadErrors} load or schema errors (see hrss-std validate); figures may be incomplete`));
  out.push('', zh(lang, '评价的依据', 'Basis'));
  a.meta.basis.forEach((b, i) => out.push(`  ${i + 1}. ${b}`));
  out.push('', `${zh(lang, '评价人员：', 'Assessor: ')}${assessorText(a, lang)}`);
  out.push(`${zh(lang, '评价时间：', 'Date: ')}${dateText(a, lang)}`);
  out.push('', zh(lang, '评价简要过程', 'Process'), `  ${tr(a.meta.process, lang)}`);

  out.push('', zh(lang, '各分项指标评价结果', 'Results by indicator'));
  for (const g of a.groups) {
    out.push('', `${tr(g.title, lang)}${zh(lang, '：', ': ')}${tr(RESULT_LABELS[g.result], lang)}${g.score !== undefined ? zh(lang, `（加权达标率 ${g.score.toFixed(1)}%）`, ` (weighted pass rate ${g.score.toFixed(1)}%)`) : ''}`);
    const table = alignRows([
      [zh(lang, '指标', 'indicator'), zh(lang, '数值', 'value'), zh(lang, '门槛', 'threshold'), zh(lang, '结果', 'verdict'), zh(lang, '涉及', 'places')],
      ...g.indicators.map((i) => [tr(i.title, lang), valueText(i, lang), thresholdText(i, lang), tr(VERDICT_LABELS[i.verdict], lang), i.failing.length ? String(i.failing.length) : '']),
    ], ['l', 'r', 'l', 'l', 'r'], '  ');
    out.push(table[0]!);
    g.indicators.forEach((i, k) => {
      out.push(table[k + 1]!);
      out.push(`      ${zh(lang, '计算：', 'formula: ')}${tr(i.formula, lang)}`);
      if (i.note) out.push(`      ${zh(lang, '说明：', 'note: ')}${tr(i.note, lang)}`);
    });
  }
  out.push('', tr(a.overall.conclusion, lang));

  out.push('', zh(lang, `存在问题和处理建议（${a.problems.length}）`, `Problems and advice (${a.problems.length})`));
  if (!a.problems.length) out.push(zh(lang, '  没有发现问题。', '  None found.'));
  a.problems.forEach((p, n) => {
    out.push('', `${n + 1}. ${tr(p.summary, lang)}`);
    out.push(`   ${zh(lang, '建议：', 'advice: ')}${tr(p.advice, lang)}`);
    for (const pl of p.places) out.push(`   ${place(pl)}  ${tr(pl.what, lang)}${pl.hint ? zh(lang, `（${tr(pl.hint, lang)}）`, ` (${tr(pl.hint, lang)})`) : ''}`);
  });
  if (a.trend) out.push('', ...trendLines(a.trend, lang));
  out.push('', zh(lang, '每个数字所依据的全部行：-f json（basis）或 -f markdown（折叠的明细）。', 'All rows behind each figure: -f json (basis) or -f markdown.'));
  return out;
}

/** The trend against the --baseline assessment: every indicator, before → now. */
export function trendLines(t: Trend, lang: Lang): string[] {
  const fmt = (v: number | undefined, pctMeasure: boolean) => (v === undefined ? '—' : pctMeasure ? `${v.toFixed(1)}%` : String(v));
  const head = zh(lang, `与上次评价比较（上次评价时间：${t.beforeDate ?? '未注明'}，上次结论：${tr(RESULT_LABELS[t.beforeResult], lang)}）：变好 ${t.better} 项，变差 ${t.worse} 项`,
    `Against the earlier assessment (date ${t.beforeDate ?? 'not stated'}, result ${tr(RESULT_LABELS[t.beforeResult], lang)}): ${t.better} better, ${t.worse} worse`);
  return [head, ...alignRows([
    [zh(lang, '指标', 'indicator'), zh(lang, '上次', 'before'), zh(lang, '本次', 'now'), zh(lang, '变化', 'change')],
    ...t.entries.map((e) => [tr(e.title, lang), fmt(e.before, e.measure === 'percent'), fmt(e.after, e.measure === 'percent'), tr(CHANGE_LABELS[e.change], lang)]),
  ], ['l', 'r', 'r', 'l'], '  ')];
}

/** Several systems: each assessment, then one line per indicator with every system's value side by side. */
function sideBySide(input: AssessRenderInput): string[] {
  const { lang } = input;
  const as = input.assessments.map((x) => x.assessment);
  const first = as[0]!;
  const rows: string[][] = [[zh(lang, '指标', 'indicator'), ...as.map((a) => a.system.id)]];
  for (const g of first.groups) {
    rows.push([`${tr(g.title, lang)}`, ...as.map((a) => tr(RESULT_LABELS[a.groups.find((x) => x.id === g.id)!.result], lang))]);
    for (const i of g.indicators) {
      rows.push([`  ${tr(i.title, lang)}`, ...as.map((a) => {
        const j = a.groups.find((x) => x.id === g.id)!.indicators.find((x) => x.id === i.id)!;
        return `${valueText(j, lang)} ${j.verdict === 'pass' ? '✓' : j.verdict === 'fail' ? '✗' : '—'}`;
      })]);
    }
  }
  rows.push([zh(lang, '总体结论', 'conclusion'), ...as.map((a) => tr(RESULT_LABELS[a.overall.result], lang))]);
  return ['', zh(lang, `各体系对照（${as.length} 个体系；✓ 达标，✗ 未达标，— 不适用）`, `Side by side (${as.length} systems; ✓ pass, ✗ fail, — n/a)`),
    ...alignRows(rows, ['l', ...as.map(() => 'l' as const)], '  ')];
}

export function renderTable(input: AssessRenderInput): string {
  const out: string[] = [];
  input.assessments.forEach(({ assessment, loadErrors }, k) => {
    if (k) out.push('', '='.repeat(60), '');
    out.push(...single(assessment, loadErrors, input.lang));
  });
  if (input.assessments.length > 1) out.push(...sideBySide(input));
  return out.join('\n') + '\n';
}
