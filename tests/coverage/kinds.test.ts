import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { DEFAULT_LIMITS } from '../../src/config/config.js';
import { computeKindCoverage, computeObjectCoverage } from '../../src/coverage/kinds.js';
import { computeInstitutionCoverage } from '../../src/coverage/institution.js';
import { kindVocabulary, DEFAULT_REQUIRED_KINDS } from '../../src/model/kind.js';
import { loadSystem } from '../../src/system/load.js';
import { ROOT, tempTree } from '../helpers.js';
import { lines } from '../rules/lint.js';
import { recount } from '../gaps/recompute.js';

function measure(systemFile: string, cwd: string) {
  const opts = { limits: DEFAULT_LIMITS, cwd };
  const system = loadSystem(systemFile, opts).system!;
  const catalog = loadCatalog(system.catalogRef!, system.dir, opts).catalog!;
  return { system, catalog };
}

// Built for these two figures: item K-01 has a current guide (by title) and a current procedure
// (stated); K-02 has a guide only, and its 操作规程 row is planned (does not count); K-03 has none.
// Targets: K-01 and K-02 serve 个人, K-03 serves 用人单位; K-03 is uncovered.
const CATALOG = lines(
  'id: kt', 'title: 测试目录（测试用）', 'projects:',
  '  - id: K', '    name: 测试项目', '    items:',
  '      - { id: K-01, name: 事项一, target: 个人 }',
  '      - { id: K-02, name: 事项二, target: 个人 }',
  '      - { id: K-03, name: 事项三, target: 用人单位 }',
);
const SYSTEM = lines(
  'id: t', 'title: T', 'framework: none', 'catalog: ../../kt.catalog.yaml', 'standards:',
  '  - title: 事项一服务指南', '    status: current', '    services: [K-01]', // line 6
  '  - title: 事项一经办', '    kind: 操作规程', '    status: current', '    services: [K-01]', // line 9
  '  - title: 事项二服务指南', '    status: current', '    services: [K-02]', // line 13
  '  - title: 事项二操作规程', '    status: planned', '    services: [K-02]', // line 16
);

describe('kind coverage (item × required kinds)', () => {
  const dir = tempTree({ 'kt.catalog.yaml': CATALOG, 'systems/t/system.yaml': SYSTEM });
  const { system, catalog } = measure(path.join(dir, 'systems/t/system.yaml'), dir);
  const k = computeKindCoverage(system, catalog, kindVocabulary(), DEFAULT_REQUIRED_KINDS);

  it('marks each item by kind, with the rows (file:line) behind each mark; planned rows do not count', () => {
    const at = (id: string, kind: string) => k.items.find((i) => i.id === id)!.kinds[kind]!.map((r) => `${r.file}:${r.line}`);
    expect(at('K-01', 'guide')).toEqual(['systems/t/system.yaml:6']);
    expect(at('K-01', 'procedure')).toEqual(['systems/t/system.yaml:9']);
    expect(at('K-02', 'guide')).toEqual(['systems/t/system.yaml:13']);
    expect(at('K-02', 'procedure')).toEqual([]);
    expect(k.items.map((i) => [i.id, i.complete])).toEqual([['K-01', true], ['K-02', false], ['K-03', false]]);
  });

  it('rolls up per project and in total: 1 of 3 complete = 33.3 %', () => {
    expect(k.projects).toEqual([{ projectId: 'K', name: '测试项目', items: 3, complete: 1, perKind: { guide: 2, procedure: 1 } }]);
    expect(k.total).toEqual({ items: 3, complete: 1, percent: 33.3, perKind: { guide: 2, procedure: 1 } });
    expect(k.titles).toEqual({ guide: '服务指南', procedure: '操作规程' });
  });

  it('service-object groups in catalog order, each with its items and covered flags', () => {
    expect(computeObjectCoverage(system, catalog)).toEqual([
      { target: '个人', items: [{ id: 'K-01', name: '事项一', covered: true }, { id: 'K-02', name: '事项二', covered: true }], covered: 2, percent: 100 },
      { target: '用人单位', items: [{ id: 'K-03', name: '事项三', covered: false }], covered: 0, percent: 0 },
    ]);
  });
});

describe('on the bundled sample', () => {
  const file = path.join(ROOT, 'systems/zhanjiang/system.yaml');
  const { system, catalog } = measure(file, ROOT);
  it('object coverage: the built-in catalog names no 服务对象, so one group equal to plain item coverage', () => {
    const want = recount(file, path.join(ROOT, 'data/hrss-basic.catalog.yaml'));
    const g = computeObjectCoverage(system, catalog);
    expect(g.map((x) => x.target)).toEqual(['']);
    expect(g[0]!.items.length).toBe(want.totals.items);
    expect(g[0]!.covered).toBe(want.totals.covered);
  });
  it('kind coverage: recounted from the YAML text (title endings; sample rows state no kind)', () => {
    const k = computeKindCoverage(system, catalog, kindVocabulary(), ['guide', 'procedure', 'service-spec']);
    const rows: any[] = [];
    const walk = (n: any) => {
      for (const s of n.standards ?? []) rows.push(s);
      if (n.include) walk(yaml.load(readFileSync(path.join(ROOT, 'systems/zhanjiang', n.include), 'utf8')));
      for (const c of n.subsystems ?? []) walk(c);
    };
    walk(yaml.load(readFileSync(file, 'utf8')));
    expect(rows.some((r) => r.kind)).toBe(false);
    const cat = yaml.load(readFileSync(path.join(ROOT, 'data/hrss-basic.catalog.yaml'), 'utf8')) as any;
    const inForce = (r: any) => ['current', 'upcoming', '现行', '即将实施'].includes(r.status ?? (r.number ? 'current' : 'planned'));
    let spec = 0;
    let complete = 0;
    for (const p of cat.projects) for (const i of p.items?.length ? p.items : [{ id: p.id }]) {
      const names = [i.id, p.id, ...(i.also ?? [])];
      const serving = rows.filter((r) => inForce(r) && (r.services ?? []).some((s: string) => names.includes(s)));
      const has = (end: string) => serving.some((r) => String(r.title).trim().endsWith(end));
      if (has('服务规范')) spec++;
      if (has('服务规范') && has('服务指南') && has('操作规程')) complete++;
    }
    expect(k.total.perKind['service-spec']).toBe(spec);
    expect(spec).toBeGreaterThan(0);
    expect(k.total.complete).toBe(complete);
    expect(k.total.items).toBe(79);
  });
});

describe('institution coverage (from kind)', () => {
  // one row per aspect-bearing kind; the planned safety row does not count
  const SYS = lines(
    'id: t', 'title: T', 'framework: none', 'standards:',
    '  - title: 服务大厅环境要求', '    kind: 场地环境', '    status: current', // 5
    '  - title: 窗口人员配置', '    kind: staff', '    status: current', // 8
    '  - title: 某事项服务指南', '    status: current', // 11
    '  - title: 安全应急预案', '    kind: safety', '    status: planned', // 13
  );
  const dir = tempTree({ 'systems/t/system.yaml': SYS });
  const system = loadSystem(path.join(dir, 'systems/t/system.yaml'), { limits: DEFAULT_LIMITS, cwd: dir }).system!;
  it('maps kinds to the eight aspects of 人社部发〔2023〕62号, with the rows behind each', () => {
    const got = computeInstitutionCoverage(system, kindVocabulary());
    expect(got.map((a) => [a.title, a.rows.map((r) => r.line)])).toEqual([
      ['场地环境', [5]], ['设施设备', []], ['人员配备', [8]], ['硬件建设', [5]],
      ['服务提供', [11]], ['内部管理', [8]], ['考核评价', []], ['风险防控', []],
    ]);
    expect(got.filter((a) => a.covered).length).toBe(5);
  });
});
