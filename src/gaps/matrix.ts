import type { Catalog } from '../catalog/types.js';
import type { CoverageUnit } from '../coverage/index-services.js';
import type { CoverageState, CoverageSummary } from '../coverage/types.js';

/** Item × system states for systems that share one catalog (地域全覆盖 is read off it). */
export interface MatrixGroup {
  catalog: Catalog;
  reports: CoverageSummary[];
  rows: { unit: CoverageUnit; states: CoverageState[] }[];
  /** counted units */
  counted: number;
  /** counted units covered in every system of the group */
  everywhere: number;
  /** counted units covered in none */
  nowhere: number;
}

/** Group reports by catalog (systems may use different catalogs), keeping the order systems were given. */
export function matrixGroups(reports: CoverageSummary[]): MatrixGroup[] {
  const groups = new Map<Catalog, CoverageSummary[]>();
  for (const r of reports) {
    let g = groups.get(r.catalog);
    if (!g) groups.set(r.catalog, (g = []));
    g.push(r);
  }
  const out: MatrixGroup[] = [];
  for (const [catalog, rs] of groups) {
    const byId = rs.map((r) => new Map(r.items.map((i) => [i.item.id, i])));
    const rows = rs[0]!.items.map((ic) => ({
      unit: { item: ic.item, project: ic.project, unit: ic.unit, projectId: ic.projectId, counted: ic.counted },
      states: byId.map((m) => m.get(ic.item.id)?.state ?? 'uncovered'),
    }));
    const counted = rows.filter((r) => r.unit.counted);
    out.push({
      catalog,
      reports: rs,
      rows,
      counted: counted.length,
      everywhere: counted.filter((r) => r.states.every((s) => s === 'covered')).length,
      nowhere: counted.filter((r) => r.states.every((s) => s !== 'covered')).length,
    });
  }
  return out;
}
