import { readFileSync } from 'node:fs';
import type { Text } from '../i18n/index.js';
import type { CoverageState, CoverageSummary } from '../coverage/types.js';

/** A baseline: which counted units each system had covered, ids sorted (code-point order) for clean diffs. */
export interface Baseline {
  format: 'hrss-std-gaps-baseline';
  version: 1;
  systems: { system: string; catalog: string; covered: string[] }[];
}

export interface Regression {
  system: string;
  id: string;
  name: string;
  state: CoverageState;
}

export interface GateResults {
  minCoverage?: { threshold: number; failing: { system: string; pct: number; covered: number; items: number }[] };
  baseline?: { file: string; regressions: Regression[]; notices: Text[] };
  failed: boolean;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function makeBaseline(reports: CoverageSummary[]): Baseline {
  const systems = reports
    .map((r) => ({
      system: r.system.id,
      catalog: r.catalog.id,
      covered: r.items.filter((i) => i.counted && i.state === 'covered').map((i) => i.item.id).sort(byCodePoint),
    }))
    .sort((a, b) => byCodePoint(a.system, b.system));
  return { format: 'hrss-std-gaps-baseline', version: 1, systems };
}

export function baselineText(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

export class BaselineError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** Read a baseline; also accepts the one-system shape `{ system, catalog, covered }`. */
export function readBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new BaselineError({ zh: `找不到基线文件 ${file}`, en: `baseline file not found: ${file}` });
    if (err.code) throw new BaselineError({ zh: `无法读取基线文件 ${file}（${err.code}）`, en: `cannot read the baseline ${file} (${err.code})` });
    throw new BaselineError({ zh: `基线文件 ${file} 不是有效的 JSON：${err.message}`, en: `baseline ${file} is not valid JSON: ${err.message}` });
  }
  const isEntry = (v: unknown): v is Baseline['systems'][number] =>
    !!v && typeof v === 'object' && typeof (v as Record<string, unknown>).system === 'string' &&
    Array.isArray((v as Record<string, unknown>).covered) && ((v as Record<string, unknown>).covered as unknown[]).every((x) => typeof x === 'string');
  const r = raw as Record<string, unknown> | null;
  let systems: Baseline['systems'] | undefined;
  if (r && Array.isArray(r.systems) && r.systems.every(isEntry)) systems = r.systems;
  else if (isEntry(r)) systems = [r];
  if (!systems) {
    throw new BaselineError({
      zh: `基线文件 ${file} 的结构不对：应为 { "systems": [ { "system", "catalog", "covered": [事项 id…] } ] }`,
      en: `baseline ${file} has the wrong shape: expected { "systems": [ { "system", "catalog", "covered": [ids…] } ] }`,
    });
  }
  return { format: 'hrss-std-gaps-baseline', version: 1, systems: systems.map((s) => ({ system: s.system, catalog: String(s.catalog ?? ''), covered: s.covered })) };
}

/** The ratchet: an item covered in the baseline must still be covered. */
export function compareBaseline(reports: CoverageSummary[], base: Baseline, file: string): NonNullable<GateResults['baseline']> {
  const regressions: Regression[] = [];
  const notices: Text[] = [];
  const bySystem = new Map(base.systems.map((s) => [s.system, s]));
  for (const r of reports) {
    const b = bySystem.get(r.system.id);
    if (!b) {
      notices.push({ zh: `基线中没有体系 ${r.system.id}，未比较`, en: `the baseline has no entry for system ${r.system.id}; not compared` });
      continue;
    }
    if (b.catalog && b.catalog !== r.catalog.id) {
      notices.push({ zh: `体系 ${r.system.id} 的基线按目录 ${b.catalog} 记录，现在使用 ${r.catalog.id}`, en: `system ${r.system.id}: the baseline was taken against catalog ${b.catalog}, now ${r.catalog.id}` });
    }
    const now = new Map(r.items.map((i) => [i.item.id, i]));
    const gone: string[] = [];
    for (const id of b.covered) {
      const ic = now.get(id);
      if (!ic) gone.push(id);
      else if (ic.state !== 'covered') regressions.push({ system: r.system.id, id, name: ic.item.name, state: ic.state });
    }
    if (gone.length) {
      notices.push({
        zh: `体系 ${r.system.id}：基线中的 ${gone.join('、')} 已不在目录中，未计为退步`,
        en: `system ${r.system.id}: ${gone.join(', ')} from the baseline are no longer in the catalog; not counted as regressions`,
      });
    }
  }
  for (const s of base.systems) {
    if (!reports.some((r) => r.system.id === s.system)) {
      notices.push({ zh: `基线中的体系 ${s.system} 本次未分析`, en: `system ${s.system} of the baseline was not measured in this run` });
    }
  }
  return { file, regressions, notices };
}

/** Below P% fails. The percentage compared is the one printed (rounded half up to one decimal). */
export function checkMinCoverage(reports: CoverageSummary[], threshold: number): NonNullable<GateResults['minCoverage']> {
  const failing = reports
    .filter((r) => r.totals.coveragePct < threshold)
    .map((r) => ({ system: r.system.id, pct: r.totals.coveragePct, covered: r.totals.covered, items: r.totals.items }));
  return { threshold, failing };
}

/** "80", "80%", "72.5" → number in [0, 100]; undefined when it is not one. */
export function parseThreshold(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[%％]?\s*$/.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]);
  return v >= 0 && v <= 100 ? v : undefined;
}
