import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { resolveColumns } from '../../src/export/columns.js';
import { buildExportModel, type ExportModel } from '../../src/export/model.js';
import { computeCoverage } from '../../src/coverage/coverage.js';
import type { CoverageReport } from '../../src/coverage/types.js';
import type { StandardSystem } from '../../src/model/types.js';
import { validate } from '../../src/pipeline/validate.js';
import { ROOT } from '../helpers.js';

export const SAMPLE = path.join(ROOT, 'systems', 'zhanjiang');

/** The bundled sample, loaded and measured as the export command does. */
/**
 * The text a reader sees in a piece of WordprocessingML, run by run: <w:t> text, Word's
 * non-breaking hyphen as "-" and the no-break space as a blank (the exporter writes them inside
 * standard numbers so lines never break there).
 */
export function wordText(xml: string): string {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((t) => (t[1] === undefined ? '-' : unescape(t[1]))).join('').replace(/\u00a0/g, ' ');
}

export function loadSample(dir = SAMPLE): { model: ExportModel; system: StandardSystem; coverage?: CoverageReport } {
  const config = loadConfig(dir);
  const result = validate([dir], config, dir);
  const { system, catalog } = result.systems[0]!;
  if (!system) throw new Error(`cannot load ${dir}`);
  const coverage = catalog ? computeCoverage(system, catalog) : undefined;
  const model = buildExportModel({ system, catalog, coverage, columns: resolveColumns(config.export.columns), toolVersion: 'test' });
  return { model, system, coverage };
}
