import type { SourceFile } from '../load/source.js';
import type { ParseResult } from '../numbers/index.js';
import { appendAll } from '../util/array.js';

export type Level = 'national' | 'industry' | 'local' | 'group' | 'enterprise';
export type Status = 'current' | 'upcoming' | 'drafting' | 'planned' | 'revising' | 'replaced' | 'withdrawn';
export type Framework = 'gbt24421' | 'zhanjiang-7' | 'none';

export const LEVELS: readonly Level[] = ['national', 'industry', 'local', 'group', 'enterprise'];
export const STATUSES: readonly Status[] = ['current', 'upcoming', 'drafting', 'planned', 'revising', 'replaced', 'withdrawn'];

/** Statuses of rows that exist as published standards in force (现有). */
export const IN_FORCE: ReadonlySet<Status> = new Set(['current', 'upcoming']);
/** Statuses of rows that are still to be made (planned work). */
export const TO_BE_MADE: ReadonlySet<Status> = new Set(['planned', 'drafting', 'revising']);

/** A standard row (标准明细表的一行) as authored, with enum aliases normalised. */
export interface StandardEntry {
  kind: 'standard';
  code?: string;
  number?: string;
  title: string;
  /** stated level, normalised; see `effectiveLevel` for the one used in statistics */
  level?: Level;
  /** stated status, or `current` when a number is given and no status */
  status: Status;
  statusStated: boolean;
  published?: string;
  effective?: string;
  reviewed?: string;
  department?: string;
  services: string[];
  replaces: string[];
  replacedBy?: string;
  adopted?: { ref: string; degree?: string };
  references: string[];
  justification?: string;
  note?: string;
  /** plan fields of rows still to be made: 计划完成时间 (YYYY, YYYY-MM or YYYY-MM-DD), 承担单位, 经费 */
  due?: string;
  undertaker?: string;
  funding?: string;
  /** the parsed YAML mapping (for positions) and the file it is in */
  raw: Record<string, unknown>;
  file: SourceFile;
  parent: SubsystemNode;
  /** position in tree order over the whole system (0-based) */
  order: number;
  /**
   * Memo slot filled on first use by model/level.ts. Plain fields rather than WeakMaps: at 100k
   * rows the weak tables cost the garbage collector more than the parsing they save. Stages above
   * the model add their own slots to these interfaces by declaration merging, typed where they are
   * filled (rules/number-fields.ts, coverage/index-services.ts), so the model imports none of them.
   */
  parsedNumber?: ParseResult | null;
}

export interface SubsystemNode {
  kind: 'node';
  code: string;
  title: string;
  description?: string;
  include?: string;
  subsystems: SubsystemNode[];
  standards: StandardEntry[];
  parent?: SubsystemNode;
  depth: number; // 1 = top-level sub-system
  raw: Record<string, unknown>;
  /** file the node itself is written in */
  file: SourceFile;
  /** file holding the node's body when it uses include: */
  bodyFile?: SourceFile;
  bodyRaw?: Record<string, unknown>;
}

/** system.yaml `document:` (编制说明). Absent fields are left out of the document, never guessed. */
export interface DocumentInfo {
  /** 编制单位 */
  organization?: string;
  /** 主要起草人 */
  drafters: string[];
  /** 编制日期: YYYY, YYYY-MM or YYYY-MM-DD */
  date?: string;
  /** 编制依据, one entry per document */
  basis: string[];
  /** 编制过程 */
  process?: string;
  /** 征求意见情况 */
  consultation?: string;
  /** 体系的维护与更新 */
  maintenance?: string;
}

export interface StandardSystem {
  id: string;
  title: string;
  region?: { name?: string; code?: string };
  owner?: string;
  version?: string;
  description?: string;
  /** the `document:` block: what the 编制说明 and the cover say (only what the office wrote) */
  document?: DocumentInfo;
  framework: Framework;
  /** as written in system.yaml (built-in id or path) */
  catalogRef?: string;
  subsystems: SubsystemNode[];
  /** rows directly under the system root (unusual, allowed) */
  standards: StandardEntry[];
  raw: Record<string, unknown>;
  file: SourceFile;
  dir: string;
  /** every file of the system: system.yaml first, then includes in tree order */
  files: SourceFile[];
  /** allStandards(), once built (coverage/index-services.ts adds its slot, see StandardEntry) */
  rowsMemo?: readonly StandardEntry[];
}

/** Every node, depth first, in tree order (an array, not a generator: rules walk it often). */
export function walkNodes(nodes: readonly SubsystemNode[], out: SubsystemNode[] = []): SubsystemNode[] {
  for (const n of nodes) {
    out.push(n);
    walkNodes(n.subsystems, out);
  }
  return out;
}

/**
 * Every standard row of a system in tree order (root rows first). Computed once per system and
 * shared by every rule, hence read-only.
 */
export function allStandards(system: StandardSystem): readonly StandardEntry[] {
  if (system.rowsMemo) return system.rowsMemo;
  const out: StandardEntry[] = [...system.standards];
  for (const n of walkNodes(system.subsystems)) appendAll(out, n.standards);
  return (system.rowsMemo = out);
}

/** Titles from the top-level sub-system down to `node`. */
export function nodePath(node: SubsystemNode): SubsystemNode[] {
  const path: SubsystemNode[] = [];
  for (let n: SubsystemNode | undefined = node; n; n = n.parent) path.unshift(n);
  return path;
}

export const LEVEL_ALIASES: Record<string, Level> = {
  national: 'national', 国家标准: 'national', 国标: 'national',
  industry: 'industry', 行业标准: 'industry', 行标: 'industry',
  local: 'local', 地方标准: 'local', 地标: 'local',
  group: 'group', 团体标准: 'group',
  enterprise: 'enterprise', 企业标准: 'enterprise', 内部标准: 'enterprise',
};

export const STATUS_ALIASES: Record<string, Status> = {
  current: 'current', 现行: 'current',
  upcoming: 'upcoming', 即将实施: 'upcoming',
  drafting: 'drafting', 制定中: 'drafting',
  planned: 'planned', 待制定: 'planned',
  revising: 'revising', 待修订: 'revising',
  replaced: 'replaced', 被代替: 'replaced',
  withdrawn: 'withdrawn', 废止: 'withdrawn',
};

export const LEVEL_LABELS: Record<Level, { zh: string; en: string }> = {
  national: { zh: '国家标准', en: 'national' },
  industry: { zh: '行业标准', en: 'industry' },
  local: { zh: '地方标准', en: 'local' },
  group: { zh: '团体标准', en: 'group' },
  enterprise: { zh: '企业标准', en: 'enterprise' },
};

export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  current: { zh: '现行', en: 'current' },
  upcoming: { zh: '即将实施', en: 'upcoming' },
  drafting: { zh: '制定中', en: 'drafting' },
  planned: { zh: '待制定', en: 'planned' },
  revising: { zh: '待修订', en: 'revising' },
  replaced: { zh: '被代替', en: 'replaced' },
  withdrawn: { zh: '废止', en: 'withdrawn' },
};
