import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

const DEMO = path.join(ROOT, 'tests/fixtures/gaps/basic/systems/demo');

interface Diag { rule: string; severity: string; file: string; line: number; column: number; message: string; related?: { file: string; line: number; column: number; message: string }[]; data?: Record<string, unknown> }
const diags = (args: string[], cwd?: string) => (JSON.parse(runCli(['validate', '-f', 'json', ...args], { cwd }).stdout) as { diagnostics: Diag[] }).diagnostics;

describe('service-gap (validate)', () => {
  const ds = diags([DEMO]).filter((d) => d.rule === 'service-gap');

  it('warns once per uncovered or lapsed-only unit, at the catalog: key', () => {
    expect(ds.map((d) => d.data!.item)).toEqual(['A-03', 'A-04', 'C']);
    for (const d of ds) expect(d).toMatchObject({ severity: 'warning', file: 'tests/fixtures/gaps/basic/systems/demo/system.yaml', line: 3, column: 10 });
    expect(ds[1]!.message).toBe('服务事项 A-04 “工伤认定申请”（项目 A 就业与失业登记（测试项目））没有任何标准');
    expect(ds[0]!.message).toContain('只有被代替或废止的标准（GB/T 31596.3-2015）');
    expect(ds[2]!.message).toContain('服务项目 C');
  });

  it('does not report planned-only units or unassigned items', () => {
    expect(ds.map((d) => d.data!.item)).not.toContain('A-02');
    expect(ds.map((d) => d.data!.item)).not.toContain('D');
    expect(ds.map((d) => d.data!.item)).not.toContain('U-01');
  });

  it('points at the file start when the catalog comes from .hrss-std.yaml', () => {
    const dir = tempTree({
      '.hrss-std.yaml': 'catalog: hrss-basic\n',
      'systems/a/system.yaml': 'id: a\ntitle: 默认目录\nsubsystems:\n  - code: "100"\n    title: x\n    standards:\n      - { number: GB/T 33534-2017, title: 失业登记管理服务规范, services: [P05-01] }\n',
    });
    const gaps = diags([], dir).filter((d) => d.rule === 'service-gap');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps[0]).toMatchObject({ line: 1, column: 1 });
    expect(gaps.map((d) => d.data!.item)).not.toContain('P05-01');
  });

  it('on the bundled sample reports exactly the items gaps lists as not covered', () => {
    const items = diags([]).filter((d) => d.rule === 'service-gap').map((d) => d.data!.item);
    const json = JSON.parse(runCli(['gaps', '-f', 'json']).stdout) as { systems: { items: { id: string; counted: boolean; state: string }[] }[] };
    expect(items).toEqual(json.systems[0]!.items.filter((i) => i.counted && (i.state === 'uncovered' || i.state === 'lapsed')).map((i) => i.id));
  });
});

describe('priority (validate)', () => {
  const ds = diags([DEMO]).filter((d) => d.rule === 'priority');

  it('asks a group standard for its justification, at its level key', () => {
    expect(ds[0]).toMatchObject({ severity: 'warning', line: 41, column: 20, message: '团体标准 T/CQTSHRA 006-2024 没有写明采用理由（justification）' });
  });

  it('reports a group standard serving an item a national standard already serves, at services, pointing at it', () => {
    expect(ds[1]).toMatchObject({ line: 42, column: 23 });
    expect(ds[1]!.message).toBe('团体标准 T/CQTSHRA 006-2024 服务的事项 A-01 “失业登记”已有现行国家、行业或地方标准（GB/T 33534-2017）');
    expect(ds[1]!.related).toEqual([{ file: 'tests/fixtures/gaps/basic/systems/demo/system.yaml', line: 8, column: 9, message: '国家标准 GB/T 33534-2017 已服务 A-01' }]);
    expect(ds).toHaveLength(2);
  });

  it('is quiet for a justified group standard that serves an item no preferred standard serves', () => {
    const dir = tempTree({
      'cat.yaml': 'id: t\ntitle: t\nprojects:\n  - id: P\n    name: p\n    items:\n      - { id: P-01, name: a }\n      - { id: P-02, name: b }\n',
      'systems/a/system.yaml': [
        'id: a', 'title: t', 'catalog: ../../cat.yaml', 'subsystems:', '  - code: "100"', '    title: x', '    standards:',
        '      - { number: GB/T 33534-2017, title: 失业登记管理服务规范, services: [P-01] }',
        '      - { number: T/CQTSHRA 006-2024, title: 公共职业介绍服务规范, justification: 暂无国家标准, services: [P-02] }',
        '      - { number: T/CQTSHRA 002-2024, title: 职业指导服务规范, status: withdrawn, services: [P-01] }',
        '',
      ].join('\n'),
    });
    expect(diags([], dir).filter((d) => d.rule === 'priority')).toEqual([]);
  });

  it('a planned enterprise row without justification is reported; its level comes from the row when there is no number', () => {
    const dir = tempTree({
      'systems/a/system.yaml': 'id: a\ntitle: t\nsubsystems:\n  - code: "100"\n    title: x\n    standards:\n      - { title: 内部服务规范, level: 企业标准, status: planned }\n',
    });
    const p = diags([], dir).filter((d) => d.rule === 'priority');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 7, column: 33 });
    expect(p[0]!.message).toContain('企业标准 “内部服务规范” 没有写明采用理由');
  });
});
