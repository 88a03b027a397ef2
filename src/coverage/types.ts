import type { Catalog, CatalogItem, CatalogProject } from '../catalog/types.js';
import type { Level, StandardEntry, StandardSystem, SubsystemNode } from '../model/types.js';

/**
 * Coverage of one catalog item:
 * - covered:   served by at least one current or upcoming standard (现行/即将实施)
 * - planned:   served only by rows still to be made (planned/drafting/revising)
 * - lapsed:    served only by replaced or withdrawn standards
 * - uncovered: no row names it
 */
export type CoverageState = 'covered' | 'planned' | 'lapsed' | 'uncovered';

export interface ServingRow {
  entry: StandardEntry;
  /** how the row reaches the item: the item id itself, its project id, or an `also` project */
  via: 'item' | 'project' | 'also';
}

/**
 * What a coverage unit is: a catalog item; a project that lists no items,
 * measured as one unit under its own id; or an item of `unassigned_items`
 * (listed, never counted in totals).
 */
export type UnitKind = 'item' | 'project' | 'unassigned';

/** A unit's state without the rows behind it: what matrices and gates read. */
export interface ItemState {
  item: CatalogItem;
  /** undefined for unassigned items and for projects measured as one unit */
  project?: CatalogProject;
  unit: UnitKind;
  /** the owning project's id (for a project unit: its own id) */
  projectId?: string;
  /** false for unassigned items: listed, not counted in any roll-up */
  counted: boolean;
  state: CoverageState;
  /** standards in force (现行/即将实施) serving the item, by effective level */
  levels: Partial<Record<Level, number>>;
}

export interface ItemCoverage extends ItemState {
  rows: ServingRow[];
  /** top-level sub-systems the serving rows sit in */
  subsystems: SubsystemNode[];
}

export interface Rollup {
  key: string;          // project id, area name or sub-system code
  name: string;
  items: number;
  covered: number;
  planned: number;
  lapsed: number;
  uncovered: number;
  /** covered units that a standard in force names by the unit's own id (not only through its project or `also`) */
  coveredDirect: number;
  /** covered ÷ items × 100, rounded half up to one decimal (see ROUNDING); 0 when items is 0 */
  coveragePct: number;
  /** how many of the group's covered units a standard in force of each level serves (a unit may count under several levels) */
  levels: Partial<Record<Level, number>>;
}

/**
 * A system's coverage without its rows: all that the views of several systems (matrix, totals) and
 * the gates need. It holds no part of the system's model, so `gaps` over many systems need not
 * keep every model in memory.
 */
export interface CoverageSummary {
  system: { id: string; title: string };
  catalog: Catalog;
  items: ItemState[];          // catalog order: projects' items, then unassigned
  byProject: Rollup[];
  byArea: Rollup[];
  bySubsystem: Rollup[];       // top-level sub-systems, tree order
  totals: Rollup;              // over project items only (unassigned are listed, not counted)
  /** the same counts over `unassigned_items` (shown separately, never in totals) */
  unassignedTotals: Rollup;
}

/** The full measurement: every unit with the rows that serve it. */
export interface CoverageReport extends CoverageSummary {
  system: StandardSystem;
  items: ItemCoverage[];
  /** `services:` ids in the system that are not in the catalog */
  unknownIds: { entry: StandardEntry; id: string }[];
}
