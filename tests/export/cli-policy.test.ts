import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_MAX_ROWS } from '../../src/export/limits.js';
import { runCli, tempTree } from '../helpers.js';
import { SAMPLE } from './helpers.js';
import { out, TINY } from './cli-fixtures.js';

describe('hrss-std export: overwrite policy, refusals, configuration', () => {
  it('replaces its own earlier output, but not a file it did not write (exit 2), unless --force', () => {
    const dir = out();
    expect(runCli(['export', SAMPLE, '--xlsx', '-o', dir]).code).toBe(0);
    expect(runCli(['export', SAMPLE, '--xlsx', '-o', dir]).code).toBe(0);
    writeFileSync(path.join(dir, 'mine.xlsx'), 'a file the user wrote');
    const r = runCli(['export', SAMPLE, '--xlsx', 'mine.xlsx', '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 hrss-std 导出的文件');
    expect(readFileSync(path.join(dir, 'mine.xlsx'), 'utf8')).toBe('a file the user wrote');
    expect(runCli(['export', SAMPLE, '--xlsx', 'mine.xlsx', '-o', dir, '--force']).code).toBe(0);
  });

  it('does not write over a file that is open (an Office lock file beside it)', () => {
    const dir = out();
    // the lock file is checked before anything else about the existing file (even one hrss-std wrote)
    writeFileSync(path.join(dir, 'zhanjiang.docx'), 'the open document');
    writeFileSync(path.join(dir, '~$zhanjiang.docx'), '');
    const r = runCli(['export', SAMPLE, '--docx', '-o', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('looks open in Excel/WPS/LibreOffice');
    expect(readFileSync(path.join(dir, 'zhanjiang.docx'), 'utf8')).toBe('the open document');
  });

  it('fails cleanly on an unwritable path (exit 2) and leaves no temporary file', () => {
    const dir = out();
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    const r = runCli(['export', SAMPLE, '--xlsx', path.join(dir, 'not-a-folder', 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    if (process.getuid?.() !== 0) {
      const ro = out();
      chmodSync(ro, 0o555);
      const r2 = runCli(['export', SAMPLE, '--xlsx', '-o', ro]);
      chmodSync(ro, 0o755);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain('没有写入权限');
      expect(readdirSync(ro)).toEqual([]);
    }
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });

  it('refuses a Word file of more than DOCX_MAX_ROWS rows up front, writing nothing, and says to use --xlsx', () => {
    const rows = Array.from({ length: DOCX_MAX_ROWS + 1 }, (_, i) => `      - code: "100-${String(i + 1).padStart(5, '0')}"\n        title: 待制定规范${i + 1}\n        level: local\n        status: planned\n`).join('');
    const dir = tempTree({ 'systems/big/system.yaml': `id: big\ntitle: 大体系\nframework: none\nsubsystems:\n  - code: "100"\n    title: 基础\n    standards:\n${rows}` });
    const r = runCli(['export', 'systems/big', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`超过 Word 文件的上限 ${DOCX_MAX_ROWS} 项`);
    expect(r.stderr).toContain('--xlsx');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
    // the workbook alone is made
    expect(runCli(['export', 'systems/big', '--xlsx', '-o', 'out'], { cwd: dir }).code).toBe(0);
  });

  it('rejects a wrong extension, a bad --date, and several systems without a choice', () => {
    expect(runCli(['export', SAMPLE, '--xlsx', 'x.docx']).stderr).toContain('应以 .xlsx 结尾');
    expect(runCli(['export', SAMPLE, '--date', '2024-13-01']).code).toBe(2);
    // a day that does not exist (Date.parse would roll it over to 2024-03-01)
    for (const day of ['2024-02-30', '2023-02-29', '2024-04-31']) {
      const bad = runCli(['export', SAMPLE, '--date', day]);
      expect(bad.code, day).toBe(2);
      expect(bad.stderr, day).toContain(`--date 需要 YYYY-MM-DD 格式、日历上存在的日期，收到 “${day}”`);
    }
    const dir = tempTree({ 'systems/tiny/system.yaml': TINY, 'systems/two/system.yaml': TINY.replace('id: tiny', 'id: two') });
    const r = runCli(['export'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找到 2 个体系');
  });

  it('uses the 明细表 column labels from .hrss-std.yaml in both files', async () => {
    const dir = tempTree({
      'systems/tiny/system.yaml': TINY,
      '.hrss-std.yaml': 'export:\n  columns:\n    备注: 说明\n    number: 标准号\n',
    });
    expect(runCli(['export'], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tiny.xlsx'));
    const header = (wb.getWorksheet('明细表')!.getRow(1).values as unknown[]).slice(1);
    expect(header[3]).toBe('标准号');
    expect(header[11]).toBe('说明');
    const doc = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(dir, 'tiny.docx'))))['word/document.xml']!);
    expect(doc.includes('>标准号<') && doc.includes('>说明<')).toBe(true);
  });

  it('takes the heading styles of a --docx-template (Chinese Word names them "1", "2")', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const template = new Document({
      styles: {
        paragraphStyles: [
          { id: '1', name: 'heading 1', run: { size: 36 } },
          { id: '2', name: 'heading 2', run: { size: 30 } },
          { id: 'OfficeBody', name: 'Office Body', run: { size: 22 } },
        ],
      },
      sections: [{ children: [new Paragraph('模板')] }],
    });
    const dir = tempTree({ 'systems/tiny/system.yaml': TINY, 'office.docx': Buffer.from(await Packer.toBuffer(template)) });
    const r = runCli(['export', '--docx', '--docx-template', 'office.docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(dir, 'tiny.docx'))));
    expect(strFromU8(zip['word/styles.xml']!)).toContain('Office Body');
    const doc = strFromU8(zip['word/document.xml']!);
    expect(doc.includes('<w:pStyle w:val="1"/>') && doc.includes('<w:pStyle w:val="2"/>')).toBe(true);
    expect(doc.includes('<w:pStyle w:val="Heading1"/>')).toBe(false);

    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    const bad = runCli(['export', '--docx', '--docx-template', 'broken.docx', '--force'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不是 Word 文件');
  });
  // that validate loads neither exceljs nor docx, and export both, is checked with the bundle and
  // with dist/cli/index.js in tests/startup/bundle.test.ts
});

