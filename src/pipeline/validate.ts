import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { sortDiagnostics, summarize, type Summary } from '../diagnostics/resolve.js';
import { loadCatalog, resolveCatalogRef } from '../catalog/load.js';
import { realpathSync } from 'node:fs';
import { isInside, repositoryRoot } from '../util/paths.js';
import { displayPath } from '../load/source.js';
import type { Catalog } from '../catalog/types.js';
import { knownStandards } from '../data/known.js';
import { loadSystem, type StageFinding } from '../system/load.js';
import type { StandardSystem } from '../model/types.js';
import { runRules } from '../rules/run.js';
import { RULES_BY_ID } from '../rules/index.js';
import { discoverSystems } from '../load/discover.js';
import { appendAll } from '../util/array.js';

export interface CheckedSystem {
  file: string;
  /** display paths of every file of the system (system.yaml first, then includes) */
  files: string[];
  system?: StandardSystem;
  catalog?: Catalog;
}

export interface ValidateResult {
  systems: CheckedSystem[];
  diagnostics: Diagnostic[];
  summary: Summary;
  /** a file could not be read, or a path argument did not exist: exit code 2 */
  ioError: boolean;
  /** path arguments that matched nothing */
  missing: string[];
}

/** Resolve which catalog a system uses: its own `catalog:`, else the config's default. */
export function catalogFor(system: StandardSystem, config: Config, cwd: string, stage: StageFinding[]): { catalog?: Catalog; ioError: boolean } {
  const own = system.catalogRef;
  const ref = own ?? config.catalog;
  if (!ref) return { ioError: false };
  const base = own ? system.dir : config.dir;
  const outside = catalogOutsideRepository(ref, base, cwd);
  if (outside) {
    stage.push({
      rule: 'catalog-error',
      finding: {
        message: { zh: `服务事项目录 “${ref}” 在仓库 ${outside} 之外`, en: `the catalog "${ref}" is outside the repository ${outside}` },
        hint: { zh: '把目录文件放进仓库（可用 hrss-std catalog import 生成），用相对路径引用；引入的文件也须在仓库内', en: 'put the catalog file in the repository (hrss-std catalog import makes one) and name it by a relative path, as includes are' },
        at: own ? { file: system.file, node: system.raw, key: 'catalog' } : { file: system.file, offset: 0 },
      },
    });
    return { ioError: false };
  }
  const res = loadCatalog(ref, base, { limits: config.limits, cwd });
  appendAll(stage, res.findings);
  if (!res.catalog) {
    stage.push({
      rule: 'catalog-error',
      finding: {
        message: res.findings.length
          ? { zh: `无法使用服务事项目录 “${ref}”（见该文件中的问题）`, en: `cannot use the catalog "${ref}" (see the problems in that file)` }
          : { zh: `服务事项目录 “${ref}” 不存在`, en: `the catalog "${ref}" does not exist` },
        hint: { zh: '内置目录：hrss-basic；或写相对本文件的 .yaml 路径（可用 hrss-std catalog import 从 Excel/CSV 生成）', en: 'built-in: hrss-basic; or a .yaml path relative to this file (hrss-std catalog import makes one from Excel/CSV)' },
        at: own ? { file: system.file, node: system.raw, key: 'catalog' } : { file: system.file, offset: 0 },
      },
    });
  }
  return { catalog: res.catalog, ioError: res.ioError };
}

/**
 * A catalog file must be inside the repository of the file naming it (as includes are inside the
 * system folder): a pull request must not make CI read /etc/passwd or a file beside the checkout.
 * Returns the repository's path (for the message) when the file, links followed, is outside it.
 */
function catalogOutsideRepository(ref: string, base: string, cwd: string): string | undefined {
  const { abs, builtin } = resolveCatalogRef(ref, base);
  if (builtin) return undefined;
  // an absolute path is refused everywhere, as for include:
  if (path.isAbsolute(ref)) return displayPath(repositoryRoot(base, base), cwd);
  // no .git and no .hrss-std.yaml above: no repository to keep to (a folder of one's own files)
  const root = repositoryRoot(base, '');
  if (!root) return undefined;
  let real = abs;
  let realRoot = root;
  try {
    real = realpathSync.native(abs);
    realRoot = realpathSync.native(root);
  } catch {
    /* missing: reported as a missing catalog */
  }
  return isInside(root, abs) && isInside(realRoot, real) ? undefined : displayPath(root, cwd);
}

/** load → schema → rules for every system found; never throws for bad input. */
/** Rule ids in `.hrss-std.yaml` that no rule has (a typo would silently keep the default severity). */
export function unknownConfiguredRules(config: Config): string[] {
  return Object.keys(config.rules).filter((id) => !RULES_BY_ID.has(id)).sort();
}

/**
 * `keepModels: false` drops each system's model once its rules have run: `validate`
 * only needs the findings, and at 100k rows holding every model costs ~200 MB and GC time.
 */
export function validate(args: string[], config: Config, cwd: string, opts: { keepModels?: boolean } = {}): ValidateResult {
  const { files, missing } = discoverSystems(args, cwd, config.systems, config.dir);
  return validateFiles(files, missing, config, cwd, opts);
}

/** validate() of system files already found (`missing`: path arguments that matched nothing). */
export function validateFiles(files: string[], missing: string[], config: Config, cwd: string, opts: { keepModels?: boolean } = {}): ValidateResult {
  const keep = opts.keepModels ?? true;
  const diagnostics: Diagnostic[] = [];
  const systems: CheckedSystem[] = [];
  let ioError = missing.length > 0;
  let fileCount = 0;
  let suppressed = 0;
  for (const f of files) {
    const loaded = loadSystem(f, { limits: config.limits, cwd });
    fileCount += loaded.files.length;
    ioError ||= loaded.ioError;
    const stage = loaded.findings;
    let catalog: Catalog | undefined;
    if (loaded.system) {
      const c = catalogFor(loaded.system, config, cwd, stage);
      catalog = c.catalog;
      ioError ||= c.ioError;
    }
    const ctx = loaded.system
      ? { system: loaded.system, catalog, known: knownStandards(), today: config.today, reviewYears: config.reviewYears }
      : undefined;
    const r = runRules(ctx, stage, config.rules);
    appendAll(diagnostics, r.diagnostics);
    suppressed += r.suppressed;
    const files = loaded.files.map((x) => x.display);
    systems.push(keep ? { file: path.relative(cwd, f), files, system: loaded.system, catalog } : { file: path.relative(cwd, f), files });
  }
  sortDiagnostics(diagnostics);
  return { systems, diagnostics, summary: summarize(diagnostics, fileCount, files.length, suppressed), ioError, missing };
}
