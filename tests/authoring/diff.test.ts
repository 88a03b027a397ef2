import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

/** A fake catalog (clearly not a real service list) so coverage changes are easy to plant. */
const CATALOG = `id: test-catalog
title: 测试目录（虚构）
projects:
  - id: X01
    name: 测试项目一
    items:
      - { id: X01-01, name: 测试事项甲 }
      - { id: X01-02, name: 测试事项乙 }
`;

const SYSTEM_V1 = `id: demo
title: 测试体系
catalog: catalog.yaml
subsystems:
  - code: "100"
    title: 基础通用标准体系
    subsystems:
      - code: "101"
        title: 术语与缩略语标准
        standards:
          - { code: "101-01", number: GB/T 33528-2017, title: 公共就业服务 术语, status: current }
          - { code: "101-02", number: GB/T 31596.3-2015, title: 社会保险术语 第3部分：失业保险, status: current }
          - { code: "101-03", number: GB/T 31596.5-2015, title: 社会保险术语 第5部分：工伤保险, status: current }
          - { code: "101-04", number: GB/T 13016-2018, title: 标准体系构建原则和要求, status: current }
      - code: "102"
        title: 符号与标志标准
        standards:
          - { code: "102-01", title: 人社服务场所标识设置规范, level: local, status: planned }
      - code: "103"
        title: 标准化工作标准
        include: standardization.yaml
`;
const INCLUDE_V1 = `standards:
  - { code: "103-01", number: GB/T 1.1-2020, title: 标准化工作导则 第1部分：标准化文件的结构和起草规则, status: current }
  - { code: "103-02", number: LD/T 01-2020, title: 社会保险网上经办服务指南, status: current, services: [X01-01] }
`;

/** The planted changes, one of each kind. */
const SYSTEM_V2 = SYSTEM_V1
  // added
  .replace('          - { code: "101-01"', '          - { code: "101-05", number: GB/T 40550-2021, title: 劳动人事争议仲裁术语, status: current }\n          - { code: "101-01"')
  // renumbered (new edition) with services now pointing at X01-02
  .replace('number: GB/T 31596.3-2015, title: 社会保险术语 第3部分：失业保险, status: current', 'number: GB/T 31596.3-2023, title: 社会保险术语 第3部分：失业保险, status: current, services: [X01-02]')
  // removed
  .replace('          - { code: "101-03", number: GB/T 31596.5-2015, title: 社会保险术语 第5部分：工伤保险, status: current }\n', '')
  // moved from 101 to the included 103 (below)
  .replace('          - { code: "101-04", number: GB/T 13016-2018, title: 标准体系构建原则和要求, status: current }\n', '')
  // title of a planned row
  .replace('title: 人社服务场所标识设置规范', 'title: 人社公共服务场所标识设置规范');
const INCLUDE_V2 = INCLUDE_V1
  // status change, which also ends the coverage of X01-01
  .replace('LD/T 01-2020, title: 社会保险网上经办服务指南, status: current', 'LD/T 01-2020, title: 社会保险网上经办服务指南, status: revising')
  + '  - { code: "101-04", number: GB/T 13016-2018, title: 标准体系构建原则和要求, status: current }\n';

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

function repo(): string {
  const dir = tempTree({
    'systems/demo/system.yaml': SYSTEM_V1,
    'systems/demo/standardization.yaml': INCLUDE_V1,
    'systems/demo/catalog.yaml': CATALOG,
  });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'v1');
  writeFileSync(path.join(dir, 'systems/demo/system.yaml'), SYSTEM_V2);
  writeFileSync(path.join(dir, 'systems/demo/standardization.yaml'), INCLUDE_V2);
  git(dir, 'commit', '-q', '-am', 'v2');
  return dir;
}

interface Json {
  a: string;
  b: string;
  systems: {
    id: string;
    added: { number?: string; title: string; subsystem: string }[];
    removed: { number?: string; title: string; subsystem: string }[];
    changed: { after: { number?: string; title: string }; kinds: string[]; changes: { field: string; from: unknown; to: unknown }[] }[];
    nodes: unknown;
    coverage: { items: unknown[]; totals: unknown };
  }[];
}

describe('hrss-std diff between git revisions', () => {
  const dir = repo();

  it('validates both versions clean (the fixture is sound)', () => {
    expect(runCli(['validate', '-q'], { cwd: dir }).code).toBe(0);
  });

  it('reports exactly the planted changes (json)', () => {
    const r = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.a).toMatch(/^HEAD~1 \([0-9a-f]{7}\)$/);
    expect(j.systems).toHaveLength(1);
    const d = j.systems[0]!;
    expect(d.id).toBe('demo');
    expect(d.added).toEqual([{ number: 'GB/T 40550-2021', title: '劳动人事争议仲裁术语', code: '101-05', subsystem: '101 术语与缩略语标准', status: 'current' }]);
    expect(d.removed).toEqual([{ number: 'GB/T 31596.5-2015', title: '社会保险术语 第5部分：工伤保险', code: '101-03', subsystem: '101 术语与缩略语标准', status: 'current' }]);
    expect(d.changed.map((c) => ({ n: c.after.number ?? c.after.title, kinds: c.kinds, changes: c.changes }))).toEqual([
      { n: 'GB/T 31596.3-2023', kinds: ['renumbered', 'other'], changes: [
        { field: 'number', from: 'GB/T 31596.3-2015', to: 'GB/T 31596.3-2023' },
        { field: 'services', from: [], to: ['X01-02'] },
      ] },
      { n: '人社公共服务场所标识设置规范', kinds: ['title'], changes: [
        { field: 'title', from: '人社服务场所标识设置规范', to: '人社公共服务场所标识设置规范' },
      ] },
      { n: 'LD/T 01-2020', kinds: ['status'], changes: [{ field: 'status', from: 'current', to: 'revising' }] },
      { n: 'GB/T 13016-2018', kinds: ['moved'], changes: [{ field: 'subsystem', from: '101 术语与缩略语标准', to: '103 标准化工作标准' }] },
    ]);
    expect(d.nodes).toEqual({ added: [], removed: [], renamed: [] });
    expect(d.coverage).toEqual({
      items: [
        { id: 'X01-01', name: '测试事项甲', from: 'covered', to: 'planned' },
        { id: 'X01-02', name: '测试事项乙', from: 'uncovered', to: 'covered' },
      ],
      totals: { from: 50, to: 50, coveredFrom: 1, coveredTo: 1, itemsFrom: 2, itemsTo: 2 },
    });
  });

  it('writes a readable text report and a markdown pull-request comment', () => {
    const text = runCli(['diff', 'HEAD~1', 'HEAD', '--lang', 'en'], { cwd: dir }).stdout;
    expect(text).toContain('added 1, removed 1, moved 1, renumbered 1, status changed 1, title changed 1, other changes 1');
    expect(text).toContain('    + GB/T 40550-2021 劳动人事争议仲裁术语  〔101 术语与缩略语标准〕');
    expect(text).toContain('    ~ 社会保险术语 第3部分：失业保险: GB/T 31596.3-2015 → GB/T 31596.3-2023');
    expect(text).toContain('    ~ LD/T 01-2020 社会保险网上经办服务指南: current → revising');
    expect(text).toContain('    X01-02 测试事项乙: not covered → covered');
    const mdOut = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'markdown'], { cwd: dir }).stdout;
    expect(mdOut).toContain('| GB/T 13016-2018 | 标准体系构建原则和要求 | 101 术语与缩略语标准 | 103 标准化工作标准 |');
    expect(mdOut).toContain('| LD/T 01-2020 | 社会保险网上经办服务指南 | 现行 | 待修订 |');
  });

  it('compares a revision with the working tree, and two folders', () => {
    expect(runCli(['diff', 'HEAD', '--exit-code'], { cwd: dir }).code).toBe(0);
    const old = path.join(dir, 'old');
    mkdirSync(old);
    writeFileSync(path.join(old, 'system.yaml'), SYSTEM_V1);
    writeFileSync(path.join(old, 'standardization.yaml'), INCLUDE_V1);
    writeFileSync(path.join(old, 'catalog.yaml'), CATALOG);
    const r = runCli(['diff', 'old', 'systems/demo', '-f', 'json', '--exit-code'], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.systems[0]!.added.map((s) => s.number)).toEqual(['GB/T 40550-2021']);
    expect(j.systems[0]!.changed).toHaveLength(4);
  });

  it('writes the 修订记录 as CSV', () => {
    const csv = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'csv'], { cwd: dir }).stdout;
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,体系,变更类型,标准编号,标准名称,子体系,变更内容');
    expect(lines).toHaveLength(7);
    expect(lines[3]).toBe('3,demo,改号、其他修改,GB/T 31596.3-2023,社会保险术语 第3部分：失业保险,101 术语与缩略语标准,标准编号 GB/T 31596.3-2015 → GB/T 31596.3-2023；对应服务事项 （无） → X01-02');
  });

  it('treats a revision without any system as empty: the whole system is new', () => {
    const d = tempTree({ 'README.md': 'x\n' });
    git(d, 'init', '-q', '-b', 'main');
    git(d, 'add', '.');
    git(d, 'commit', '-q', '-m', 'empty');
    mkdirSync(path.join(d, 'systems/demo'), { recursive: true });
    writeFileSync(path.join(d, 'systems/demo/system.yaml'), 'id: demo\ntitle: 测试体系\nstandards:\n  - { number: GB/T 33528-2017, title: 公共就业服务 术语 }\n');
    const r = runCli(['diff', 'HEAD', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json & { systems: { fileA?: string; fileB?: string }[] };
    expect(j.b).toBe('工作区');
    expect(j.systems[0]).toMatchObject({ id: 'demo', fileB: 'systems/demo/system.yaml' });
    expect(j.systems[0]!.fileA).toBeUndefined();
    expect(j.systems[0]!.added.map((s) => s.number)).toEqual(['GB/T 33528-2017']);
  });

  it('explains a name that is neither a path nor a revision', () => {
    const r = runCli(['diff', 'no-such-rev', 'HEAD'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“no-such-rev” 既不是存在的路径，也不是 git 修订版本');
  });
});
