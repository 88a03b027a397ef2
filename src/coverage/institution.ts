import { rowKind, type KindVocabulary } from '../model/kind.js';
import { allStandards, IN_FORCE, type StandardEntry, type StandardSystem } from '../model/types.js';
import { rowRef, type RowRef } from './kinds.js';

/**
 * 机构覆盖: 人社部发〔2023〕62号 asks for basic standards on the service institutions' 场地环境、
 * 设施设备和人员配备, and that 硬件建设、服务提供、内部管理、考核评价、风险防控 all 有标可依.
 * Each aspect is reached by rows of the listed kinds. Mapped from `kind` only, not from
 * sub-system names: the sample's sub-systems are business areas whose names would misclassify
 * (流动人员 is not 人员配备, 人才评价 is not 考核评价). Documented in docs/assess.md.
 */
export const INSTITUTION_ASPECTS: readonly { id: string; title: string; kinds: readonly string[] }[] = [
  { id: 'environment', title: '场地环境', kinds: ['environment'] },
  { id: 'facilities', title: '设施设备', kinds: ['facilities'] },
  { id: 'staffing', title: '人员配备', kinds: ['staff'] },
  { id: 'hardware', title: '硬件建设', kinds: ['environment', 'facilities'] },
  { id: 'provision', title: '服务提供', kinds: ['guide', 'procedure', 'service-spec', 'quality', 'process'] },
  { id: 'management', title: '内部管理', kinds: ['management', 'staff'] },
  { id: 'evaluation', title: '考核评价', kinds: ['evaluation'] },
  { id: 'risk', title: '风险防控', kinds: ['safety'] },
];

export interface AspectCoverage {
  id: string;
  title: string;
  kinds: string[];
  /** in-force rows of those kinds, in tree order */
  rows: RowRef[];
  covered: boolean;
  /** rows behind the aspect, when `rows` was dropped (summarizeSections) */
  count?: number;
}

export function computeInstitutionCoverage(system: StandardSystem, vocab: KindVocabulary): AspectCoverage[] {
  const byKind = new Map<string, StandardEntry[]>();
  for (const e of allStandards(system)) {
    if (!IN_FORCE.has(e.status)) continue;
    const id = rowKind(e, vocab).id;
    if (!id) continue;
    let l = byKind.get(id);
    if (!l) byKind.set(id, (l = []));
    l.push(e);
  }
  return INSTITUTION_ASPECTS.map((a) => {
    const entries = a.kinds.flatMap((k) => byKind.get(k) ?? []).sort((x, y) => x.order - y.order);
    const rows = entries.map(rowRef);
    return { id: a.id, title: a.title, kinds: [...a.kinds], rows, covered: rows.length > 0 };
  });
}
