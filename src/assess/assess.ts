import { percent } from '../coverage/round.js';
import type { Text } from '../i18n/index.js';
import { allStandards } from '../model/types.js';
import { computeIndicators, type AssessInput } from './indicators.js';
import {
  GROUP_TITLES, GROUPS, RESULT_LABELS, type Assessment, type AssessmentMeta, type GroupAssessment, type GroupResult, type Indicator, type Problem,
} from './types.js';

/** 评价的依据 every assessment states (the indicators come from these two documents). */
export const ASSESSMENT_BASIS: readonly string[] = [
  '《人力资源社会保障部关于进一步健全人力资源社会保障基本公共服务标准体系全面推行标准化的意见》（人社部发〔2023〕62号）',
  '湛江市地方标准《人力资源和社会保障领域公共服务标准体系建设指南》编制说明 §9.2.3（评价报告）、§9.3（标准体系评价）',
  'GB/T 13016《标准体系构建原则和要求》（体系表编号、标准统计表）',
];

/**
 * A result from indicators: 符合 when every assessed one passes; 基本符合 when the weighted share of
 * passing ones reaches `basic`; 不符合 otherwise; 未评价 when none could be assessed.
 */
export function resultOf(indicators: readonly Indicator[], basic: number): { score?: number; result: GroupResult } {
  const assessed = indicators.filter((i) => i.verdict !== 'na');
  if (!assessed.length) return { result: 'na' };
  const total = assessed.reduce((s, i) => s + i.weight, 0);
  const passed = assessed.filter((i) => i.verdict === 'pass').reduce((s, i) => s + i.weight, 0);
  // weights are numbers from the config; percent() works in integer tenths, so scale them first
  const score = percent(Math.round(passed * 1000), Math.round(total * 1000));
  const result = passed === total ? 'pass' : score >= basic ? 'basic' : 'fail';
  return { score, result };
}

/** A basis document of the system that the fixed list already names (same 文号, e.g. 人社部发〔2023〕62号). */
function alreadyListed(doc: string): boolean {
  const no = /[\p{Script=Han}]+〔\d{4}〕\d+号/u.exec(doc)?.[0];
  return no !== undefined && ASSESSMENT_BASIS.some((b) => b.includes(no));
}

export interface AssessOptions extends AssessInput {
  file: string;
  assessor?: string;
  dateSource?: 'option' | 'document';
  toolVersion: string;
}

export function assessSystem(o: AssessOptions): Assessment {
  const indicators = computeIndicators(o);
  const groups: GroupAssessment[] = GROUPS.map((id) => {
    const mine = indicators.filter((i) => i.group === id);
    return { id, title: GROUP_TITLES[id], indicators: mine, ...resultOf(mine, o.settings.basicScore) };
  });
  // A group that does not meet its indicators keeps the whole from 基本符合, whatever the other groups score.
  const weighted = resultOf(indicators, o.settings.basicScore);
  const overall = weighted.result === 'basic' && groups.some((g) => g.result === 'fail') ? { ...weighted, result: 'fail' as const } : weighted;
  const rows = allStandards(o.system).length;
  const meta: AssessmentMeta = {
    ...(o.assessor ? { assessor: o.assessor } : {}),
    ...(o.date ? { date: o.date, dateSource: o.dateSource } : {}),
    basis: [...ASSESSMENT_BASIS, ...(o.system.document?.basis ?? []).filter((b) => !alreadyListed(b)).map((b) => `${b}（体系编制依据）`)],
    process: processText(o, indicators.length),
  };
  return {
    system: { id: o.system.id, title: o.system.title, file: o.file, files: o.system.files.length, rows, ...(o.catalog ? { catalog: o.catalog.id } : {}) },
    meta,
    groups,
    overall: { ...overall, conclusion: conclusionText(groups, indicators, overall) },
    problems: problemsOf(indicators),
  };
}

function processText(o: AssessOptions, n: number): Text {
  const files = o.system.files.map((f) => f.display);
  const rows = allStandards(o.system).length;
  const cat = o.catalog ? `服务事项目录 ${o.catalog.id}（${o.catalog.title}）` : '（无服务事项目录）';
  const catEn = o.catalog ? `catalog ${o.catalog.id}` : '(no catalog)';
  return {
    zh: `用 hrss-std ${o.toolVersion} 读取体系文件 ${files.join('、')}（共 ${rows} 行标准）和${cat}，按完整性、规范性、协调性、有效性四组 ${n} 项指标逐项计算（查看记录：每个数字列出所依据的文件:行），与门槛比较得出单项结果，按权重汇总为各组结果和总体结论，并由未达标和有问题的位置生成存在问题和处理建议。数据分析只依据上述文件和内置已知标准资料，未做现场观察、提问或满意度测评。`,
    en: `hrss-std ${o.toolVersion} read ${files.join(', ')} (${rows} rows) and ${catEn}, computed ${n} indicators in four groups (each figure lists the file:line it rests on), compared each with its threshold, weighted the results into group results and a conclusion, and listed the problems with advice. Only these files and the built-in known-standards data were used; no site visit, interviews or satisfaction survey.`,
  };
}

function conclusionText(groups: GroupAssessment[], indicators: Indicator[], overall: { score?: number; result: GroupResult }): Text {
  const n = (v: string) => indicators.filter((i) => i.verdict === v).length;
  const byResult = (r: GroupResult) => groups.filter((g) => g.result === r).map((g) => g.title);
  const join = (ts: Text[], lang: 'zh' | 'en') => ts.map((t) => t[lang]).join(lang === 'zh' ? '、' : ', ');
  const failed = indicators.filter((i) => i.verdict === 'fail');
  const parts = (['pass', 'basic', 'fail', 'na'] as GroupResult[]).filter((r) => byResult(r).length);
  const zhText = `总体结论：${RESULT_LABELS[overall.result].zh}${overall.score !== undefined ? `（加权达标率 ${overall.score.toFixed(1)}%）` : ''}。`
    + `${indicators.length} 项指标中达标 ${n('pass')} 项、未达标 ${n('fail')} 项、不适用 ${n('na')} 项；`
    + parts.map((r) => `${RESULT_LABELS[r].zh}：${join(byResult(r), 'zh')}`).join('；') + '。'
    + (failed.length ? `未达标的指标：${failed.map((i) => i.title.zh).join('、')}。` : '');
  const enText = `Conclusion: ${RESULT_LABELS[overall.result].en}${overall.score !== undefined ? ` (weighted pass rate ${overall.score.toFixed(1)}%)` : ''}. `
    + `Of ${indicators.length} indicators ${n('pass')} pass, ${n('fail')} fail, ${n('na')} n/a; `
    + parts.map((r) => `${RESULT_LABELS[r].en}: ${join(byResult(r), 'en')}`).join('; ') + '.'
    + (failed.length ? ` Failing: ${failed.map((i) => i.title.en).join(', ')}.` : '');
  return { zh: zhText, en: enText };
}

/** One problem per indicator with places short of it: failed ones first, then the others, in indicator order. */
function problemsOf(indicators: Indicator[]): Problem[] {
  const out: Problem[] = [];
  for (const failed of [true, false]) {
    for (const i of indicators) {
      if (!i.failing.length || (i.verdict === 'fail') !== failed) continue;
      const value = i.measure === 'percent' ? `${i.value!.toFixed(1)}%（${i.part}/${i.whole}）` : `${i.value}`;
      const valueEn = i.measure === 'percent' ? `${i.value!.toFixed(1)}% (${i.part}/${i.whole})` : `${i.value}`;
      const op = i.measure === 'percent' ? '≥' : '≤';
      out.push({
        indicator: i.id,
        group: i.group,
        failed,
        summary: {
          zh: `${GROUP_TITLES[i.group].zh}·${i.title.zh}：${value}，门槛 ${op} ${i.threshold}${i.measure === 'percent' ? '%' : ''}${failed ? `，未达标；涉及 ${i.failing.length} 处` : `，已达标；仍有 ${i.failing.length} 处待改进`}`,
          en: `${GROUP_TITLES[i.group].en} · ${i.title.en}: ${valueEn}, threshold ${op} ${i.threshold}${i.measure === 'percent' ? '%' : ''}${failed ? `, fails; ${i.failing.length} places` : `, passes; ${i.failing.length} places to improve`}`,
        },
        advice: i.advice,
        places: i.failing,
      });
    }
  }
  return out;
}
