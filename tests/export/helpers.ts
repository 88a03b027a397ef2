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
export function loadSample(dir = SAMPLE): { model: ExportModel; system: StandardSystem; coverage?: CoverageReport } {
  const config = loadConfig(dir);
  const result = validate([dir], config, dir);
  const { system, catalog } = result.systems[0]!;
  if (!system) throw new Error(`cannot load ${dir}`);
  const coverage = catalog ? computeCoverage(system, catalog) : undefined;
  const model = buildExportModel({ system, catalog, coverage, columns: resolveColumns(config.export.columns), toolVersion: 'test' });
  return { model, system, coverage };
}
