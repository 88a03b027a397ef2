import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

/** export --assess: the assessment as a 评价 sheet of the workbook, the same figures as assess -f json. */
describe('export --xlsx --assess', () => {
  const dir = tempTree({});
  const file = path.join(dir, 'a.xlsx');
  const r = runCli(['export', 'systems/zhanjiang', '--xlsx', file, '--assess', '--date', '2026-12-04', '--assessor', '审查组']);

  it('adds a 评价 sheet before 说明 and says so', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('工作表：结构图、明细表、统计表、覆盖情况、评价、说明');
    const wb = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['xl/workbook.xml']!);
    expect([...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['结构图', '明细表', '统计表', '覆盖情况', '评价', '说明', '_hrss_std']);
  });

  it('holds the assessor, the date, the conclusion, every indicator and every problem place', () => {
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    const strings = strFromU8(parts['xl/sharedStrings.xml']!).replace(/<[^>]+>/g, '\n');
    const j = JSON.parse(runCli(['assess', 'systems/zhanjiang', '-f', 'json', '--date', '2026-12-04', '--assessor', '审查组']).stdout).systems[0];
    for (const s of ['审查组', '2026-12-04', j.overall.conclusion]) expect(strings).toContain(s);
    for (const g of j.groups) for (const i of g.indicators) expect(strings).toContain(i.title);
    for (const p of j.problems) for (const pl of p.places) expect(strings).toContain(`${pl.file}:${pl.line}`);
  });

  it('without --assess the workbook is unchanged (no 评价 sheet), and the same bytes twice', () => {
    const plain = path.join(dir, 'plain.xlsx');
    expect(runCli(['export', 'systems/zhanjiang', '--xlsx', plain, '--date', '2026-12-04']).code).toBe(0);
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(plain)))['xl/workbook.xml']!)).not.toContain('评价');
    const again = path.join(dir, 'again.xlsx');
    expect(runCli(['export', 'systems/zhanjiang', '--xlsx', again, '--assess', '--date', '2026-12-04', '--assessor', '审查组']).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });
});
