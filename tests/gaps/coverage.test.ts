import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { DEFAULT_LIMITS } from '../../src/config/config.js';
import { computeCoverage, percent } from '../../src/coverage/coverage.js';
import { loadSystem } from '../../src/system/load.js';
import { ROOT } from '../helpers.js';
import { pct, recount } from './recompute.js';

const FIX = path.join(ROOT, 'tests/fixtures/gaps/basic');

function measure(systemFile: string) {
  const opts = { limits: DEFAULT_LIMITS, cwd: ROOT };
  const system = loadSystem(systemFile, opts).system!;
  const catalog = loadCatalog(system.catalogRef!, system.dir, opts).catalog!;
  return computeCoverage(system, catalog);
}

describe('coverage states and ties (fixture with one unit in each state)', () => {
  const r = measure(path.join(FIX, 'systems/demo/system.yaml'));
  const state = (id: string) => r.items.find((i) => i.item.id === id)!;

  it('gives each unit its state and says how each row reaches it', () => {
    expect(state('A-01')).toMatchObject({ state: 'covered', unit: 'item', counted: true });
    expect(state('A-01').rows.map((x) => [x.entry.code, x.via])).toEqual([['100-01', 'item'], ['201-04', 'item']]);
    expect(state('A-02').state).toBe('planned');
    expect(state('A-03').state).toBe('lapsed');
    expect(state('A-04')).toMatchObject({ state: 'uncovered', rows: [] });
    // A-05 lists `also: [B]`; the row naming project B reaches it
    expect(state('A-05').rows.map((x) => [x.entry.code, x.via])).toEqual([['201-02', 'also']]);
    expect(state('B-01').rows.map((x) => [x.entry.code, x.via])).toEqual([['201-02', 'project']]);
    // a project without items is one unit under its own id, named directly
    expect(state('C')).toMatchObject({ state: 'uncovered', unit: 'project', projectId: 'C', project: undefined });
    expect(state('D')).toMatchObject({ state: 'planned', unit: 'project' });
    expect(state('D').rows[0]!.via).toBe('item');
    expect(state('U-01')).toMatchObject({ state: 'covered', unit: 'unassigned', counted: false });
  });

  it('rolls up over counted units only, with levels of standards in force', () => {
    expect(r.totals).toMatchObject({ items: 9, covered: 4, planned: 2, lapsed: 1, uncovered: 2, coveredDirect: 1, coveragePct: 44.4 });
    expect(r.unassignedTotals).toMatchObject({ items: 1, covered: 1 });
    const a = r.byProject.find((p) => p.key === 'A')!;
    expect(a).toMatchObject({ items: 5, covered: 2, planned: 1, lapsed: 1, uncovered: 1, coveragePct: 40 });
    expect(a.levels).toEqual({ national: 1, group: 1, local: 1 });
    expect(r.byProject.find((p) => p.key === 'B')).toMatchObject({ items: 2, covered: 2, coveragePct: 100, levels: { local: 2 } });
    expect(r.byArea.map((x) => [x.key, x.items, x.covered, x.coveragePct])).toEqual([['劳有所得', 7, 2, 28.6], ['老有所养', 2, 2, 100]]);
  });

  it('per top-level sub-system counts the units its own rows reach, in the state those rows give', () => {
    expect(r.bySubsystem.map((x) => [x.key, x.items, x.covered, x.planned, x.lapsed, x.coveragePct])).toEqual([
      ['100', 2, 1, 1, 0, 50],
      ['200', 6, 4, 1, 1, 66.7],
    ]);
    expect(state('A-01').subsystems.map((n) => n.code)).toEqual(['100', '200']);
  });

  it('lists services ids that are not in the catalog', () => {
    expect(r.unknownIds.map((u) => [u.entry.code, u.id])).toEqual([['201-05', 'X-99']]);
  });
});

describe('rounding: half up to one decimal, in integers', () => {
  it.each([
    [1, 8, 12.5], [1, 16, 6.3], [2, 3, 66.7], [1, 3, 33.3], [1, 6, 16.7], [0, 5, 0], [5, 5, 100], [1, 0, 0], [1, 2000, 0.1], [1, 4000, 0],
  ])('%i / %i → %d', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe('the bundled sample, recounted from its YAML without hrss-std code', () => {
  const systemFile = path.join(ROOT, 'systems/zhanjiang/system.yaml');
  const r = measure(systemFile);
  const want = recount(systemFile, path.join(ROOT, 'data/hrss-basic.catalog.yaml'));

  it('agrees on every unit state', () => {
    expect(new Map(r.items.map((i) => [i.item.id, i.state]))).toEqual(new Map([...want.units].map(([id, u]) => [id, u.state])));
  });

  it('agrees on totals and every project roll-up, percentages included', () => {
    expect(r.totals).toMatchObject({ ...want.totals, coveragePct: pct(want.totals.covered, want.totals.items) });
    for (const p of r.byProject) {
      const w = want.byProject.get(p.key)!;
      expect(p, p.key).toMatchObject({ ...w, coveragePct: pct(w.covered, w.items) });
    }
    // 18 projects: 76 items plus 3 projects without items; 12 unassigned items kept out
    expect(r.totals.items).toBe(79);
    expect(r.items.filter((i) => !i.counted)).toHaveLength(12);
  });
});
