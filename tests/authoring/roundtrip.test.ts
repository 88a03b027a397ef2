import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { loadSystem } from '../../src/system/load.js';
import { effectiveLevel } from '../../src/model/level.js';
import { allStandards, walkNodes, type StandardSystem } from '../../src/model/types.js';
import { ROOT, runCli, tempTree } from '../helpers.js';

function load(systemFile: string): StandardSystem {
  const config = defaultConfig(path.dirname(systemFile));
  return loadSystem(systemFile, { limits: config.limits, cwd: path.dirname(systemFile) }).system!;
}

/** What the 明细表 carries for each row and node. */
function tableData(s: StandardSystem) {
  return {
    title: s.title,
    nodes: [...walkNodes(s.subsystems)].map((n) => `${n.depth} ${n.code} ${n.title}`),
    rows: allStandards(s).map((e) => ({
      node: e.parent.code, code: e.code, number: e.number, title: e.title, level: effectiveLevel(e), status: e.status,
      published: e.published, effective: e.effective, department: e.department, services: e.services, note: e.note,
    })),
  };
}

function exportXlsx(cwd: string, system: string, out: string): void {
  const r = runCli(['export', system, '--xlsx', path.basename(out), '-o', path.dirname(out)], { cwd });
  expect(r.stderr).not.toMatch(/内部错误|internal error/);
  expect(r.code).toBe(0);
}

describe('export → import → export', () => {
  it('imports the exported sample with the same table data; the next round trip gives identical YAML and workbook', () => {
    const dir = tempTree({});
    const one = path.join(dir, 'one/体系表.xlsx');
    exportXlsx(ROOT, 'systems/zhanjiang', one);
    const r1 = runCli(['import', one, '--id', 'zj', '-o', 'systems/zj/'], { cwd: dir });
    expect(r1.stderr).toContain('已导入 83 条标准、27 个子体系');
    expect(r1.stderr).toContain('全部单元格均已识别');
    expect(r1.code).toBe(0);
    const first = path.join(dir, 'systems/zj/system.yaml');
    expect(tableData(load(first))).toEqual(tableData(load(path.join(ROOT, 'systems/zhanjiang/system.yaml'))));

    const two = path.join(dir, 'two/体系表.xlsx');
    exportXlsx(dir, 'systems/zj', two);
    const r2 = runCli(['import', two, '--id', 'zj', '-o', 'systems/zj2/'], { cwd: dir });
    expect(r2.code).toBe(0);
    expect(readFileSync(path.join(dir, 'systems/zj2/system.yaml'), 'utf8')).toBe(readFileSync(first, 'utf8'));

    const three = path.join(dir, 'three/体系表.xlsx');
    exportXlsx(dir, 'systems/zj2', three);
    expect(Buffer.compare(readFileSync(three), readFileSync(two))).toBe(0);
  });
});
