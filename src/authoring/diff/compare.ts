import { computeCoverage } from '../../coverage/coverage.js';
import type { CoverageState } from '../../coverage/types.js';
import { displayNumber, effectiveLevel, parsedNumber } from '../../model/level.js';
import { allStandards, walkNodes, type StandardEntry, type StandardSystem, type SubsystemNode } from '../../model/types.js';
import { seriesKey } from '../../numbers/index.js';
import type { SideSystem } from './source.js';

/** A standard as the diff shows it. */
export interface StdRef {
  number?: string;
  title: string;
  code?: string;
  /** "101 术语与缩略语标准"; '' for rows directly under the system */
  subsystem: string;
  status: string;
}

export type ChangeKind = 'moved' | 'renumbered' | 'status' | 'title' | 'other';

export interface FieldChange {
  field: string;
  from: string | string[] | null;
  to: string | string[] | null;
}

export interface Changed {
  before: StdRef;
  after: StdRef;
  kinds: ChangeKind[];
  changes: FieldChange[];
}

export interface NodeRef {
  code: string;
  title: string;
}

export interface CoverageChange {
  id: string;
  name: string;
  from: CoverageState | null;
  to: CoverageState | null;
}

export interface SystemDiff {
  id: string;
  title: string;
  fileA?: string;
  fileB?: string;
  added: StdRef[];
  removed: StdRef[];
  changed: Changed[];
  nodes: { added: NodeRef[]; removed: NodeRef[]; renamed: { code: string; from: string; to: string }[] };
  coverage?: {
    items: CoverageChange[];
    totals: { from: number; to: number; coveredFrom: number; coveredTo: number; itemsFrom: number; itemsTo: number };
  };
}

function nodeLabel(n: SubsystemNode | undefined): string {
  return n && (n.code || n.title) ? `${n.code} ${n.title}`.trim() : '';
}

function ref(e: StandardEntry): StdRef {
  const r: StdRef = { title: e.title, subsystem: e.parent.depth === 0 ? '' : nodeLabel(e.parent), status: e.status };
  const n = displayNumber(e);
  if (n) r.number = n;
  if (e.code) r.code = e.code;
  return r;
}

const nodeKey = (e: StandardEntry) => (e.parent.depth === 0 ? '' : e.parent.code || `title:${e.parent.title}`);
const series = (e: StandardEntry) => {
  const p = parsedNumber(e);
  return p?.number ? seriesKey(p.number) : undefined;
};

/**
 * Pair the rows of two versions. In order, each pass only among rows still unpaired:
 * 1. the same standard number (canonical spelling);
 * 2. the same series (code + sequence + part: a new edition, "GB/T 31596.3-2015" → "-2023");
 * 3. the same title (a number given, changed or dropped);
 * 4. the same 标准体系表编号 when one side has no number (a planned row that got its number).
 */
export function pairRows(a: readonly StandardEntry[], b: readonly StandardEntry[]): { pairs: [StandardEntry, StandardEntry][]; removed: StandardEntry[]; added: StandardEntry[] } {
  const freeA = new Set(a);
  const freeB = new Set(b);
  const pairs: [StandardEntry, StandardEntry][] = [];
  // Each pass indexes the unpaired old rows by its key (first come, first paired): linear, not n×m.
  const pass = (key: (e: StandardEntry) => string | undefined, ok: (x: StandardEntry, y: StandardEntry) => boolean = () => true) => {
    const index = new Map<string, StandardEntry[]>();
    for (const x of a) {
      if (!freeA.has(x)) continue;
      const k = key(x);
      if (k === undefined) continue;
      const list = index.get(k);
      if (list) list.push(x);
      else index.set(k, [x]);
    }
    for (const y of b) {
      if (!freeB.has(y)) continue;
      const k = key(y);
      const list = k === undefined ? undefined : index.get(k);
      const i = list?.findIndex((x) => freeA.has(x) && ok(x, y)) ?? -1;
      if (i < 0) continue;
      const x = list![i]!;
      list!.splice(i, 1);
      pairs.push([x, y]);
      freeA.delete(x);
      freeB.delete(y);
    }
  };
  pass((e) => displayNumber(e) || undefined);
  pass(series);
  pass((e) => e.title);
  pass((e) => e.code || undefined, (x, y) => !x.number || !y.number);
  // report pairs in the new version's order
  const order = new Map(b.map((e, i) => [e, i]));
  pairs.sort((p, q) => order.get(p[1])! - order.get(q[1])!);
  return { pairs, removed: a.filter((x) => freeA.has(x)), added: b.filter((y) => freeB.has(y)) };
}

const OTHER_FIELDS: [string, (e: StandardEntry) => string | string[] | undefined][] = [
  ['level', (e) => effectiveLevel(e)],
  ['code', (e) => e.code],
  ['services', (e) => e.services],
  ['published', (e) => e.published],
  ['effective', (e) => e.effective],
  ['reviewed', (e) => e.reviewed],
  ['department', (e) => e.department],
  ['replaces', (e) => e.replaces],
  ['replaced_by', (e) => e.replacedBy],
  ['note', (e) => e.note],
];

function same(x: string | string[] | undefined, y: string | string[] | undefined): boolean {
  if (Array.isArray(x) || Array.isArray(y)) {
    const xs = [...((x as string[] | undefined) ?? [])].sort();
    const ys = [...((y as string[] | undefined) ?? [])].sort();
    return xs.length === ys.length && xs.every((v, i) => v === ys[i]);
  }
  return (x ?? null) === (y ?? null);
}

function compareRows(x: StandardEntry, y: StandardEntry): Changed | undefined {
  const kinds: ChangeKind[] = [];
  const changes: FieldChange[] = [];
  const add = (field: string, from: string | string[] | undefined, to: string | string[] | undefined, kind: ChangeKind) => {
    if (same(from, to)) return;
    changes.push({ field, from: from ?? null, to: to ?? null });
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  if (nodeKey(x) !== nodeKey(y)) {
    changes.push({ field: 'subsystem', from: nodeLabel(x.parent) || null, to: nodeLabel(y.parent) || null });
    kinds.push('moved');
  }
  add('number', displayNumber(x), displayNumber(y), 'renumbered');
  add('status', x.status, y.status, 'status');
  add('title', x.title, y.title, 'title');
  for (const [field, get] of OTHER_FIELDS) add(field, get(x), get(y), 'other');
  return changes.length ? { before: ref(x), after: ref(y), kinds, changes } : undefined;
}

function nodeChanges(a: StandardSystem | undefined, b: StandardSystem | undefined): SystemDiff['nodes'] {
  const map = (s?: StandardSystem) => new Map([...walkNodes(s?.subsystems ?? [])].map((n) => [n.code, n] as const));
  const na = map(a);
  const nb = map(b);
  return {
    added: [...nb.values()].filter((n) => !na.has(n.code)).map((n) => ({ code: n.code, title: n.title })),
    removed: [...na.values()].filter((n) => !nb.has(n.code)).map((n) => ({ code: n.code, title: n.title })),
    renamed: [...nb.values()].filter((n) => na.has(n.code) && na.get(n.code)!.title !== n.title)
      .map((n) => ({ code: n.code, from: na.get(n.code)!.title, to: n.title })),
  };
}

function coverageChange(a?: SideSystem, b?: SideSystem): SystemDiff['coverage'] {
  if (!a?.catalog || !b?.catalog) return undefined;
  const ra = computeCoverage(a.system, a.catalog);
  const rb = computeCoverage(b.system, b.catalog);
  const before = new Map(ra.items.map((i) => [i.item.id, i]));
  const after = new Map(rb.items.map((i) => [i.item.id, i]));
  const items: CoverageChange[] = [];
  for (const [id, i] of after) {
    const was = before.get(id)?.state ?? null;
    if (was !== i.state) items.push({ id, name: i.item.name, from: was, to: i.state });
  }
  for (const [id, i] of before) if (!after.has(id)) items.push({ id, name: i.item.name, from: i.state, to: null });
  return {
    items,
    totals: {
      from: ra.totals.coveragePct, to: rb.totals.coveragePct,
      coveredFrom: ra.totals.covered, coveredTo: rb.totals.covered,
      itemsFrom: ra.totals.items, itemsTo: rb.totals.items,
    },
  };
}

/** Everything that differs between two versions of one system (either may be absent: added or removed system). */
export function diffSystem(a: SideSystem | undefined, b: SideSystem | undefined): SystemDiff {
  const sa = a?.system;
  const sb = b?.system;
  const { pairs, removed, added } = pairRows(sa ? allStandards(sa) : [], sb ? allStandards(sb) : []);
  const changed = pairs.map(([x, y]) => compareRows(x, y)).filter((c): c is Changed => c !== undefined);
  return {
    id: (sb ?? sa)!.id,
    title: (sb ?? sa)!.title,
    fileA: a?.file,
    fileB: b?.file,
    added: added.map(ref),
    removed: removed.map(ref),
    changed,
    nodes: nodeChanges(sa, sb),
    coverage: coverageChange(a, b),
  };
}

/** Pair the systems of two sides by id (by file when a system has no id) and diff each pair. */
export function diffSides(a: SideSystem[], b: SideSystem[]): SystemDiff[] {
  const key = (s: SideSystem) => s.system.id || s.file;
  const byA = new Map(a.map((s) => [key(s), s]));
  const out: SystemDiff[] = [];
  const seen = new Set<string>();
  for (const s of b) {
    const k = key(s);
    seen.add(k);
    out.push(diffSystem(byA.get(k), s));
  }
  for (const s of a) if (!seen.has(key(s))) out.push(diffSystem(s, undefined));
  return out;
}

export function isEmpty(d: SystemDiff): boolean {
  return !d.added.length && !d.removed.length && !d.changed.length && !d.nodes.added.length && !d.nodes.removed.length
    && !d.nodes.renamed.length && !(d.coverage?.items.length) && !!d.fileA && !!d.fileB;
}
