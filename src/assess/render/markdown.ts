import type { Lang } from '../../i18n/index.js';
import { RESULT_LABELS, VERDICT_LABELS, type Assessment } from '../types.js';
import { CHANGE_LABELS } from '../trend.js';
import { assessorText, dateText, place, thresholdText, tr, valueText, zh, type AssessRenderInput } from './common.js';

/** Table cells: no pipes or line breaks may leak into the Markdown table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];

function single(a: Assessment, loadErrors: number, lang: Lang): string[] {
  const out: string[] = [];
  out.push(`## ${zh(lang, '标准体系评价', 'Standard system assessment')}${zh(lang, '：', ': ')}${a.system.title}${zh(lang, '（', ' (')}${code(a.system.id)}${zh(lang, '，', ', ')}${code(a.system.file)}${zh(lang, '）', ')')}`, '');
  if (loadErrors) out.push(`> ${zh(lang, `体系文件有 ${loadErrors} 处读取或结构错误（hrss-std validate 列出），部分数字可能不完整。`, `${loadErrors} load or schema errors (see hrss-std validate); figures may be incomplete.`)}`, '');
  out.push(`### ${zh(lang, '评价的依据', 'Basis')}`, '', ...a.meta.basis.map((b, i) => `${i + 1}. ${b}`), '');
  out.push(`- **${zh(lang, '评价人员', 'Assessor')}**${zh(lang, '：', ': ')}${assessorText(a, lang)}`);
  out.push(`- **${zh(lang, '评价时间', 'Date')}**${zh(lang, '：', ': ')}${dateText(a, lang)}`, '');
  out.push(`### ${zh(lang, '评价简要过程', 'Process')}`, '', tr(a.meta.process, lang), '');
  out.push(`### ${zh(lang, '各分项指标评价结果', 'Results by indicator')}`, '');
  for (const g of a.groups) {
    out.push(`#### ${tr(g.title, lang)}${zh(lang, '：', ': ')}${tr(RESULT_LABELS[g.result], lang)}${g.score !== undefined ? zh(lang, `（加权达标率 ${g.score.toFixed(1)}%）`, ` (weighted pass rate ${g.score.toFixed(1)}%)`) : ''}`, '');
    out.push(...table([zh(lang, '指标', 'indicator'), zh(lang, '数值', 'value'), zh(lang, '门槛', 'threshold'), zh(lang, '结果', 'verdict'), zh(lang, '计算方法', 'formula')],
      g.indicators.map((i) => [tr(i.title, lang), valueText(i, lang), thresholdText(i, lang), tr(VERDICT_LABELS[i.verdict], lang), tr(i.formula, lang) + (i.note ? zh(lang, `（说明：${tr(i.note, lang)}）`, ` (note: ${tr(i.note, lang)})`) : '')])), '');
    for (const i of g.indicators) {
      if (!i.basis.length) continue;
      out.push(`<details><summary>${zh(lang, `${tr(i.title, lang)}：计入的 ${i.basis.length} 处`, `${tr(i.title, lang)}: the ${i.basis.length} places counted`)}</summary>`, '');
      for (const p of i.basis) out.push(`- ${code(place(p))} ${tr(p.what, lang)}`);
      out.push('', '</details>', '');
    }
  }
  out.push(`### ${zh(lang, '总体结论', 'Conclusion')}`, '', `**${tr(a.overall.conclusion, lang)}**`, '');
  out.push(`### ${zh(lang, `存在问题和处理建议（${a.problems.length}）`, `Problems and advice (${a.problems.length})`)}`, '');
  if (!a.problems.length) out.push(zh(lang, '没有发现问题。', 'None found.'), '');
  a.problems.forEach((p, n) => {
    out.push(`${n + 1}. **${tr(p.summary, lang)}**`, `   ${zh(lang, '建议：', 'Advice: ')}${tr(p.advice, lang)}`, '');
    for (const pl of p.places) out.push(`   - ${code(place(pl))} ${tr(pl.what, lang)}${pl.hint ? zh(lang, `——${tr(pl.hint, lang)}`, ` — ${tr(pl.hint, lang)}`) : ''}`);
    out.push('');
  });
  if (a.trend) {
    const t = a.trend;
    const fmt = (v: number | undefined, p: boolean) => (v === undefined ? '—' : p ? `${v.toFixed(1)}%` : String(v));
    out.push(`### ${zh(lang, '与上次评价比较', 'Against the earlier assessment')}`, '',
      zh(lang, `上次评价时间：${t.beforeDate ?? '未注明'}；上次结论：${tr(RESULT_LABELS[t.beforeResult], lang)}。变好 ${t.better} 项，变差 ${t.worse} 项。`,
        `Earlier date: ${t.beforeDate ?? 'not stated'}; result: ${tr(RESULT_LABELS[t.beforeResult], lang)}. ${t.better} better, ${t.worse} worse.`), '');
    out.push(...table([zh(lang, '指标', 'indicator'), zh(lang, '上次', 'before'), zh(lang, '本次', 'now'), zh(lang, '变化', 'change')],
      t.entries.map((e) => [tr(e.title, lang), fmt(e.before, e.measure === 'percent'), fmt(e.after, e.measure === 'percent'), tr(CHANGE_LABELS[e.change], lang)])), '');
  }
  return out;
}

function sideBySide(input: AssessRenderInput): string[] {
  const { lang } = input;
  const as = input.assessments.map((x) => x.assessment);
  const rows: string[][] = [];
  for (const g of as[0]!.groups) {
    rows.push([`**${tr(g.title, lang)}**`, ...as.map((a) => `**${tr(RESULT_LABELS[a.groups.find((x) => x.id === g.id)!.result], lang)}**`)]);
    for (const i of g.indicators) {
      rows.push([tr(i.title, lang), ...as.map((a) => {
        const j = a.groups.find((x) => x.id === g.id)!.indicators.find((x) => x.id === i.id)!;
        return `${valueText(j, lang)} ${j.verdict === 'pass' ? '✅' : j.verdict === 'fail' ? '❌' : '—'}`;
      })]);
    }
  }
  rows.push([`**${zh(lang, '总体结论', 'Conclusion')}**`, ...as.map((a) => `**${tr(RESULT_LABELS[a.overall.result], lang)}**`)]);
  return [`## ${zh(lang, '各体系对照', 'Side by side')}`, '', ...table([zh(lang, '指标', 'indicator'), ...as.map((a) => code(a.system.id))], rows), ''];
}

export function renderMarkdown(input: AssessRenderInput): string {
  const out: string[] = [`# ${zh(lang(input), '标准体系评价报告', 'Standard system assessment')}`, ''];
  for (const { assessment, loadErrors } of input.assessments) out.push(...single(assessment, loadErrors, input.lang));
  if (input.assessments.length > 1) out.push(...sideBySide(input));
  out.push(`<sub>hrss-std ${input.toolVersion}</sub>`, '');
  return out.join('\n');
}

const lang = (i: AssessRenderInput) => i.lang;
