import { readFileSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';
import { pct, recount } from './recompute.js';

const FIX = path.join(ROOT, 'tests/fixtures/gaps/basic');
const DEMO = path.join(FIX, 'systems/demo');
const CITY_B = path.join(FIX, 'systems/city-b');

/** A private copy of the fixture, for tests that edit the system. */
function copyFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-gaps-'));
  cpSync(FIX, dir, { recursive: true });
  return dir;
}

interface JsonReport {
  rounding: { zh: string; en: string };
  systems: {
    system: { id: string };
    catalog: { id: string; counts: { items: number; officialExpected?: number } };
    totals: { items: number; covered: number; planned: number; lapsed: number; uncovered: number; coveragePct: number };
    byProject: { key: string; items: number; covered: number; planned: number; lapsed: number; uncovered: number; coveragePct: number }[];
    items: { id: string; state: string; counted: boolean; rows: { number: string | null; via: string; file: string; line: number; subsystem: string | null }[] }[];
    unknownIds: { id: string; file: string; line: number; column: number }[];
  }[];
  matrix?: { systems: string[]; counted: number; coveredEverywhere: number; coveredNowhere: number; items: { id: string; states: string[] }[] }[];
  gates?: { failed: boolean; minCoverage?: { threshold: number; failing: { system: string; pct: number }[] }; baseline?: { regressions: { id: string; state: string }[] } };
}

describe('hrss-std gaps on the bundled sample', () => {
  it('prints an honest Chinese report and exits 0', () => {
    const r = runCli(['gaps']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('服务事项覆盖分析：湛江市人力资源和社会保障领域公共服务标准体系');
    // the catalog says what it is not, with counts taken from the file
    expect(r.stdout).toContain('收录 18 个服务项目、76 个服务事项；3 个项目未列事项，各按 1 项计；计入统计 79 项。');
    expect(r.stdout).toContain('官方清单应有 116 个服务事项，本目录只有 76 个，不是官方清单');
    expect(r.stdout).toContain('四舍五入（逢五进一）保留一位小数');
    for (const h of ['按服务项目', '按领域', '按顶层子体系', '未覆盖的事项', '事项明细']) expect(r.stdout).toContain(h);
  });

  it('prints numbers that a plain recount of the YAML reproduces', () => {
    const r = runCli(['gaps', '-f', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonReport;
    const s = out.systems[0]!;
    const want = recount(path.join(ROOT, 'systems/zhanjiang/system.yaml'), path.join(ROOT, 'data/hrss-basic.catalog.yaml'));
    expect(s.totals).toMatchObject({ ...want.totals, coveragePct: pct(want.totals.covered, want.totals.items) });
    for (const p of s.byProject) expect(p, p.key).toMatchObject({ ...want.byProject.get(p.key)!, coveragePct: pct(want.byProject.get(p.key)!.covered, want.byProject.get(p.key)!.items) });
    for (const i of s.items) expect(i.state, i.id).toBe(want.units.get(i.id)!.state);
    // the same totals appear in the table
    const table = runCli(['gaps']).stdout;
    expect(table).toMatch(new RegExp(`已覆盖\\s+${want.totals.covered}\\s+${pct(want.totals.covered, want.totals.items).toFixed(1)}%`));
    expect(table).toMatch(new RegExp(`未覆盖\\s+${want.totals.uncovered}\\s`));
  });

  it('is deterministic: the same input gives the same bytes in every format', () => {
    for (const f of ['table', 'json', 'markdown', 'csv']) expect(runCli(['gaps', '-f', f]).stdout, f).toBe(runCli(['gaps', '-f', f]).stdout);
  });
});

describe('hrss-std gaps formats (fixture)', () => {
  it('json: states, rows with file:line, unknown ids located', () => {
    const r = runCli(['gaps', DEMO, '-f', 'json']);
    expect(r.code).toBe(0);
    const s = (JSON.parse(r.stdout) as JsonReport).systems[0]!;
    expect(s.totals).toMatchObject({ items: 9, covered: 4, planned: 2, lapsed: 1, uncovered: 2, coveragePct: 44.4 });
    const a01 = s.items.find((i) => i.id === 'A-01')!;
    expect(a01.rows.map((x) => [x.number, x.via, x.line, x.subsystem])).toEqual([['GB/T 33534-2017', 'item', 8, '100'], ['T/CQTSHRA 006-2024', 'item', 38, '200']]);
    expect(s.unknownIds).toEqual([{ id: 'X-99', file: 'tests/fixtures/gaps/basic/systems/demo/system.yaml', line: 46, column: 23 }]);
  });

  it('markdown: a summary table, the rounding rule, the gaps, the catalog statement', () => {
    const r = runCli(['gaps', DEMO, '-f', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## 服务事项覆盖：覆盖测试体系（`demo`）/);
    expect(r.stdout).toContain('| 9 | 4 | **44.4%** | 2 | 1 | 2 |');
    expect(r.stdout).toContain('四舍五入（逢五进一）保留一位小数');
    expect(r.stdout).toContain('- `A-04` 工伤认定申请（A 就业与失业登记（测试项目））');
    expect(r.stdout).toContain('- `C` 就业见习服务（测试项目，未列事项）（项目未列事项）');
    expect(r.stdout).toContain('> - 官方清单应有 10 个服务事项，本目录只有 7 个，不是官方清单');
    expect(r.stdout).toContain('| A | 就业与失业登记（测试项目） | 劳有所得 | 5 | 2 | 1 | 1 | 1 | 40.0% | 1 | 0 | 1 | 1 | 0 |');
    expect(r.stdout).toContain('<details>');
  });

  it('csv: one line per unit, CRLF, a BOM only when written to a file', () => {
    const r = runCli(['gaps', DEMO, '-f', 'csv']);
    expect(r.code).toBe(0);
    // the unit table, then a blank line and the kind / object / institution figures (tests/gaps/sections.test.ts)
    const all = r.stdout.split('\r\n');
    const lines = all.slice(0, all.indexOf(''));
    expect(lines).toHaveLength(1 + 10);
    expect(all[lines.length + 1]).toMatch(/^体系,分项,分组,名称,满足数,总数,比例或有无,依据行$/);
    expect(lines[0]).toMatch(/^体系,目录,领域,项目编号,项目名称,事项编号,事项名称,计入统计,状态,state,/);
    expect(lines.find((l) => l.includes(',A-03,'))).toContain(',仅有失效标准,lapsed,');
    expect(lines.find((l) => l.includes(',U-01,'))).toContain(',否,已覆盖,covered,');
    expect(r.stdout.charCodeAt(0)).not.toBe(0xfeff);
    const dir = tempTree({});
    const f = path.join(dir, 'gaps.csv');
    expect(runCli(['gaps', DEMO, '-f', 'csv', '-o', f]).code).toBe(0);
    const written = readFileSync(f, 'utf8');
    expect(written.charCodeAt(0)).toBe(0xfeff);
    expect(written.slice(1)).toBe(r.stdout);
  });

  it('table in English with --lang en', () => {
    const r = runCli(['gaps', DEMO, '--lang', 'en']);
    expect(r.stdout).toContain('Service coverage: 覆盖测试体系 (demo,');
    expect(r.stdout).toMatch(/covered\s+4\s+44\.4%/);
    expect(r.stdout).toContain('rounded half up to one decimal');
  });

  it('rejects an unknown format with exit 2', () => {
    const r = runCli(['gaps', DEMO, '-f', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的输出格式');
  });
});

describe('gates', () => {
  it('--min-coverage fails with exit 3 below the printed percentage and passes at it', () => {
    const fail = runCli(['gaps', DEMO, '--min-coverage', '44.5']);
    expect(fail.code).toBe(3);
    expect(fail.stdout).toContain('✖ 覆盖率门槛未达到：demo 覆盖率 44.4%（4/9），低于 44.5%');
    expect(runCli(['gaps', DEMO, '--min-coverage', '44.4']).code).toBe(0);
    expect(runCli(['gaps', DEMO, '--min-coverage', '40%']).stdout).toContain('✓ 覆盖率门槛 40%：通过');
    // machine formats keep stdout clean and repeat the failure on stderr
    const json = runCli(['gaps', DEMO, '-f', 'json', '--min-coverage', '50']);
    expect(json.code).toBe(3);
    expect((JSON.parse(json.stdout) as JsonReport).gates).toMatchObject({ failed: true, minCoverage: { threshold: 50, failing: [{ system: 'demo', pct: 44.4 }] } });
    expect(json.stderr).toContain('低于 50%');
  });

  it('--min-coverage refuses a value that is not a percentage (exit 2)', () => {
    for (const v of ['abc', '101', '-5']) expect(runCli(['gaps', DEMO, `--min-coverage=${v}`]).code, v).toBe(2);
  });

  it('--write-baseline writes sorted covered ids; --baseline fails with exit 3 when one is lost', () => {
    const dir = copyFixture();
    const sys = path.join(dir, 'systems/demo/system.yaml');
    const base = path.join(dir, 'baseline.json');
    expect(runCli(['gaps', sys, '--write-baseline', base]).code).toBe(0);
    expect(JSON.parse(readFileSync(base, 'utf8'))).toEqual({
      format: 'hrss-std-gaps-baseline', version: 1,
      systems: [{ system: 'demo', catalog: 'gaps-test', covered: ['A-01', 'A-05', 'B-01', 'B-02'], kindComplete: [], institutionAspects: expect.any(Array) }],
    });
    expect(runCli(['gaps', sys, '--baseline', base]).code).toBe(0);
    // the local standard for project B is withdrawn: B-01, B-02 and A-05 (also B) lose coverage
    writeFileSync(sys, readFileSync(sys, 'utf8').replace('services: [B]', 'status: withdrawn\n            services: [B]'));
    const r = runCli(['gaps', sys, '--baseline', base]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('✖ 基线');
    expect(r.stdout).toContain('3 个原已覆盖的事项现在未覆盖');
    expect(r.stdout).toMatch(/demo {2}B-01 城乡居民养老保险参保登记 {2}→ 仅有失效标准/);
    const json = JSON.parse(runCli(['gaps', sys, '-f', 'json', '--baseline', base]).stdout) as JsonReport;
    expect(json.gates!.baseline!.regressions.map((x) => [x.id, x.state])).toEqual([['A-05', 'lapsed'], ['B-01', 'lapsed'], ['B-02', 'lapsed']]);
  });

  it('--baseline with a missing or malformed file is a usage error (exit 2)', () => {
    const dir = tempTree({ 'bad.json': '{"covered": 5}' });
    expect(runCli(['gaps', DEMO, '--baseline', path.join(dir, 'none.json')]).code).toBe(2);
    const r = runCli(['gaps', DEMO, '--baseline', path.join(dir, 'bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('基线文件');
  });
});

describe('several systems: item × system matrix', () => {
  it('shows a state mark per system and counts what every system covers', () => {
    const r = runCli(['gaps', DEMO, CITY_B]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('服务事项覆盖矩阵：2 个体系');
    expect(r.stdout).toMatch(/A-04\s+工伤认定申请\s+缺\s+现/);
    expect(r.stdout).toMatch(/A-01\s+失业登记\s+现\s+现/);
    expect(r.stdout).toContain('计入统计的 9 项中：每个体系都已覆盖 1 项；至少一个体系未覆盖 8 项；没有任何体系覆盖 3 项。');
    const json = JSON.parse(runCli(['gaps', DEMO, CITY_B, '-f', 'json']).stdout) as JsonReport;
    expect(json.matrix![0]).toMatchObject({ systems: ['demo', 'city-b'], counted: 9, coveredEverywhere: 1, coveredNowhere: 3 });
    expect(json.matrix![0]!.items.find((i) => i.id === 'C')!.states).toEqual(['uncovered', 'covered']);
    const csv = runCli(['gaps', DEMO, CITY_B, '-f', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toBe('目录,项目编号,事项编号,事项名称,计入统计,demo,city-b');
    expect(csv).toContain('gaps-test,A,A-04,工伤认定申请,是,未覆盖,已覆盖');
    const md = runCli(['gaps', DEMO, CITY_B, '-f', 'markdown']).stdout;
    expect(md).toContain('| 事项 | 名称 | demo | city-b |');
    expect(md).toContain('| A-04 | 工伤认定申请 | ❌ | ✅ |');
  });

  it('the min-coverage gate names each failing system', () => {
    const r = runCli(['gaps', DEMO, CITY_B, '--min-coverage', '40']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('city-b 覆盖率 33.3%（3/9），低于 40%');
    expect(r.stdout).not.toContain('demo 覆盖率');
  });
});

describe('systems that cannot be measured', () => {
  it('a system without a catalog: exit 2 and says so', () => {
    const dir = tempTree({ 'systems/a/system.yaml': 'id: a\ntitle: 无目录\nsubsystems:\n  - code: "100"\n    title: x\n    standards:\n      - { number: GB/T 33534-2017, title: 失业登记管理服务规范 }\n' });
    const r = runCli(['gaps'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('体系没有指定服务事项目录');
    expect(r.stderr).toContain('catalog: hrss-basic');
  });

  it('a default catalog in .hrss-std.yaml is used', () => {
    const dir = tempTree({
      '.hrss-std.yaml': 'catalog: hrss-basic\n',
      'systems/a/system.yaml': 'id: a\ntitle: 默认目录\nsubsystems:\n  - code: "100"\n    title: x\n    standards:\n      - { number: GB/T 33534-2017, title: 失业登记管理服务规范, services: [P05-01] }\n',
    });
    const r = runCli(['gaps', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = (JSON.parse(r.stdout) as JsonReport).systems[0]!;
    expect(s.catalog.id).toBe('hrss-basic');
    expect(s.totals).toMatchObject({ items: 79, covered: 1, coveragePct: 1.3 });
  });

  it('a catalog that cannot be loaded: exit 2 with the location', () => {
    const dir = tempTree({ 'systems/a/system.yaml': 'id: a\ntitle: 坏目录\ncatalog: nosuch.catalog.yaml\nsubsystems: []\n' });
    const r = runCli(['gaps'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法加载服务事项目录');
    expect(r.stderr).toContain('systems/a/system.yaml:3:10');
  });

  it('--catalog measures against another catalog', () => {
    const r = runCli(['gaps', DEMO, '--catalog', 'hrss-basic', '-f', 'json']);
    expect(r.code).toBe(0);
    const s = (JSON.parse(r.stdout) as JsonReport).systems[0]!;
    expect(s.catalog.id).toBe('hrss-basic');
    expect(s.unknownIds.map((u) => u.id)).toEqual(['A-01', 'A-02', 'A-03', 'B', 'D', 'A-01', 'U-01', 'X-99']);
  });
});
