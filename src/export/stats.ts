import { appendAll } from '../util/array.js';
import { effectiveLevel } from '../model/level.js';
import {
  allStandards, IN_FORCE, LEVEL_LABELS, LEVELS, STATUSES, walkNodes,
  type Level, type StandardEntry, type StandardSystem, type Status, type SubsystemNode,
} from '../model/types.js';

/** A level, or `unknown` for a row whose level can be neither read from its number nor is stated. */
export type LevelKey = Level | 'unknown';

export const LEVEL_KEY_LABELS: Record<LevelKey, { zh: string; en: string }> = {
  ...LEVEL_LABELS,
  unknown: { zh: '未定级别', en: 'no level' },
};

/**
 * 应有数 (expected): every row of the table that the system is to have, planned ones included;
 *   被代替 and 废止 rows are listed for the record but not counted (they are not standards the
 *   system should have: counting them would inflate 应有数 and lower the percentage).
 * 现有数 (existing): rows that are published standards in force (现行 or 即将实施).
 * pct: 现有数 ÷ 应有数 × 100, rounded half up to one decimal; null when 应有数 is 0.
 */
export interface Count {
  expected: number;
  existing: number;
  pct: number | null;
}

export interface LevelStat extends Count {
  level: LevelKey;
}

export interface MatrixRow {
  /** undefined for the rows written directly under the system root */
  node?: SubsystemNode;
  code: string;
  title: string;
  /** 1 for top-level sub-systems, 2 for their children; counts include the whole subtree */
  depth: number;
  byLevel: Record<LevelKey, Count>;
  total: Count;
}

export interface Stats {
  /** the level columns shown: the five levels, plus `unknown` when a row has no level */
  levels: LevelKey[];
  byLevel: LevelStat[];
  total: Count;
  /** sub-system × level: top-level sub-systems and their children, tree order */
  matrix: MatrixRow[];
  byStatus: { status: Status; count: number }[];
}

/** Round half up to one decimal, in integer arithmetic so 12.25 does not become 12.2 through binary floats. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole)) / 10;
}

export function levelKey(entry: StandardEntry): LevelKey {
  return effectiveLevel(entry) ?? 'unknown';
}

/** A row counts as 现有 when it is a published standard in force. */
export function isExisting(entry: StandardEntry): boolean {
  return IN_FORCE.has(entry.status) && !!entry.number;
}

function emptyCounts(): Record<LevelKey, { expected: number; existing: number }> {
  const out = {} as Record<LevelKey, { expected: number; existing: number }>;
  for (const l of [...LEVELS, 'unknown'] as LevelKey[]) out[l] = { expected: 0, existing: 0 };
  return out;
}

function finish(c: { expected: number; existing: number }): Count {
  return { expected: c.expected, existing: c.existing, pct: percent(c.existing, c.expected) };
}

function tally(entries: readonly StandardEntry[]): { byLevel: Record<LevelKey, Count>; total: Count } {
  const counts = emptyCounts();
  const total = { expected: 0, existing: 0 };
  for (const e of entries) {
    if (e.status === 'replaced' || e.status === 'withdrawn') continue;
    const c = counts[levelKey(e)];
    const ex = isExisting(e) ? 1 : 0;
    c.expected++;
    c.existing += ex;
    total.expected++;
    total.existing += ex;
  }
  const byLevel = {} as Record<LevelKey, Count>;
  for (const k of Object.keys(counts) as LevelKey[]) byLevel[k] = finish(counts[k]);
  return { byLevel, total: finish(total) };
}

function subtreeStandards(node: SubsystemNode): StandardEntry[] {
  const out: StandardEntry[] = [];
  for (const n of walkNodes([node])) appendAll(out, n.standards);
  return out;
}

/** The 标准统计表 figures (GB/T 13017-2018 表 统计表), from the rows of a system. */
export function computeStats(system: StandardSystem): Stats {
  const rows = allStandards(system);
  const all = tally(rows);
  const levels: LevelKey[] = [...LEVELS];
  if (all.byLevel.unknown.expected > 0) levels.push('unknown');
  const matrix: MatrixRow[] = [];
  if (system.standards.length) {
    const t = tally(system.standards);
    matrix.push({ code: '', title: system.title, depth: 1, ...t });
  }
  for (const top of system.subsystems) {
    matrix.push({ node: top, code: top.code, title: top.title, depth: 1, ...tally(subtreeStandards(top)) });
    for (const child of top.subsystems) {
      matrix.push({ node: child, code: child.code, title: child.title, depth: 2, ...tally(subtreeStandards(child)) });
    }
  }
  const statusCount = new Map<Status, number>();
  for (const r of rows) statusCount.set(r.status, (statusCount.get(r.status) ?? 0) + 1);
  return {
    levels,
    byLevel: levels.map((level) => ({ level, ...all.byLevel[level] })),
    total: all.total,
    matrix,
    byStatus: STATUSES.filter((s) => statusCount.has(s)).map((status) => ({ status, count: statusCount.get(status)! })),
  };
}
