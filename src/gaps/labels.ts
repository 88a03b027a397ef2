import type { Text } from '../i18n/index.js';
import type { Level } from '../model/types.js';
import type { CoverageState, ServingRow, ItemCoverage } from '../coverage/types.js';

export const STATES: readonly CoverageState[] = ['covered', 'planned', 'lapsed', 'uncovered'];

export const STATE_LABELS: Record<CoverageState, Text> = {
  covered: { zh: '已覆盖', en: 'covered' },
  planned: { zh: '仅有规划', en: 'planned only' },
  lapsed: { zh: '仅有失效标准', en: 'lapsed only' },
  uncovered: { zh: '未覆盖', en: 'not covered' },
};

/** What each state means, for legends. */
export const STATE_MEANING: Record<CoverageState, Text> = {
  covered: { zh: '有现行或即将实施的标准', en: 'a standard in force (current or upcoming) serves it' },
  planned: { zh: '只有待制定、制定中或待修订的标准', en: 'only planned, drafting or revising rows serve it' },
  lapsed: { zh: '只有被代替或废止的标准', en: 'only replaced or withdrawn standards serve it' },
  uncovered: { zh: '没有任何标准', en: 'no row names it' },
};

/** One-character marks for the item × system matrix (CJK marks are two columns wide, unambiguous in terminals). */
export const STATE_MARKS: Record<CoverageState, Text> = {
  covered: { zh: '现', en: 'C' },
  planned: { zh: '规', en: 'P' },
  lapsed: { zh: '废', en: 'L' },
  uncovered: { zh: '缺', en: '-' },
};

export const MD_MARKS: Record<CoverageState, string> = {
  covered: '✅',
  planned: '🕓',
  lapsed: '⚠️',
  uncovered: '❌',
};

export const LEVEL_SHORT: Record<Level, Text> = {
  national: { zh: '国家', en: 'national' },
  industry: { zh: '行业', en: 'industry' },
  local: { zh: '地方', en: 'local' },
  group: { zh: '团体', en: 'group' },
  enterprise: { zh: '企业', en: 'enterprise' },
};

/** How a row reaches an item, naming the project id it went through. */
export function viaLabel(r: ServingRow, ic: ItemCoverage): Text {
  if (r.via === 'item') return { zh: '直接', en: 'direct' };
  if (r.via === 'project') return { zh: `经项目 ${ic.projectId}`, en: `via project ${ic.projectId}` };
  const through = r.entry.services.find((id) => ic.item.also.includes(id)) ?? '';
  return { zh: `经关联项目 ${through}`, en: `via also ${through}` };
}

export const UNIT_NOTE: Record<'project' | 'unassigned', Text> = {
  project: { zh: '项目未列事项，按 1 项计', en: 'project lists no items: measured as one unit' },
  unassigned: { zh: '不属任何项目，不计入统计', en: 'in no project: listed, not counted' },
};

export const NO_AREA: Text = { zh: '（未标领域）', en: '(no area)' };
