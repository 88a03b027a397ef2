import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';
import { lines } from '../rules/lint.js';
import { pct, recountSections } from './recompute.js';

/**
 * `gaps` shows kind, service-object and institution coverage as their own sections in every
 * format; every figure here is recounted from the YAML text (recompute.ts), not from hrss-std.
 */
interface Sections {
  totals: { coveragePct: number; covered: number };
  kindCoverage: { required: string[]; total: { items: number; complete: number; percent: number; perKind: Record<string, number> }; items: { id: string; complete: boolean; kinds: Record<string, { file: string; line: number }[]> }[] };
  objectCoverage: { target: string; items: number; covered: number; percent: number }[];
  institutionCoverage: { id: string; covered: boolean; count: number; rows: { file: string; line: number }[] }[];
}

// Planted: K-01 has a guide (by title) and a procedure (kind: 操作规程, Chinese title); K-02 a guide
// (kind: guide) and a planned 操作规程 (does not count); K-03 (用人单位) a replaced guide (does not
// count) and a current 场地环境 row that serves no item; K-04 (用人单位) nothing.
const CATALOG = lines(
  'id: st', 'title: 分项测试目录（测试用）', 'projects:',
  '  - id: S', '    name: 分项测试项目', '    items:',
  '      - { id: S-01, name: 事项一, target: 个人 }',
  '      - { id: S-02, name: 事项二, target: 个人 }',
  '      - { id: S-03, name: 事项三, target: 用人单位 }',
  '      - { id: S-04, name: 事项四, target: 用人单位 }',
);
const SYSTEM = lines(
  'id: st', 'title: 分项测试体系', 'framework: none', 'catalog: ../../st.catalog.yaml', 'standards:',
  '  - title: 事项一服务指南', '    status: current', '    services: [S-01]', // 6
  '  - title: 事项一经办', '    kind: 操作规程', '    status: current', '    services: [S-01]', // 9
  '  - title: 事项二办事须知', '    kind: guide', '    status: current', '    services: [S-02]', // 13
  '  - title: 事项二操作规程', '    status: planned', '    services: [S-02]', // 17
  '  - title: 事项三服务指南', '    note: 旧版（测试用）', '    status: replaced', '    services: [S-03]', // 20
  '  - title: 服务大厅环境要求', '    kind: environment', '    status: current', // 24
  '  - title: 窗口人员岗位要求', '    kind: 人员及岗位', '    status: current', // 27
);

function built() {
  const dir = tempTree({ 'st.catalog.yaml': CATALOG, 'systems/st/system.yaml': SYSTEM });
  return { dir, file: path.join(dir, 'systems/st/system.yaml'), catalog: path.join(dir, 'st.catalog.yaml') };
}

function json(args: string[], cwd = ROOT): Sections {
  const r = runCli(['gaps', ...args, '-f', 'json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).systems[0];
}

describe('gaps sections on a system built for them', () => {
  const t = built();
  const want = recountSections(t.file, t.catalog, t.dir);

  it('the recount sees the planted faults', () => {
    expect(want.kinds).toEqual({ items: 4, complete: 1, perKind: { guide: 2, procedure: 1 }, incomplete: ['S-02', 'S-03', 'S-04'] });
    expect(want.objects).toEqual([{ target: '个人', items: 2, covered: 2 }, { target: '用人单位', items: 2, covered: 0 }]);
    expect(want.institution.environment).toEqual(['systems/st/system.yaml:24']);
  });

  it('json: each coverage its own block, equal to the recount, apart from item coverage', () => {
    const s = json([], t.dir);
    expect(s.kindCoverage.total).toEqual({ items: 4, complete: want.kinds.complete, percent: pct(want.kinds.complete, 4), perKind: want.kinds.perKind });
    expect(s.kindCoverage.items.filter((i) => !i.complete).map((i) => i.id)).toEqual(want.kinds.incomplete);
    expect(s.kindCoverage.items[0]!.kinds.procedure!.map((r) => `${r.file}:${r.line}`)).toEqual(['systems/st/system.yaml:9']);
    expect(s.objectCoverage.map((g) => [g.target, g.items, g.covered, g.percent])).toEqual(want.objects.map((g) => [g.target, g.items, g.covered, pct(g.covered, g.items)]));
    for (const a of s.institutionCoverage) {
      expect(a.rows.map((r) => `${r.file}:${r.line}`), a.id).toEqual(want.institution[a.id]);
      expect(a.covered, a.id).toBe(want.institution[a.id]!.length > 0);
    }
    // item coverage is its own figure: 2 of 4 covered = 50 %, kind coverage 25 %
    expect(s.totals.coveragePct).toBe(50);
    expect(s.kindCoverage.total.percent).toBe(25);
  });

  it('table: three headed sections with the figures and the rows behind institution aspects', () => {
    const r = runCli(['gaps'], { cwd: t.dir });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/文件类型覆盖（与事项覆盖率分开计算）\n/);
    expect(out).toMatch(/类型齐全的事项\s+1\/4（25\.0%）/);
    expect(out).toMatch(/有服务指南的事项\s+2\/4/);
    expect(out).toMatch(/S-02\s+事项二\s+缺：操作规程/);
    expect(out).toMatch(/个人\s+2\s+2\s+100\.0%/);
    expect(out).toMatch(/用人单位\s+2\s+0\s+0\.0%/);
    expect(out).toMatch(/用人单位：未覆盖 2 项\n\s+S-03\s+事项三\n\s+S-04\s+事项四/);
    // 场地环境, 人员配备, 硬件建设, 服务提供, 内部管理 (counts 人员及岗位 too): 5 of 8
    const coveredAspects = Object.values(want.institution).filter((r) => r.length).length;
    expect(coveredAspects).toBe(5);
    expect(out).toContain(`有标的方面：${coveredAspects}/8`);
    expect(out).toMatch(/考核评价\s+无\s+0/);
  });
});

describe('gaps sections in markdown and csv (built system)', () => {
  const t = built();
  const want = recountSections(t.file, t.catalog, t.dir);

  it('markdown: three headings, each with its figure; item coverage stays its own line', () => {
    const r = runCli(['gaps', '-f', 'markdown'], { cwd: t.dir });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    const kindAt = md.indexOf('### 文件类型覆盖（与事项覆盖率分开计算）');
    const objAt = md.indexOf('### 服务对象覆盖');
    const instAt = md.indexOf('### 机构覆盖');
    expect(kindAt).toBeGreaterThan(0);
    expect(objAt).toBeGreaterThan(kindAt);
    expect(instAt).toBeGreaterThan(objAt);
    expect(md).toContain(`类型齐全的事项 **${want.kinds.complete}/${want.kinds.items}（${pct(want.kinds.complete, want.kinds.items).toFixed(1)}%）**`);
    expect(md).toContain('| 用人单位 | 2 | 0 | 0.0% |');
    expect(md).toContain('- 用人单位：未覆盖 `S-03` 事项三、`S-04` 事项四');
    expect(md).toContain('- `S-02` 事项二：缺 操作规程');
    expect(md).toContain('`systems/st/system.yaml:24` （无编号） 服务大厅环境要求');
  });

  it('csv: per-unit kind columns, then one line per figure after a blank line', () => {
    const r = runCli(['gaps', '-f', 'csv'], { cwd: t.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    const header = rows[0]!.split(',');
    const unit = (id: string) => rows.find((l) => l.split(',').includes(id))!.split(',');
    const col = (name: string) => header.indexOf(name);
    expect(col('服务指南标准数')).toBeGreaterThan(0);
    expect(unit('S-01')[col('文件类型齐全')]).toBe('是');
    expect(unit('S-02')[col('操作规程标准数')]).toBe('0');
    expect(unit('S-03')[col('服务对象')]).toBe('用人单位');
    const blank = rows.indexOf('');
    expect(blank).toBeGreaterThan(4);
    const figures = rows.slice(blank + 2).filter(Boolean).map((l) => l.split(','));
    expect(figures.find((f) => f[1] === '文件类型覆盖' && f[3] === '类型齐全')!.slice(4, 7)).toEqual([String(want.kinds.complete), String(want.kinds.items), pct(want.kinds.complete, want.kinds.items).toFixed(1)]);
    for (const g of want.objects) {
      expect(figures.find((f) => f[1] === '服务对象覆盖' && f[2] === g.target)!.slice(4, 6)).toEqual([String(g.covered), String(g.items)]);
    }
    const env = figures.find((f) => f[1] === '机构覆盖' && f[2] === 'environment')!;
    expect(env[6]).toBe('有');
    expect(env[7]).toBe(want.institution.environment!.join('；'));
    expect(figures.find((f) => f[1] === '机构覆盖' && f[2] === 'risk')![6]).toBe('无');
  });
});

describe('gaps sections on the bundled sample', () => {
  const file = path.join(ROOT, 'systems/zhanjiang/system.yaml');
  const want = recountSections(file, path.join(ROOT, 'data/hrss-basic.catalog.yaml'), ROOT);

  it('json figures equal the recount from the YAML', () => {
    const s = json(['systems/zhanjiang']);
    expect(s.kindCoverage.total.items).toBe(want.kinds.items);
    expect(s.kindCoverage.total.complete).toBe(want.kinds.complete);
    expect(s.kindCoverage.total.perKind).toEqual(want.kinds.perKind);
    expect(s.objectCoverage.map((g) => [g.target, g.items, g.covered])).toEqual(want.objects.map((g) => [g.target, g.items, g.covered]));
    for (const a of s.institutionCoverage) expect(a.rows.map((r) => `${r.file}:${r.line}`), a.id).toEqual(want.institution[a.id]);
    // the sample's guides are reached through project P15 only; no row is an 操作规程
    expect(want.kinds.perKind.procedure).toBe(0);
    expect(want.kinds.perKind.guide).toBeGreaterThan(0);
  });

  it('several systems: one side-by-side line per system', () => {
    const dir = tempTree({ 'st.catalog.yaml': CATALOG, 'systems/st/system.yaml': SYSTEM, 'systems/st2/system.yaml': SYSTEM.replace('id: st', 'id: st2') });
    const r = runCli(['gaps'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/文件类型、机构与服务对象覆盖（按体系；均与事项覆盖率分开计算）/);
    expect(r.stdout).toMatch(/st\s+1\/4（25\.0%）\s+5\/8\s+个人 2\/2（100\.0%）；用人单位 0\/2（0\.0%）/);
    expect(r.stdout).toMatch(/st2\s+1\/4（25\.0%）\s+5\/8/);
  });
});

describe('the gaps baseline ratchets kind and institution coverage too', () => {
  it('records kind-complete items and covered aspects, and fails (exit 3) when one is lost', () => {
    const t = built();
    const base = path.join(t.dir, 'base.json');
    expect(runCli(['gaps', '--write-baseline', base], { cwd: t.dir }).code).toBe(0);
    const want = recountSections(t.file, t.catalog, t.dir);
    const b = JSON.parse(readFileSync(base, 'utf8')).systems[0];
    // S-01 is the one complete item; the covered aspects are those the recount finds rows for
    expect(b.kindComplete).toEqual(['S-01']);
    expect(b.institutionAspects).toEqual(Object.entries(want.institution).filter(([, r]) => r.length).map(([id]) => id));
    expect(runCli(['gaps', '--baseline', base], { cwd: t.dir }).code).toBe(0);
    // the next revision: S-01's 操作规程 goes back to planned, and the 场地环境 row is withdrawn
    const next = readFileSync(t.file, 'utf8')
      .replace("  - title: 事项一经办\n    kind: 操作规程\n    status: current", "  - title: 事项一经办\n    kind: 操作规程\n    status: planned")
      .replace("  - title: 服务大厅环境要求\n    kind: environment\n    status: current", "  - title: 服务大厅环境要求\n    kind: environment\n    status: withdrawn");
    writeFileSync(t.file, next);
    const r = runCli(['gaps', '--baseline', 'base.json'], { cwd: t.dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('✓ 基线 base.json：没有事项从已覆盖退回');
    expect(r.stdout).toContain('✖ 基线 base.json：1 个原文件类型齐全的事项现在不齐全');
    expect(r.stdout).toMatch(/st {2}S-01 事项一 {2}→ 缺 操作规程/);
    // 场地环境 and 硬件建设 rested on that row alone
    expect(r.stdout).toContain('✖ 基线 base.json：2 个原有标的机构方面现在没有现行标准');
    const j = JSON.parse(runCli(['gaps', '-f', 'json', '--baseline', base], { cwd: t.dir }).stdout);
    expect(j.gates.baseline.kindRegressions).toEqual([{ system: 'st', id: 'S-01', name: '事项一', missing: ['procedure'] }]);
    expect(j.gates.baseline.aspectRegressions.map((a: { id: string }) => a.id)).toEqual(['environment', 'hardware']);
  });
});
