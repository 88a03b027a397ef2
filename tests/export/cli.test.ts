import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { loadSample, SAMPLE } from './helpers.js';
import { out, TINY, WITH_ERROR, zipStamp } from './cli-fixtures.js';
import { sampleExport } from './sample-export.js';

describe('hrss-std export', () => {
  it('writes both files by default, named after the system id, says so, and is deterministic: same bytes in another run and another time zone, dated from the data', async () => {
    const shared = await sampleExport(); // TZ=Asia/Shanghai
    expect(shared.code).toBe(0);
    expect(shared.stderr).toBe('');
    expect(readdirSync(shared.dir).sort()).toEqual(['zhanjiang.docx', 'zhanjiang.xlsx']);
    expect(shared.stdout).toContain('已写入');
    const utc = out();
    expect(runCli(['export', SAMPLE, '-o', utc], { env: { TZ: 'UTC' } }).code).toBe(0);
    const { model } = loadSample();
    const [y, m, d] = model.date.iso.split('-').map(Number);
    for (const f of ['zhanjiang.xlsx', 'zhanjiang.docx']) {
      const x = readFileSync(path.join(utc, f));
      const z = readFileSync(path.join(shared.dir, f));
      expect(x.equals(z), f).toBe(true);
      expect(zipStamp(x)).toEqual({ y, m, d, hh: 0, mm: 0 });
    }
  });

  // deterministic within one process too: tests/export/submittable.test.ts writes each file twice in-process

  it('writes cells that start with = + - @ as text, never as formulas', async () => {
    const dir = tempTree({ 'systems/tiny/system.yaml': TINY });
    const r = runCli(['export', '--xlsx', '--docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(dir, 'tiny.xlsx');
    const zip = unzipSync(new Uint8Array(readFileSync(file)));
    for (const [name, data] of Object.entries(zip)) if (name.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('明细表')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    for (const v of ['=HYPERLINK("http://example.invalid","点击")', '+1 不是公式', '-2 以减号开头的名称', '@人社局']) {
      const c = cells.find((x) => x.value === v);
      expect(c, v).toBeDefined();
      expect(c!.type).toBe(ExcelJS.ValueType.String);
      expect(c!.formula).toBeUndefined();
    }
  });

  it('refuses a system with validation errors (exit 1), saying why and where; --force exports it', () => {
    const dir = tempTree({ 'systems/tiny/system.yaml': WITH_ERROR });
    const r = runCli(['export'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/systems\/tiny\/system\.yaml/);
    expect(r.stderr).toContain('duplicate-code');
    // both places of the duplicated code are reported, with line and column
    const lines = WITH_ERROR.split('\n').flatMap((l, i) => (l.includes('code: "100-01"') ? [i + 1] : []));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(r.stderr).toMatch(new RegExp(`^\\s+${line}:15\\s+错误.*duplicate-code`, 'm'));
    expect(r.stderr).toContain('有 2 个校验错误');
    expect(r.stderr).toContain('--force');
    expect(readdirSync(dir).filter((f) => /\.(xlsx|docx)$/.test(f))).toEqual([]);

    // --force is decided before any format is written (one format is enough to see it: a Word file costs ~2 s)
    const forced = runCli(['export', '--force', '--xlsx', '--lang', 'en'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('exporting anyway');
    expect(existsSync(path.join(dir, 'tiny.xlsx'))).toBe(true);
  });
});
