import type { Config } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { resolveColumns } from '../export/columns.js';
import { makeSite, type Site } from '../export/html/site.js';
import { buildExportModel } from '../export/model.js';
import { computeCoverage } from '../coverage/coverage.js';
import type { Lang } from '../i18n/index.js';
import { validate } from '../pipeline/validate.js';

/** What the preview shows: the site of the last system that loaded, and the current diagnostics. */
export interface PreviewState {
  version: number;
  site?: Site;
  diagnostics: Diagnostic[];
  /** the system file could not be read or parsed this time: the site is the previous one */
  stale: boolean;
  /** ms the last re-validation took (validate + model; pages render on request) */
  ms: number;
}

/**
 * Re-validates in the warm process: modules are loaded and compiled once, pages render only
 * when asked, so a save costs the load/rules/coverage of one system rather than a cold run plus
 * thousands of written pages.
 */
export class Preview {
  state: PreviewState = { version: 0, diagnostics: [], stale: false, ms: 0 };

  constructor(private readonly opts: { config: Config; cwd: string; systemArg?: string; lang: Lang; toolVersion: string; now?: () => number }) {}

  refresh(): PreviewState {
    const now = this.opts.now ?? (() => performance.now());
    const t0 = now();
    const { config, cwd } = this.opts;
    const result = validate(this.opts.systemArg ? [this.opts.systemArg] : [], config, cwd);
    const checked = result.systems[0];
    let site = this.state.site;
    let stale = true;
    if (checked?.system) {
      const coverage = checked.catalog ? computeCoverage(checked.system, checked.catalog) : undefined;
      const model = buildExportModel({ system: checked.system, catalog: checked.catalog, coverage, columns: resolveColumns(config.export.columns), toolVersion: this.opts.toolVersion });
      site = makeSite(model, this.opts.lang);
      stale = false;
    }
    this.state = { version: this.state.version + 1, site, diagnostics: result.diagnostics, stale, ms: now() - t0 };
    return this.state;
  }
}
