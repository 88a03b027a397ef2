import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { computeCoverage, isDetailed, summarizeCoverage } from '../../src/coverage/coverage.js';
import { measureGaps } from '../../src/pipeline/measure.js';
import { renderCsv } from '../../src/gaps/render/csv.js';
import { renderMarkdown } from '../../src/gaps/render/markdown.js';
import { renderTable } from '../../src/gaps/render/table.js';
import type { GapsRenderInput } from '../../src/gaps/render/common.js';
import { checkMinCoverage, makeBaseline } from '../../src/gaps/gates.js';
import { loadSystem } from '../../src/system/load.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { ROOT } from '../helpers.js';

/**
 * `gaps` over several systems keeps only summaries after the first system, so models can be
 * dropped as they are measured. Every view of several systems must read the same from a summary
 * as from the full report.
 */
describe('coverage summaries (gaps over many systems without keeping every model)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hrss-summary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('render the multi-system views, gates and baseline exactly as the full reports do', async () => {
    const { generateRepo } = (await import(path.join(ROOT, 'bench/generate.js'))) as { generateRepo: (o: Record<string, unknown>) => unknown };
    generateRepo({ systems: 5, standards: 120, includes: 2, seed: 11, faultRate: 0.05, out: dir });
    const config = loadConfig(dir);
    const loaded = measureGaps([], config, dir, { detail: 'first' });
    expect(loaded.systems).toHaveLength(5);
    // the first report keeps its rows (a single system is shown in detail); the rest are summaries
    expect(loaded.systems.map((s) => isDetailed(s.report))).toEqual([true, false, false, false, false]);

    const opts = { limits: config.limits, cwd: dir };
    const full = loaded.systems.map((s) => {
      const system = loadSystem(path.join(dir, s.file), opts).system!;
      return computeCoverage(system, loadCatalog(system.catalogRef ?? config.catalog!, system.dir, opts).catalog!);
    });
    const input = (reports: GapsRenderInput['reports']): GapsRenderInput => ({
      reports, meta: loaded.systems.map((s) => ({ file: s.file, errors: s.errors })), lang: 'zh', toolVersion: 'test',
    });
    const mixed = loaded.systems.map((s) => s.report);
    for (const render of [renderTable, renderMarkdown, renderCsv]) expect(render(input(mixed))).toBe(render(input(full)));
    expect(checkMinCoverage(mixed, 50)).toEqual(checkMinCoverage(full, 50));
    expect(makeBaseline(mixed)).toEqual(makeBaseline(full));
  });

  it('keep the system id and title and each unit\'s state, without rows', () => {
    const opts = { limits: loadConfig(ROOT).limits, cwd: ROOT };
    const system = loadSystem(path.join(ROOT, 'systems/zhanjiang/system.yaml'), opts).system!;
    const catalog = loadCatalog(system.catalogRef!, system.dir, opts).catalog!;
    const s = summarizeCoverage(computeCoverage(system, catalog));
    expect(s.system).toEqual({ id: system.id, title: system.title });
    expect(isDetailed(s)).toBe(false);
    for (const item of s.items) expect(Object.keys(item).sort()).toEqual(['counted', 'item', 'levels', 'project', 'projectId', 'state', 'unit']);
  });

  it('a view that lists rows refuses a summary instead of printing an empty list', () => {
    const opts = { limits: loadConfig(ROOT).limits, cwd: ROOT };
    const system = loadSystem(path.join(ROOT, 'systems/zhanjiang/system.yaml'), opts).system!;
    const catalog = loadCatalog(system.catalogRef!, system.dir, opts).catalog!;
    const s = summarizeCoverage(computeCoverage(system, catalog));
    expect(() => renderTable({ reports: [s], meta: [{ file: 'x', errors: [] }], lang: 'zh', toolVersion: 't' })).toThrow(/summary/);
  });
});
