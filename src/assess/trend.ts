import type { Text } from '../i18n/index.js';
import type { Assessment, Change, GroupResult, Trend, TrendEntry, Verdict } from './types.js';

/**
 * `assess --baseline`: the trend between two revisions, from an earlier `assess -f json`. Only
 * ids, values and verdicts are compared (they do not depend on the language of the file); places
 * are not, because line numbers move between revisions.
 */
export interface EarlierIndicator { id: string; measure: 'percent' | 'count'; value?: number; verdict: Verdict }
export interface EarlierSystem { id: string; date?: string; result: GroupResult; indicators: EarlierIndicator[] }

export class BaselineFormatError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** The systems of an earlier `assess -f json`, checked for the fields compared. */
export function readEarlier(doc: unknown, file: string): EarlierSystem[] {
  const bad = (why: string): never => {
    throw new BaselineFormatError({ zh: `${file} 不是 hrss-std assess -f json 的输出（${why}）`, en: `${file} is not the output of hrss-std assess -f json (${why})` });
  };
  const d = doc as { format?: unknown; systems?: unknown };
  if (!d || typeof d !== 'object' || d.format !== 'hrss-std-assessment') bad('format 不是 hrss-std-assessment');
  if (!Array.isArray(d.systems)) bad('没有 systems');
  return (d.systems as Record<string, any>[]).map((s, k) => {
    const id = s?.system?.id;
    if (typeof id !== 'string' || !Array.isArray(s.groups)) bad(`systems[${k}] 缺 system.id 或 groups`);
    const indicators: EarlierIndicator[] = [];
    for (const g of s.groups) {
      for (const i of Array.isArray(g?.indicators) ? g.indicators : []) {
        if (typeof i?.id !== 'string' || (i.measure !== 'percent' && i.measure !== 'count') || !['pass', 'fail', 'na'].includes(i.verdict)) bad(`systems[${k}] 的指标格式不对`);
        indicators.push({ id: i.id, measure: i.measure, verdict: i.verdict, ...(typeof i.value === 'number' ? { value: i.value } : {}) });
      }
    }
    return { id, ...(typeof s.meta?.date === 'string' ? { date: s.meta.date } : {}), result: s.overall?.result ?? 'na', indicators };
  });
}

export function compareWith(now: Assessment, before: EarlierSystem): Trend {
  const entries: TrendEntry[] = [];
  for (const i of now.groups.flatMap((g) => g.indicators)) {
    const b = before.indicators.find((x) => x.id === i.id);
    let change: Change = 'incomparable';
    if (b && b.value !== undefined && i.value !== undefined && b.measure === i.measure) {
      const d = i.value - b.value;
      change = d === 0 ? 'same' : (i.measure === 'percent' ? d > 0 : d < 0) ? 'better' : 'worse';
    }
    entries.push({
      indicator: i.id, title: i.title, measure: i.measure, afterVerdict: i.verdict, change,
      ...(b?.value !== undefined ? { before: b.value } : {}), ...(i.value !== undefined ? { after: i.value } : {}), ...(b ? { beforeVerdict: b.verdict } : {}),
    });
  }
  return {
    ...(before.date ? { beforeDate: before.date } : {}),
    beforeResult: before.result,
    entries,
    better: entries.filter((e) => e.change === 'better').length,
    worse: entries.filter((e) => e.change === 'worse').length,
  };
}

export const CHANGE_LABELS: Record<Change, Text> = {
  better: { zh: '变好', en: 'better' },
  worse: { zh: '变差', en: 'worse' },
  same: { zh: '不变', en: 'same' },
  incomparable: { zh: '不可比', en: 'n/a' },
};
