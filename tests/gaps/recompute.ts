import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/**
 * An independent, deliberately plain recount of coverage straight from the
 * YAML files (no hrss-std code), so the tests can check every number gaps prints.
 */
type Raw = Record<string, any>;

export interface Recount {
  units: Map<string, { project?: string; counted: boolean; state: string }>;
  totals: { items: number; covered: number; planned: number; lapsed: number; uncovered: number };
  byProject: Map<string, { items: number; covered: number; planned: number; lapsed: number; uncovered: number }>;
}

function rowsOf(node: Raw, dir: string, out: Raw[]): void {
  for (const s of node.standards ?? []) out.push(s);
  if (node.include) rowsOf(yaml.load(readFileSync(path.join(dir, node.include), 'utf8')) as Raw, dir, out);
  for (const n of node.subsystems ?? []) rowsOf(n, dir, out);
}

export function recount(systemFile: string, catalogFile: string): Recount {
  const dir = path.dirname(systemFile);
  const system = yaml.load(readFileSync(systemFile, 'utf8')) as Raw;
  const catalog = yaml.load(readFileSync(catalogFile, 'utf8')) as Raw;
  const rows: Raw[] = [];
  rowsOf(system, dir, rows);
  const statusOf = (r: Raw) => r.status ?? (r.number ? 'current' : 'planned');

  // For each unit: the statuses of the rows that name it, its project, or one of its `also` projects.
  const units = new Map<string, { project?: string; counted: boolean; names: string[] }>();
  for (const p of catalog.projects) {
    if (!p.items?.length) units.set(p.id, { project: p.id, counted: true, names: [p.id] });
    for (const i of p.items ?? []) units.set(i.id, { project: p.id, counted: true, names: [i.id, p.id, ...(i.also ?? [])] });
  }
  for (const i of catalog.unassigned_items ?? []) units.set(i.id, { counted: false, names: [i.id] });

  const out: Recount = { units: new Map(), totals: zero(), byProject: new Map() };
  for (const [id, u] of units) {
    const statuses = rows.filter((r) => (r.services ?? []).some((s: string) => u.names.includes(s))).map(statusOf);
    const state = statuses.some((s) => s === 'current' || s === 'upcoming') ? 'covered'
      : statuses.some((s) => s === 'planned' || s === 'drafting' || s === 'revising') ? 'planned'
      : statuses.length ? 'lapsed' : 'uncovered';
    out.units.set(id, { project: u.project, counted: u.counted, state });
    if (!u.counted) continue;
    const bump = (t: ReturnType<typeof zero>) => {
      t.items++;
      (t as any)[state]++;
    };
    bump(out.totals);
    if (!out.byProject.has(u.project!)) out.byProject.set(u.project!, zero());
    bump(out.byProject.get(u.project!)!);
  }
  return out;
}

function zero() {
  return { items: 0, covered: 0, planned: 0, lapsed: 0, uncovered: 0 };
}

/** Half up to one decimal, the rule gaps states (Math.round rounds .5 up for positives; k + 0.5 quotients are exact in binary). */
export function pct(part: number, whole: number): number {
  return whole ? Math.round((part * 1000) / whole) / 10 : 0;
}

/**
 * The kind, object and institution figures recounted from the YAML text alone: kinds only as
 * stated (id or Chinese title) or by the three certain title endings; rows in force only.
 */
export interface SectionRecount {
  kinds: { items: number; complete: number; perKind: Record<string, number>; incomplete: string[] };
  objects: { target: string; items: number; covered: number }[];
  /** aspect id → 'file:line' of the rows behind it */
  institution: Record<string, string[]>;
}

const KIND_TITLES: Record<string, string> = {
  guide: '服务指南', procedure: '操作规程', 'service-spec': '服务规范', quality: '服务质量', process: '服务流程', staff: '人员及岗位',
  facilities: '设施设备', environment: '场地环境', safety: '服务安全', management: '管理规范', evaluation: '评价与改进',
};
const ASPECT_KINDS: Record<string, string[]> = {
  environment: ['environment'], facilities: ['facilities'], staffing: ['staff'], hardware: ['environment', 'facilities'],
  provision: ['guide', 'procedure', 'service-spec', 'quality', 'process'], management: ['management', 'staff'], evaluation: ['evaluation'], risk: ['safety'],
};

/** Rows with the file (as shown, relative to cwd) and the line where each row's mapping starts. */
function rowsWithLines(file: string, cwd: string, out: { row: Raw; at: string }[]): void {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const doc = yaml.load(text) as Raw;
  // each row's line: the line of its list dash, found by scanning for "- " and then its title
  const starts: { line: number; title?: string }[] = [];
  lines.forEach((l, i) => {
    if (/^\s*- (\{ *)?[a-z_]+:/.test(l)) starts.push({ line: i + 1 });
    const t = /^\s*(?:- )?(?:\{ *)?title: ([^,}\n]+)/.exec(l);
    if (t && starts.length) starts[starts.length - 1]!.title ??= t[1]!.trim();
  });
  const walk = (n: Raw) => {
    for (const s of n.standards ?? []) {
      const st = starts.find((x) => x.title === String(s.title).trim());
      out.push({ row: s, at: `${path.relative(cwd, file)}:${st?.line ?? '?'}` });
    }
    if (n.include) rowsWithLines(path.join(path.dirname(file), n.include), cwd, out);
    for (const c of n.subsystems ?? []) walk(c);
  };
  walk(doc);
}

export function recountSections(systemFile: string, catalogFile: string, cwd: string, required = ['guide', 'procedure']): SectionRecount {
  const rows: { row: Raw; at: string }[] = [];
  rowsWithLines(systemFile, cwd, rows);
  const catalog = yaml.load(readFileSync(catalogFile, 'utf8')) as Raw;
  const inForce = (r: Raw) => ['current', 'upcoming', '现行', '即将实施'].includes(r.status ?? (r.number ? 'current' : 'planned'));
  const kindOf = (r: Raw): string | undefined => {
    if (typeof r.kind === 'string') return KIND_TITLES[r.kind] ? r.kind : Object.keys(KIND_TITLES).find((k) => KIND_TITLES[k] === r.kind);
    const t = String(r.title).trim();
    return t.endsWith('服务指南') ? 'guide' : t.endsWith('操作规程') ? 'procedure' : t.endsWith('服务规范') ? 'service-spec' : undefined;
  };
  const out: SectionRecount = { kinds: { items: 0, complete: 0, perKind: Object.fromEntries(required.map((k) => [k, 0])), incomplete: [] }, objects: [], institution: {} };
  for (const p of catalog.projects) {
    for (const i of p.items?.length ? p.items : [{ id: p.id, target: p.target }]) {
      const names = [i.id, p.id, ...(i.also ?? [])];
      const serving = rows.filter(({ row }) => inForce(row) && (row.services ?? []).some((s: string) => names.includes(s)));
      out.kinds.items++;
      const has = required.filter((k) => serving.some(({ row }) => kindOf(row) === k));
      for (const k of has) out.kinds.perKind[k]!++;
      if (has.length === required.length) out.kinds.complete++;
      else out.kinds.incomplete.push(i.id);
      const target = i.target ?? '';
      let g = out.objects.find((x) => x.target === target);
      if (!g) out.objects.push((g = { target, items: 0, covered: 0 }));
      g.items++;
      if (serving.length) g.covered++;
    }
  }
  for (const [aspect, kinds] of Object.entries(ASPECT_KINDS)) {
    out.institution[aspect] = rows.filter(({ row }) => inForce(row) && kinds.includes(kindOf(row) ?? '')).map((r) => r.at);
  }
  return out;
}
