import path from 'node:path';
import { appendAll } from '../util/array.js';
import type { Catalog } from '../catalog/types.js';
import { computeCoverage, summarizeCoverage } from '../coverage/coverage.js';
import type { CoverageSummary } from '../coverage/types.js';
import type { Config } from '../config/config.js';
import { toDiagnostic } from '../diagnostics/resolve.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { loadSystem } from '../system/load.js';
import { catalogFor } from './validate.js';
import { loadCatalog } from '../catalog/load.js';
import type { StageFinding } from '../system/load.js';
import { discoverSystems } from '../load/discover.js';
import { computeSections, summarizeSections, type CoverageSections } from '../coverage/sections.js';
import { kindVocabulary } from '../model/kind.js';

export interface MeasuredSystem {
  file: string;
  /** detailed (with rows) where asked for; see GapsOptions.detail */
  report: CoverageSummary;
  /** load/schema errors: the measurement may be incomplete */
  errors: Diagnostic[];
  /** 文件类型覆盖 (item × required kinds), 服务对象覆盖, 机构覆盖: per-item lists only where `report` keeps its rows */
  sections: CoverageSections;
}

export interface GapsLoad {
  systems: MeasuredSystem[];
  /** systems that could not be measured, with the reasons (file:line:col messages) */
  failed: { file: string; reason: 'unreadable' | 'no-catalog'; diagnostics: Diagnostic[] }[];
  missing: string[];
  found: number;
}

export interface GapsOptions {
  /** measure every system against this catalog (path relative to cwd, or a built-in id) */
  catalog?: string;
  /**
   * Which reports keep their rows: 'all' (JSON lists every system's rows), or 'first': the
   * views of several systems read summaries only, so after the first system each model is
   * dropped as soon as it is measured (at 100k rows, ~130 MB the GC need not carry).
   */
  detail: 'all' | 'first';
}

/**
 * Load systems the way `validate` finds them (same discovery, same catalog
 * resolution through system.yaml `catalog:` or the config default), without
 * running the rules, and measure each one's coverage as it is loaded.
 */
export function measureGaps(args: string[], config: Config, cwd: string, opts: GapsOptions): GapsLoad {
  const { files, missing } = discoverSystems(args, cwd, config.systems, config.dir);
  const out: GapsLoad = { systems: [], failed: [], missing, found: files.length };
  for (const f of files) {
    const loaded = loadSystem(f, { limits: config.limits, cwd });
    const stage = loaded.findings;
    const display = loaded.files[0]?.display ?? f;
    if (!loaded.system) {
      out.failed.push({ file: display, reason: 'unreadable', diagnostics: stage.map((s) => toDiagnostic(s.rule, 'error', s.finding)) });
      continue;
    }
    const before = stage.length;
    // --catalog measures every system against one catalog (a path relative to the working directory).
    const c = opts.catalog ? overrideCatalog(opts.catalog, config, cwd, stage) : catalogFor(loaded.system, config, cwd, stage);
    if (!c.catalog) {
      const ds = stage.slice(before).map((s) => toDiagnostic(s.rule, 'error', s.finding));
      out.failed.push({ file: display, reason: 'no-catalog', diagnostics: ds });
      continue;
    }
    // Schema findings are errors for validate; here they only warn that the numbers may be incomplete.
    const errors = stage.filter((s) => config.rules[s.rule] !== 'off').map((s) => toDiagnostic(s.rule, 'error', s.finding));
    const report = computeCoverage(loaded.system, c.catalog);
    const keepRows = opts.detail === 'all' || out.systems.length === 0;
    const sections = computeSections(loaded.system, c.catalog, kindVocabulary(config.kinds), config.requiredKinds);
    out.systems.push({ file: display, report: keepRows ? report : summarizeCoverage(report), errors, sections: keepRows ? sections : summarizeSections(sections) });
  }
  return out;
}

function overrideCatalog(ref: string, config: Config, cwd: string, stage: StageFinding[]): { catalog?: Catalog } {
  const res = loadCatalog(ref, cwd, { limits: config.limits, cwd });
  appendAll(stage, res.findings);
  if (!res.catalog && !res.findings.length) {
    stage.push({
      rule: 'catalog-error',
      finding: {
        message: { zh: `无法使用服务事项目录 “${ref}”`, en: `cannot use the catalog "${ref}"` },
        hint: { zh: '内置目录：hrss-basic；或写 .yaml 文件的路径', en: 'built-in: hrss-basic; or the path of a .yaml file' },
        at: { file: { abs: path.resolve(cwd, ref), display: ref, text: '' }, offset: 0 },
      },
    });
  }
  return { catalog: res.catalog };
}
