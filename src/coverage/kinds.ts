import type { Catalog } from '../catalog/types.js';
import { locate } from '../load/source.js';
import { rowKind, type KindVocabulary } from '../model/kind.js';
import { IN_FORCE, type StandardEntry, type StandardSystem } from '../model/types.js';
import { serviceIndex } from './index-services.js';
import { percent } from './round.js';

/** A row a figure rests on, as a reviewer finds it in the YAML. */
export interface RowRef {
  file: string;
  line: number;
  title: string;
  number?: string;
}

export function rowRef(e: StandardEntry): RowRef {
  return { file: e.file.display, line: locate(e.file, e.raw).line, title: e.title, ...(e.number ? { number: e.number } : {}) };
}

/** One catalog item (counted unit) × the required kinds: which in-force rows of each kind serve it. */
export interface ItemKinds {
  id: string;
  name: string;
  projectId?: string;
  /** kind id → in-force rows of that kind serving the item (empty: missing) */
  kinds: Record<string, RowRef[]>;
  /** every required kind has at least one row */
  complete: boolean;
  /** the required kinds it lacks, when `kinds` was dropped (summarizeSections) */
  missing?: string[];
}

export interface KindRollup {
  projectId: string;
  name: string;
  items: number;
  /** items that have every required kind */
  complete: number;
  /** kind id → items that have it */
  perKind: Record<string, number>;
}

/**
 * 文件类型覆盖: kept apart from plain item coverage (an item is "covered" by any in-force row; it is
 * kind-complete only when it has an in-force row of each required kind). Only in-force rows
 * (current, upcoming) count, as for item coverage; planned rows are work, not standards.
 */
export interface KindCoverage {
  required: string[];
  titles: Record<string, string>;
  items: ItemKinds[];
  projects: KindRollup[];
  total: { items: number; complete: number; percent: number; perKind: Record<string, number> };
}

export function computeKindCoverage(system: StandardSystem, catalog: Catalog, vocab: KindVocabulary, required: readonly string[]): KindCoverage {
  const index = serviceIndex(system, catalog);
  const items: ItemKinds[] = [];
  const projects = new Map<string, KindRollup>();
  const zero = () => Object.fromEntries(required.map((k) => [k, 0])) as Record<string, number>;
  const total = { items: 0, complete: 0, percent: 0, perKind: zero() };
  for (const u of index.units) {
    if (!u.counted) continue;
    const kinds: Record<string, RowRef[]> = Object.fromEntries(required.map((k) => [k, [] as RowRef[]]));
    for (const r of index.rows.get(u.item.id) ?? []) {
      if (!IN_FORCE.has(r.entry.status)) continue;
      const id = rowKind(r.entry, vocab).id;
      if (id && kinds[id]) kinds[id]!.push(rowRef(r.entry));
    }
    const complete = required.every((k) => kinds[k]!.length > 0);
    items.push({ id: u.item.id, name: u.item.name, projectId: u.projectId, kinds, complete });
    const pid = u.projectId ?? '';
    let p = projects.get(pid);
    if (!p) projects.set(pid, (p = { projectId: pid, name: u.project?.name ?? u.item.name, items: 0, complete: 0, perKind: zero() }));
    p.items++;
    total.items++;
    if (complete) (p.complete++, total.complete++);
    for (const k of required) if (kinds[k]!.length) (p.perKind[k]!++, total.perKind[k]!++);
  }
  total.percent = percent(total.complete, total.items);
  const titles = Object.fromEntries(required.map((k) => [k, vocab.titles[k] ?? k]));
  return { required: [...required], titles, items, projects: [...projects.values()], total };
}

/** 服务对象覆盖: per 服务对象 group of the catalog (`target`), its items and whether each is covered. */
export interface ObjectGroup {
  /** the catalog's `target` as written; '' for items that name none */
  target: string;
  items: { id: string; name: string; covered: boolean }[];
  covered: number;
  percent: number;
  /** items in the group, when `items` was dropped (summarizeSections) */
  size?: number;
}

/** Items covered (an in-force row serves them), grouped by 服务对象 in first-seen catalog order. */
export function computeObjectCoverage(system: StandardSystem, catalog: Catalog): ObjectGroup[] {
  const index = serviceIndex(system, catalog);
  const groups = new Map<string, ObjectGroup>();
  for (const u of index.units) {
    if (!u.counted) continue;
    const target = u.item.target?.trim() ?? '';
    let g = groups.get(target);
    if (!g) groups.set(target, (g = { target, items: [], covered: 0, percent: 0 }));
    const covered = (index.rows.get(u.item.id) ?? []).some((r) => IN_FORCE.has(r.entry.status));
    g.items.push({ id: u.item.id, name: u.item.name, covered });
    if (covered) g.covered++;
  }
  for (const g of groups.values()) g.percent = percent(g.covered, g.items.length);
  return [...groups.values()];
}
