import type { Catalog, CatalogItem, CatalogProject } from '../catalog/types.js';
import { allStandards, type StandardEntry, type StandardSystem } from '../model/types.js';
import type { ServingRow, UnitKind } from './types.js';

declare module '../model/types.js' {
  interface StandardSystem {
    /**
     * The service index for the system's last catalog. A slot on the system, not a WeakMap: in
     * Node 20 the minor GC kept the values of a WeakMap keyed by young systems alive, so every
     * system's model was promoted to the old generation (4 MB per scavenge at 100k rows).
     */
    serviceIndexMemo?: { catalog: Catalog; index: ServiceIndex };
  }
}

/** One thing coverage is measured on: an item, an item-less project, or an unassigned item. */
export interface CoverageUnit {
  item: CatalogItem;
  project?: CatalogProject;
  unit: UnitKind;
  projectId?: string;
  counted: boolean;
}

/** Which rows reach which unit: built once per system and catalog, shared by `gaps`, `priority` and `service-gap`. */
export interface ServiceIndex {
  units: CoverageUnit[];
  /** unit id → serving rows in tree order, one entry per row (strongest `via` kept) */
  rows: Map<string, ServingRow[]>;
  /** `services:` ids naming neither an item nor a project of the catalog */
  unknownIds: { entry: StandardEntry; id: string }[];
}

const VIA_RANK: Record<ServingRow['via'], number> = { item: 0, project: 1, also: 2 };

/** A project without items stands for itself, so it shows as a gap until a row names it. */
function projectAsItem(p: CatalogProject): CatalogItem {
  return {
    id: p.id, name: p.name, project: p.id, source: p.source, note: p.note,
    also: [], aliases: [], standards: p.standards, raw: p.raw,
  };
}

/** The catalog's units in catalog order: projects' items (or the project itself), then unassigned items. */
export function coverageUnits(catalog: Catalog): CoverageUnit[] {
  const units: CoverageUnit[] = [];
  for (const p of catalog.projects) {
    if (p.items.length === 0) units.push({ item: projectAsItem(p), unit: 'project', projectId: p.id, counted: true });
    else for (const i of p.items) units.push({ item: i, project: p, unit: 'item', projectId: p.id, counted: true });
  }
  for (const i of catalog.unassigned) units.push({ item: i, unit: 'unassigned', counted: false });
  return units;
}

/**
 * Resolve every `services:` id of the system against the catalog.
 * - an item id reaches that item (via 'item'); a project id reaches an
 *   item-less project unit the same way, since the project is the unit;
 * - a project id reaches each of the project's items (via 'project');
 * - a project id listed in an item's `also` reaches that item (via 'also').
 * Kept on the system object (for its last catalog), because validate's rules and gaps ask for it repeatedly.
 */
export function serviceIndex(system: StandardSystem, catalog: Catalog): ServiceIndex {
  const memo = system.serviceIndexMemo;
  if (memo?.catalog === catalog) return memo.index;

  const { units, reach } = reachOf(catalog);
  const rows = new Map<string, ServingRow[]>();
  for (let u = 0; u < units.length; u++) rows.set(units[u]!.item.id, []);
  const unknownIds: ServiceIndex['unknownIds'] = [];
  // the units one row reaches, strongest via kept, in first-reached order (reused across rows)
  const reached: string[] = [];
  const reachedVia: ServingRow['via'][] = [];
  // indexed loops: `services` lists come in several array kinds, and for-of over them allocated
  const all = allStandards(system);
  for (let r = 0; r < all.length; r++) {
    const entry = all[r]!;
    const ids = entry.services;
    reached.length = 0;
    reachedVia.length = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const targets = reach.get(id);
      if (!targets) {
        unknownIds.push({ entry, id });
        continue;
      }
      for (let j = 0; j < targets.length; j++) {
        const t = targets[j]!;
        const k = reached.indexOf(t.unit);
        if (k < 0) {
          reached.push(t.unit);
          reachedVia.push(t.via);
        } else if (VIA_RANK[t.via] < VIA_RANK[reachedVia[k]!]) reachedVia[k] = t.via;
      }
    }
    for (let k = 0; k < reached.length; k++) rows.get(reached[k]!)!.push({ entry, via: reachedVia[k]! });
  }
  const index = { units, rows, unknownIds };
  system.serviceIndexMemo = { catalog, index };
  return index;
}

interface Reach {
  units: CoverageUnit[];
  /** id named in services → the units it reaches, and how */
  reach: Map<string, { unit: string; via: ServingRow['via'] }[]>;
}

const reachCache = new WeakMap<Catalog, Reach>();

/** What each `services:` id reaches in a catalog: the same for every system measured against it. */
function reachOf(catalog: Catalog): Reach {
  const hit = reachCache.get(catalog);
  if (hit) return hit;
  const units = coverageUnits(catalog);
  const reach: Reach['reach'] = new Map();
  const add = (id: string, unit: string, via: ServingRow['via']) => {
    let list = reach.get(id);
    if (!list) reach.set(id, (list = []));
    list.push({ unit, via });
  };
  for (const u of units) {
    if (u.unit === 'project') {
      add(u.item.id, u.item.id, 'item');
      continue;
    }
    add(u.item.id, u.item.id, 'item');
    if (u.unit === 'item' && u.projectId) add(u.projectId, u.item.id, 'project');
    for (const other of u.item.also) if (other !== u.projectId && catalog.projectsById.has(other)) add(other, u.item.id, 'also');
  }
  const r = { units, reach };
  reachCache.set(catalog, r);
  return r;
}
