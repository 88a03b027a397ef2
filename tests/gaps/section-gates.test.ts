import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

const sample = path.join(ROOT, 'systems/zhanjiang');

describe('gaps --min-institution-coverage', () => {
  it('passes at the sample\'s share of covered aspects and fails just above it, naming the missing aspects', () => {
    const json = JSON.parse(runCli(['gaps', sample, '-f', 'json']).stdout) as { systems: { institutionCoverage: { covered: boolean; title: string }[] }[] };
    const aspects = json.systems[0]!.institutionCoverage;
    const covered = aspects.filter((a) => a.covered).length;
    const pct = Math.round((covered / aspects.length) * 1000) / 10;
    expect(aspects).toHaveLength(8);
    const pass = runCli(['gaps', sample, '--min-institution-coverage', String(pct)]);
    expect(pass.code).toBe(0);
    expect(pass.stderr).toContain(`✓ systems/zhanjiang/system.yaml：服务机构标准覆盖率 ${pct.toFixed(1)}%（${covered}/8 个方面有现行标准`);
    const fail = runCli(['gaps', sample, '--min-institution-coverage', String(pct + 0.1)]);
    expect(fail.code).toBe(3);
    for (const a of aspects.filter((x) => !x.covered)) expect(fail.stderr).toContain(a.title);
    // stdout is the same report as without the gate
    expect(fail.stdout).toBe(runCli(['gaps', sample]).stdout);
  });
});

describe('gaps --min-object-coverage', () => {
  const catalog = `id: obj
title: 服务对象测试目录（测试用）
projects:
  - id: A
    name: 就业服务（测试项目）
    area: 劳有所得
    items:
      - { id: A-01, name: 失业登记, target: 劳动者, source: test, confidence: partial }
      - { id: A-02, name: 就业登记, target: 劳动者, source: test, confidence: partial }
      - { id: A-03, name: 招聘服务, target: 用人单位, source: test, confidence: partial }
`;
  const system = `id: obj
title: 服务对象测试
framework: none
catalog: list.catalog.yaml
subsystems:
  - code: "100"
    title: 基础
    standards:
      - number: GB/T 24421.1-2023
        title: 服务业组织标准化工作指南 第1部分：基本要求
        status: current
        level: national
        services: [A-01, A-03]
`;

  it('is decided by the lowest 服务对象 group (劳动者 1/2 = 50%, 用人单位 1/1)', () => {
    const dir = tempTree({ 'list.catalog.yaml': catalog, 'system.yaml': system });
    const pass = runCli(['gaps', 'system.yaml', '--min-object-coverage', '50'], { cwd: dir });
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stderr).toContain('✓ system.yaml：服务对象覆盖率（最低一组“劳动者”）50.0%（1/2），门槛 50%');
    const fail = runCli(['gaps', 'system.yaml', '--min-object-coverage', '60'], { cwd: dir });
    expect(fail.code).toBe(3);
    expect(fail.stderr).toContain('✗ system.yaml：服务对象覆盖率（最低一组“劳动者”）50.0%（1/2），门槛 60%');
  });

  it('fails, saying why, when the catalog names no 服务对象 (the built-in one does not)', () => {
    const r = runCli(['gaps', sample, '--min-object-coverage', '0']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('服务对象覆盖率无法计算');
  });

  it('refuses a threshold that is not a number from 0 to 100', () => {
    for (const v of ['x', '101', '-1']) {
      const r = runCli(['gaps', sample, '--min-object-coverage', v]);
      expect(r.code, v).toBe(2);
      expect(r.stderr).toContain('--min-object-coverage 需要 0 到 100 之间的数');
    }
  });
});
