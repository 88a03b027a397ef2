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
