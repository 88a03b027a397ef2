import path from 'node:path';
import { appendAll } from '../util/array.js';
import type { Catalog } from '../catalog/types.js';
import type { Config } from '../config/config.js';
import { toDiagnostic } from '../diagnostics/resolve.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { loadSystem } from '../load/system.js';
import type { StandardSystem } from '../model/types.js';
import { catalogFor } from '../pipeline/validate.js';
import { loadCatalog } from '../catalog/load.js';
import type { StageFinding } from '../load/system.js';
import { discoverSystems } from '../pipeline/discover.js';

export interface MeasuredSystem {
  file: string;
  system: StandardSystem;
  catalog: Catalog;
  /** load/schema errors: the measurement may be incomplete */
  errors: Diagnostic[];
}

export interface GapsLoad {
  systems: MeasuredSystem[];
  /** systems that could not be measured, with the reasons (file:line:col messages) */
  failed: { file: string; reason: 'unreadable' | 'no-catalog'; diagnostics: Diagnostic[] }[];
  missing: string[];
  found: number;
}

/**
 * Load systems the way `validate` finds them (same discovery, same catalog
 * resolution through system.yaml `catalog:` or the config default), without
 * running the rules: gaps only needs the model and the catalog.
 */
export function loadForGaps(args: string[], config: Config, cwd: string, catalogOverride?: string): GapsLoad {
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
    const c = catalogOverride ? overrideCatalog(catalogOverride, config, cwd, stage) : catalogFor(loaded.system, config, cwd, stage);
    if (!c.catalog) {
      const ds = stage.slice(before).map((s) => toDiagnostic(s.rule, 'error', s.finding));
      out.failed.push({ file: display, reason: 'no-catalog', diagnostics: ds });
      continue;
    }
    // Schema findings are errors for validate; here they only warn that the numbers may be incomplete.
    const errors = stage.filter((s) => config.rules[s.rule] !== 'off').map((s) => toDiagnostic(s.rule, 'error', s.finding));
    out.systems.push({ file: display, system: loaded.system, catalog: c.catalog, errors });
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
