import type { Catalog } from '../catalog/types.js';
import type { KindVocabulary } from '../model/kind.js';
import type { StandardSystem } from '../model/types.js';
import { computeInstitutionCoverage, type AspectCoverage } from './institution.js';
import { computeKindCoverage, computeObjectCoverage, type KindCoverage, type ObjectGroup } from './kinds.js';

/**
 * The three coverages beside plain item coverage (业务全覆盖): 文件类型覆盖 (服务指南 and 操作规程
 * per item), 服务对象覆盖 and 机构覆盖. Each is its own figure; none is folded into the item
 * coverage percentage.
 */
export interface CoverageSections {
  kinds: KindCoverage;
  objects: ObjectGroup[];
  institution: AspectCoverage[];
  /** every kind id → Chinese title (built-in and configured), for naming the kinds an aspect counts */
  titles: Record<string, string>;
}

export function computeSections(system: StandardSystem, catalog: Catalog, vocab: KindVocabulary, required: readonly string[]): CoverageSections {
  return {
    kinds: computeKindCoverage(system, catalog, vocab, required),
    objects: computeObjectCoverage(system, catalog),
    institution: computeInstitutionCoverage(system, vocab),
    titles: { ...vocab.titles },
  };
}

/**
 * The figures without the per-item lists and rows, for systems shown only in a multi-system
 * table (their models are dropped as they are measured; so are these lists).
 */
export function summarizeSections(s: CoverageSections): CoverageSections {
  return {
    // per item only whether it is complete and what it lacks (the baseline ratchet reads them), not the rows
    kinds: { ...s.kinds, items: s.kinds.items.map((i) => ({ id: i.id, name: i.name, projectId: i.projectId, kinds: {}, complete: i.complete, missing: s.kinds.required.filter((k) => !i.kinds[k]!.length) })) },
    objects: s.objects.map((g) => ({ ...g, items: [], size: g.items.length })),
    institution: s.institution.map((a) => ({ ...a, rows: [], count: a.rows.length })),
    titles: s.titles,
  };
}

/** Items in a group (kept when the item list is dropped by summarizeSections). */
export const groupSize = (g: ObjectGroup): number => g.size ?? g.items.length;
/** Rows behind an aspect (kept when the rows are dropped by summarizeSections). */
export const aspectCount = (a: AspectCoverage): number => a.count ?? a.rows.length;
