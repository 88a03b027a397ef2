import { BoundedReadError, readRegularFile } from '../util/bounded-read.js';

/** A baseline lists covered service ids: 64 MiB is far above any real one. */
const BASELINE_MAX_BYTES = 64 * 1024 * 1024;
import type { Text } from '../i18n/index.js';
import type { CoverageState, CoverageSummary } from '../coverage/types.js';
import type { CoverageSections } from '../coverage/sections.js';

/** A baseline: which counted units each system had covered, ids sorted (code-point order) for clean diffs. */
export interface Baseline {
  format: 'hrss-std-gaps-baseline';
  version: 1;
  systems: BaselineSystem[];
}

export interface BaselineSystem {
  system: string;
  catalog: string;
  covered: string[];
  /** items that had a standard in force of every required kind (文件类型齐全), sorted */
  kindComplete?: string[];
  /** institution aspects (机构覆盖) that had a standard in force, in aspect order */
  institutionAspects?: string[];
}

/** An item kind-complete in the baseline that now lacks a required kind. */
export interface KindRegression { system: string; id: string; name: string; missing: string[] }
/** An institution aspect covered in the baseline that now has no standard in force. */
export interface AspectRegression { system: string; id: string; title: string }

export interface Regression {
  system: string;
  id: string;
  name: string;
  state: CoverageState;
}

export interface GateResults {
  minCoverage?: { threshold: number; failing: { system: string; pct: number; covered: number; items: number }[] };
  baseline?: { file: string; regressions: Regression[]; kindRegressions: KindRegression[]; aspectRegressions: AspectRegression[]; notices: Text[] };
  failed: boolean;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function makeBaseline(reports: CoverageSummary[], sections?: CoverageSections[]): Baseline {
  const systems = reports
    .map((r, k): BaselineSystem => {
      const sec = sections?.[k];
      return {
        system: r.system.id,
        catalog: r.catalog.id,
        covered: r.items.filter((i) => i.counted && i.state === 'covered').map((i) => i.item.id).sort(byCodePoint),
        ...(sec ? {
          kindComplete: sec.kinds.items.filter((i) => i.complete).map((i) => i.id).sort(byCodePoint),
          institutionAspects: sec.institution.filter((a) => a.covered).map((a) => a.id),
        } : {}),
      };
    })
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
    raw = JSON.parse(readRegularFile(file, BASELINE_MAX_BYTES).toString('utf8'));
  } catch (e) {
    if (e instanceof BoundedReadError) {
      if ((e as BoundedReadError).reason === 'io' && /ENOENT/.test(e.message)) throw new BaselineError({ zh: `找不到基线文件 ${file}`, en: `baseline file not found: ${file}` });
      throw new BaselineError({ zh: `基线文件：${e.text.zh}`, en: `baseline: ${e.text.en}` });
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new BaselineError({ zh: `找不到基线文件 ${file}`, en: `baseline file not found: ${file}` });
    if (err.code) throw new BaselineError({ zh: `无法读取基线文件 ${file}（${err.code}）`, en: `cannot read the baseline ${file} (${err.code})` });
    throw new BaselineError({ zh: `基线文件 ${file} 不是有效的 JSON：${err.message}`, en: `baseline ${file} is not valid JSON: ${err.message}` });
  }
  const ids = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const isEntry = (v: unknown): v is BaselineSystem =>
    !!v && typeof v === 'object' && typeof (v as Record<string, unknown>).system === 'string' && ids((v as Record<string, unknown>).covered)
    && ['kindComplete', 'institutionAspects'].every((k) => (v as Record<string, unknown>)[k] === undefined || ids((v as Record<string, unknown>)[k]));
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
  return { format: 'hrss-std-gaps-baseline', version: 1, systems: systems.map((s) => ({
    system: s.system, catalog: String(s.catalog ?? ''), covered: s.covered,
    ...(s.kindComplete ? { kindComplete: s.kindComplete } : {}), ...(s.institutionAspects ? { institutionAspects: s.institutionAspects } : {}),
  })) };
}

/**
 * The ratchet: an item covered in the baseline must still be covered; with `sections`, an item
 * kind-complete in the baseline must still be, and a covered institution aspect must stay covered.
 */
export function compareBaseline(reports: CoverageSummary[], base: Baseline, file: string, sections?: CoverageSections[]): NonNullable<GateResults['baseline']> {
  const regressions: Regression[] = [];
  const kindRegressions: KindRegression[] = [];
  const aspectRegressions: AspectRegression[] = [];
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
    const sec = sections?.[reports.indexOf(r)];
    if (sec && b.kindComplete) {
      const items = new Map(sec.kinds.items.map((i) => [i.id, i]));
      for (const id of b.kindComplete) {
        const i = items.get(id);
        if (i && !i.complete) kindRegressions.push({ system: r.system.id, id, name: i.name, missing: i.missing ?? sec.kinds.required.filter((k) => !i.kinds[k]?.length) });
      }
    }
    if (sec && b.institutionAspects) {
      for (const id of b.institutionAspects) {
        const a = sec.institution.find((x) => x.id === id);
        if (a && !a.covered) aspectRegressions.push({ system: r.system.id, id, title: a.title });
      }
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
  return { file, regressions, kindRegressions, aspectRegressions, notices };
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
