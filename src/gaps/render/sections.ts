import type { Lang, Text } from '../../i18n/index.js';
import { formatPct } from '../../coverage/round.js';
import type { RowRef } from '../../coverage/kinds.js';
import { aspectCount, groupSize, type CoverageSections } from '../../coverage/sections.js';

/**
 * Shared wording of the three coverage sections (文件类型、服务对象、机构), so that the table,
 * Markdown and CSV say the same thing. Each section states its own formula: none of these
 * figures is the item coverage percentage, and the outputs never add them up.
 */
const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);

export const SECTION_TITLES = {
  kinds: { zh: '文件类型覆盖（与事项覆盖率分开计算）', en: 'Kind coverage (counted apart from item coverage)' },
  objects: { zh: '服务对象覆盖', en: 'Service-object coverage' },
  institution: { zh: '机构覆盖（人社部发〔2023〕62号：场地环境、设施设备、人员配备；硬件建设、服务提供、内部管理、考核评价、风险防控有标可依）', en: 'Institution coverage (人社部发〔2023〕62号: premises, facilities, staffing; hardware, provision, management, evaluation, risk)' },
} satisfies Record<string, Text>;

export const NO_TARGET: Text = { zh: '（未注明）', en: '(not stated)' };

export function kindNames(s: CoverageSections, lang: Lang): string {
  const k = s.kinds;
  return k.required.map((id) => (lang === 'zh' ? k.titles[id] ?? id : id)).join(zh(lang, '、', ', '));
}

export function kindFormula(s: CoverageSections, lang: Lang): string {
  return zh(lang,
    `文件类型齐全率 = 每种应有类型（${kindNames(s, lang)}）都有现行或即将实施标准的事项数 ÷ 计入统计的事项数 × 100，舍入同覆盖率；未写 kind 的标准只按名称结尾（服务指南、操作规程、服务规范）判断类型`,
    `kind coverage = items with a standard in force of every required kind (${kindNames(s, lang)}) ÷ counted items × 100, rounded as coverage; a row without kind: counts only by a title ending in 服务指南, 操作规程 or 服务规范`);
}

export function objectFormula(lang: Lang): string {
  return zh(lang,
    '按目录事项的服务对象（target）分组：组内被现行或即将实施标准覆盖的事项数 ÷ 组内计入统计的事项数 × 100',
    'per service object (the catalog\'s target): covered items of the group ÷ counted items of the group × 100');
}

export function institutionFormula(lang: Lang): string {
  return zh(lang,
    '某方面“有标”＝体系中至少一条现行或即将实施的标准属于该方面所列的文件类型（只按 kind 判断，不按子体系名称）',
    'an aspect is covered when at least one row in force is of one of its kinds (by kind only, not by sub-system names)');
}

export const targetName = (target: string, lang: Lang) => (target === '' ? NO_TARGET[lang] : target);

export function kindTitle(s: CoverageSections, id: string, lang: Lang): string {
  return lang === 'zh' ? s.titles[id] ?? s.kinds.titles[id] ?? id : id;
}

/** "3/79（3.8%）" */
export function ratio(part: number, whole: number, pct: number, lang: Lang): string {
  return `${part}/${whole}${zh(lang, '（', ' (')}${formatPct(pct, whole)}${whole ? '%' : ''}${zh(lang, '）', ')')}`;
}

export function refText(r: RowRef, lang: Lang): string {
  return `${r.file}:${r.line}  ${r.number ?? zh(lang, '（无编号）', '(no number)')} ${r.title}`;
}

/** Items lacking a required kind, with the kinds they lack, catalog order. */
export function incompleteItems(s: CoverageSections): { id: string; name: string; missing: string[] }[] {
  return s.kinds.items.filter((i) => !i.complete).map((i) => ({ id: i.id, name: i.name, missing: i.missing ?? s.kinds.required.filter((k) => !i.kinds[k]?.length) }));
}

/** Aspects covered, e.g. 3 of 8. */
export function aspectsCovered(s: CoverageSections): number {
  return s.institution.filter((a) => a.covered).length;
}

/** One line per object group for the multi-system views: "个人 2/2（100.0%）；用人单位 0/1（0.0%）". */
export function objectsInline(s: CoverageSections, lang: Lang): string {
  return s.objects.map((g) => `${targetName(g.target, lang)} ${ratio(g.covered, groupSize(g), g.percent, lang)}`).join(zh(lang, '；', '; '));
}

export { aspectCount, groupSize };
