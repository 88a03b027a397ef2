import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { loadSystem } from '../../src/load/system.js';
import { resolveColumns } from '../../src/export/columns.js';
import { buildExportModel } from '../../src/export/model.js';
import { xlsxExporter } from '../../src/export/xlsx/index.js';
import { effectiveLevel } from '../../src/model/level.js';
import { allStandards, walkNodes, type StandardSystem } from '../../src/model/types.js';
import { ROOT, runCli, tempTree } from '../helpers.js';

function load(systemFile: string): StandardSystem {
  const config = defaultConfig(path.dirname(systemFile));
  return loadSystem(systemFile, { limits: config.limits, cwd: path.dirname(systemFile) }).system!;
}

/** The workbook the exporter writes (the same code `hrss-std export --xlsx` runs). */
async function exportXlsx(systemFile: string, out: string): Promise<void> {
  const model = buildExportModel({ system: load(systemFile), columns: resolveColumns({}), toolVersion: '0.0.0' });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, await xlsxExporter.write(model, { lang: 'zh' }));
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

describe('export → import → export', () => {
  it('imports the exported sample with the same table data, and a second round trip gives identical YAML', async () => {
    const dir = tempTree({});
    const sample = path.join(ROOT, 'systems/zhanjiang/system.yaml');
    await exportXlsx(sample, path.join(dir, 'one/体系表.xlsx'));
    const r1 = runCli(['import', 'one/体系表.xlsx', '--id', 'zj', '-o', 'systems/zj/'], { cwd: dir });
    expect(r1.stderr).toContain('已导入 83 条标准、27 个子体系');
    expect(r1.stderr).toContain('全部单元格均已识别');
    expect(r1.code).toBe(0);
    const first = path.join(dir, 'systems/zj/system.yaml');
    expect(tableData(load(first))).toEqual(tableData(load(sample)));

    await exportXlsx(first, path.join(dir, 'two/体系表.xlsx'));
    const r2 = runCli(['import', 'two/体系表.xlsx', '--id', 'zj', '-o', 'systems/zj2/'], { cwd: dir });
    expect(r2.code).toBe(0);
    expect(readFileSync(path.join(dir, 'systems/zj2/system.yaml'), 'utf8')).toBe(readFileSync(first, 'utf8'));

    const v = runCli(['validate', '-f', 'json', 'systems/zj'], { cwd: dir });
    expect((JSON.parse(v.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
  });
});
