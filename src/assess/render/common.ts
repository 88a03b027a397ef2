import type { Lang, Text } from '../../i18n/index.js';
import type { Assessment, Indicator } from '../types.js';

export interface AssessRenderInput {
  assessments: { assessment: Assessment; loadErrors: number }[];
  lang: Lang;
  toolVersion: string;
}

export const tr = (t: Text, lang: Lang): string => t[lang];
export const zh = (lang: Lang, a: string, b: string): string => (lang === 'zh' ? a : b);

/** "41.8%（33/79）", "3", or "—" for an indicator not assessed. */
export function valueText(i: Indicator, lang: Lang): string {
  if (i.value === undefined) return '—';
  if (i.measure === 'count') return String(i.value);
  return `${i.value.toFixed(1)}%${zh(lang, '（', ' (')}${i.part}/${i.whole}${zh(lang, '）', ')')}`;
}

export function thresholdText(i: Indicator, lang: Lang): string {
  const t = i.measure === 'percent' ? `≥ ${i.threshold}%` : `≤ ${i.threshold}`;
  return i.thresholdSource === 'config' ? `${t}${zh(lang, '（配置）', ' (config)')}` : t;
}

export function assessorText(a: Assessment, lang: Lang): string {
  return a.meta.assessor ?? zh(lang, '未注明（用 --assessor 给出）', 'not stated (--assessor)');
}

export function dateText(a: Assessment, lang: Lang): string {
  if (!a.meta.date) return zh(lang, '未注明（用 --date YYYY-MM-DD 给出，或在 system.yaml 的 document.date 写到日）；与日期有关的指标未评价', 'not stated (--date YYYY-MM-DD, or document.date with a day); date-dependent indicators not assessed');
  return `${a.meta.date}${a.meta.dateSource === 'option' ? zh(lang, '（--date）', ' (--date)') : zh(lang, '（document.date）', ' (document.date)')}`;
}

export const place = (p: { file: string; line: number }) => `${p.file}:${p.line}`;
