import type { Catalog } from '../catalog/types.js';
import { effectiveLevel } from '../model/level.js';
import { IN_FORCE, TO_BE_MADE, type Level, type StandardEntry, type StandardSystem, type SubsystemNode } from '../model/types.js';
import { percent } from './round.js';
import { serviceIndex, type CoverageUnit } from './index-services.js';
import type { CoverageReport, CoverageState, CoverageSummary, ItemCoverage, Rollup, ServingRow } from './types.js';
import { detach } from '../util/text.js';

export { ROUNDING, percent, formatPct } from './round.js';

/** The top-level sub-system a row sits in; undefined for rows directly under the system root. */
export function topLevelOf(entry: StandardEntry): SubsystemNode | undefined {
  let n: SubsystemNode | undefined = entry.parent;
  if (!n || n.depth === 0) return undefined;
  while (n.parent) n = n.parent;
  return n;
}

/** State from a set of rows: in force beats to-be-made beats lapsed. */
export function stateOf(rows: ServingRow[]): CoverageState {
  if (rows.some((r) => IN_FORCE.has(r.entry.status))) return 'covered';
  if (rows.some((r) => TO_BE_MADE.has(r.entry.status))) return 'planned';
  if (rows.length > 0) return 'lapsed';
  return 'uncovered';
}

function levelsInForce(rows: ServingRow[]): Partial<Record<Level, number>> {
  const out: Partial<Record<Level, number>> = {};
  for (const r of rows) {
    if (!IN_FORCE.has(r.entry.status)) continue;
    const l = effectiveLevel(r.entry);
    if (l) out[l] = (out[l] ?? 0) + 1;
  }
  return out;
}

/** Accumulates units into one roll-up line. */
export class RollupBuilder {
  readonly r: Rollup;
  private readonly levelsSeen: Level[] = [];
  constructor(key: string, name: string) {
    this.r = { key, name, items: 0, covered: 0, planned: 0, lapsed: 0, uncovered: 0, coveredDirect: 0, coveragePct: 0, levels: {} };
  }
  add(state: CoverageState, rows: ServingRow[]): void {
    const r = this.r;
    r.items++;
    r[state]++;
    if (state !== 'covered') return;
    // levels of the rows in force, each once, in first-seen order (kept in the output's key order)
    const levels = this.levelsSeen;
    levels.length = 0;
    let direct = false;
    for (const x of rows) {
      if (!IN_FORCE.has(x.entry.status)) continue;
      if (x.via === 'item') direct = true;
      const l = effectiveLevel(x.entry);
      if (l && !levels.includes(l)) levels.push(l);
    }
    if (direct) r.coveredDirect++;
    for (const l of levels) r.levels[l] = (r.levels[l] ?? 0) + 1;
  }
  done(): Rollup {
    this.r.coveragePct = percent(this.r.covered, this.r.items);
    return this.r;
  }
}

/**
 * Coverage of a system against a catalog: every unit's state and serving rows,
 * roll-ups per project, area and top-level sub-system, and totals over the
 * counted units (unassigned items are listed but kept out of totals).
 */
export function computeCoverage(system: StandardSystem, catalog: Catalog): CoverageReport {
  const index = serviceIndex(system, catalog);
  const items: ItemCoverage[] = index.units.map((u) => itemCoverage(u, index.rows.get(u.item.id) ?? []));

  const totals = new RollupBuilder('', catalog.title);
  const unassigned = new RollupBuilder('unassigned', 'unassigned_items');
  const projects = new Map(catalog.projects.map((p) => [p.id, new RollupBuilder(p.id, p.name)]));
  const areas = new Map<string, RollupBuilder>();
  for (const ic of items) {
    if (!ic.counted) {
      unassigned.add(ic.state, ic.rows);
      continue;
    }
    totals.add(ic.state, ic.rows);
    projects.get(ic.projectId!)!.add(ic.state, ic.rows);
    const area = catalog.projectsById.get(ic.projectId!)?.area ?? '';
    let a = areas.get(area);
    if (!a) areas.set(area, (a = new RollupBuilder(area, area)));
    a.add(ic.state, ic.rows);
  }

  // Per top-level sub-system: the counted units its own rows reach, in the state those rows alone give.
  const bySubsystem: Rollup[] = [];
  const tops: { key: string; name: string; node?: SubsystemNode }[] = system.subsystems.map((n) => ({ key: n.code, name: n.title, node: n }));
  if (system.standards.some((e) => e.services.length)) tops.push({ key: '', name: system.title });
  // each counted unit's rows grouped by top-level sub-system once (tree order kept within a group)
  const grouped = items.map((ic) => {
    const groups = new Map<SubsystemNode | undefined, ServingRow[]>();
    if (!ic.counted) return groups;
    for (const r of ic.rows) {
      const top = topLevelOf(r.entry);
      const g = groups.get(top);
      if (g) g.push(r);
      else groups.set(top, [r]);
    }
    return groups;
  });
  for (const top of tops) {
    const b = new RollupBuilder(top.key, top.name);
    for (const groups of grouped) {
      const mine = groups.get(top.node);
      if (mine) b.add(stateOf(mine), mine);
    }
    bySubsystem.push(b.done());
  }

  return {
    system,
    catalog,
    items,
    byProject: [...projects.values()].map((b) => b.done()),
    byArea: [...areas.values()].map((b) => b.done()),
    bySubsystem,
    totals: totals.done(),
    unassignedTotals: unassigned.done(),
    unknownIds: index.unknownIds,
  };
}

/**
 * The report without its rows. Names are copied out of the file texts, so nothing of the system's
 * model stays reachable: `gaps` over hundreds of systems keeps one summary each, not every model.
 */
export function summarizeCoverage(r: CoverageReport): CoverageSummary {
  const rollup = (x: Rollup): Rollup => ({ ...x, key: detach(x.key), name: detach(x.name) });
  return {
    system: { id: detach(r.system.id), title: detach(r.system.title) },
    catalog: r.catalog,
    items: r.items.map((ic) => ({
      item: ic.item, project: ic.project, unit: ic.unit, projectId: ic.projectId, counted: ic.counted, state: ic.state, levels: ic.levels,
    })),
    byProject: r.byProject,
    byArea: r.byArea,
    bySubsystem: r.bySubsystem.map(rollup),
    totals: rollup(r.totals),
    unassignedTotals: r.unassignedTotals,
  };
}

/** A report with its rows, for the views that list them (one system, or JSON). */
export function isDetailed(r: CoverageSummary): r is CoverageReport {
  return 'unknownIds' in r;
}

function itemCoverage(u: CoverageUnit, rows: ServingRow[]): ItemCoverage {
  const subsystems: SubsystemNode[] = [];
  for (const r of rows) {
    const top = topLevelOf(r.entry);
    if (top && !subsystems.includes(top)) subsystems.push(top);
  }
  return {
    item: u.item,
    project: u.project,
    unit: u.unit,
    projectId: u.projectId,
    counted: u.counted,
    state: stateOf(rows),
    rows,
    subsystems,
    levels: levelsInForce(rows),
  };
}
