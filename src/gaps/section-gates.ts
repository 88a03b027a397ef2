import type { CoverageSections } from '../coverage/sections.js';
import type { Text } from '../i18n/index.js';

/**
 * Gates on the coverages kept apart from item coverage (人社部发〔2023〕62号: 服务指南和操作规程 per
 * item, 服务对象全覆盖, standards for the institutions). Each measures one figure per system and
 * fails below its threshold; a figure that cannot be measured fails too, saying why, because a
 * gate that passes on nothing would let a CI check pass without checking.
 */
export type SectionGateId = 'kind' | 'object' | 'institution';

export interface SectionGateResult {
  gate: SectionGateId;
  file: string;
  /** undefined: the figure cannot be measured on this data */
  percent?: number;
  threshold: number;
  ok: boolean;
  line: Text;
}

function pct(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}

export function checkSectionGate(gate: SectionGateId, file: string, s: CoverageSections, threshold: number): SectionGateResult {
  if (gate === 'kind') {
    const k = s.kinds;
    const kinds = k.required.map((id) => k.titles[id]).join('、');
    const ok = k.total.percent >= threshold;
    return { gate, file, percent: k.total.percent, threshold, ok, line: {
      zh: `${file}：文件类型齐全率 ${k.total.percent.toFixed(1)}%（${k.total.complete}/${k.total.items} 个事项都有现行的${kinds}），门槛 ${threshold}%`,
      en: `${file}: kind coverage ${k.total.percent.toFixed(1)}% (${k.total.complete}/${k.total.items} items have a standard in force of each of ${k.required.join(', ')}), threshold ${threshold}%`,
    } };
  }
  if (gate === 'object') {
    // the lowest group decides: 服务对象全覆盖 means every group, not the average
    const groups = s.objects.filter((g) => g.target !== '');
    if (!groups.length) {
      return { gate, file, threshold, ok: false, line: {
        zh: `${file}：服务对象覆盖率无法计算——目录的事项没有注明服务对象（target；catalog import 可读入“服务对象”列），门槛 ${threshold}%`,
        en: `${file}: service-object coverage cannot be measured: the catalog's items name no target (catalog import reads a 服务对象 column), threshold ${threshold}%`,
      } };
    }
    const low = groups.reduce((a, b) => (b.percent < a.percent ? b : a));
    const n = low.size ?? low.items.length;
    const ok = low.percent >= threshold;
    return { gate, file, percent: low.percent, threshold, ok, line: {
      zh: `${file}：服务对象覆盖率（最低一组“${low.target}”）${low.percent.toFixed(1)}%（${low.covered}/${n}），门槛 ${threshold}%`,
      en: `${file}: service-object coverage (lowest group "${low.target}") ${low.percent.toFixed(1)}% (${low.covered}/${n}), threshold ${threshold}%`,
    } };
  }
  const covered = s.institution.filter((a) => a.covered).length;
  const all = s.institution.length;
  const percent = pct(covered, all);
  const missing = s.institution.filter((a) => !a.covered).map((a) => a.title);
  const ok = percent >= threshold;
  return { gate, file, percent, threshold, ok, line: {
    zh: `${file}：服务机构标准覆盖率 ${percent.toFixed(1)}%（${covered}/${all} 个方面有现行标准${missing.length ? `；缺：${missing.join('、')}` : ''}），门槛 ${threshold}%`,
    en: `${file}: institution coverage ${percent.toFixed(1)}% (${covered}/${all} aspects have a standard in force${missing.length ? `; missing: ${missing.join(', ')}` : ''}), threshold ${threshold}%`,
  } };
}
