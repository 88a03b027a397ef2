import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { buildXlsx } from './sheets.js';
import { withReadableSheetNames } from '../../src/util/xlsx-sheet-names.js';

/** The workbook with its sheet names in xl/workbook.xml replaced, as other programs than Excel write them. */
function renameSheets(buf: Buffer, names: Record<string, string>): Buffer {
  const parts = unzipSync(buf);
  let xml = strFromU8(parts['xl/workbook.xml']!);
  for (const [from, to] of Object.entries(names)) xml = xml.replace(`name="${from}"`, `name="${to.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  parts['xl/workbook.xml'] = strToU8(xml);
  return Buffer.from(zipSync(parts));
}

// names Excel would not let a user type, but other programs write; exceljs refused the whole file for each
const LONG = '2024年度湛江市人力资源社会保障基本公共服务事项清单（市级汇总表）'; // 34 characters
const CASES: [string, string][] = [
  ['a slash and a colon', '2024/2025: 清单'],
  ['"History"', 'History'],
  ['over 31 characters', LONG],
  ['a leading quote', "'清单"],
];

describe('sheet names exceljs refuses (issue 17: nothing lost on import)', () => {
  it.each(CASES)('catalog import reads a sheet named with %s, and names it as written', async (_what, name) => {
    const dir = tempTree({ 'list.xlsx': renameSheets(await buildXlsx(), { 清单: name }) });
    const r = runCli(['catalog', 'import', 'list.xlsx', '-o', 'c.yaml'], { cwd: dir });
    expect(r.stdout + r.stderr).not.toMatch(/Worksheet name|exceeds 31|protected|cannot include/);
    expect(r.code, r.stderr).toBe(1); // the list's one row without an item, as for the original workbook
    // with -o the report is on stdout
    expect(r.stdout).toContain(`读取 list.xlsx（工作表 “${name}”），表头在第 2 行`);
    expect(readFileSync(path.join(dir, 'c.yaml'), 'utf8')).toContain('失业保险金申领');
  });

  it('import of a standards table from a sheet with such a name, and --sheet takes the name as written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['序号', '标准编号', '标准名称', '标准级别']);
    ws.addRow([1, 'GB/T 33528-2017', '公共就业服务 术语', '国家标准']);
    wb.addWorksheet('other').addRow(['x']);
    const buf = renameSheets(Buffer.from(await wb.xlsx.writeBuffer()), { S: '标准明细表 [2025/版]', other: 'History' });
    const dir = tempTree({ 'table.xlsx': buf });
    const r = runCli(['import', 'table.xlsx', '--sheet', '标准明细表 [2025/版]', '-o', 'systems/t/', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const yaml = readFileSync(path.join(dir, 'systems/t/system.yaml'), 'utf8');
    expect(yaml).toContain('标准明细表 [2025/版]');
    expect(yaml).toContain('GB/T 33528-2017');
    const none = runCli(['import', 'table.xlsx', '--sheet', 'nope', '-o', 'x/'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('可用：标准明细表 [2025/版]、History');
  });

  it('leaves a workbook whose names exceljs reads as it is (same bytes), and renames only the refused ones', async () => {
    const plain = await buildXlsx();
    expect(withReadableSheetNames(plain).buf).toBe(plain);
    const both = renameSheets(plain, { 说明: 'a', 清单: 'A' }); // equal regardless of case: the second one
    const { names } = withReadableSheetNames(both);
    expect([...names.values()]).toEqual(['A']);
  });
});
