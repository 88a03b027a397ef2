import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadExporter } from '../../src/export/registry.js';
import { runCli, tempTree } from '../helpers.js';
import { loadSample, SAMPLE } from './helpers.js';

const out = () => mkdtempSync(path.join(tmpdir(), 'hrss-std-export-'));

/** A small system with real numbers (data/known-standards.yaml) and cells that look like formulas. */
const TINY = `id: tiny
title: 测试市人社公共服务标准体系
framework: none
catalog: hrss-basic
subsystems:
  - code: "100"
    title: 基础通用标准
    standards:
      - code: "100-01"
        number: GB/T 13016-2018
        title: 标准体系构建原则和要求
        published: "2018-02-06"
        effective: "2018-09-01"
      - code: "100-02"
        title: '=HYPERLINK("http://example.invalid","点击")'
        level: local
        status: planned
        note: "+1 不是公式"
  - code: "200"
    title: 就业服务标准
    standards:
      - code: "200-01"
        title: "-2 以减号开头的名称"
        level: local
        status: planned
        department: "@人社局"
        services: [P03-01]
`;

/** The same system with a planted error: the code 100-01 twice (duplicate-code). */
const WITH_ERROR = TINY.replace(`      - code: "200-01"`, `      - code: "100-01"`);

/** DOS date and time of the first entry of a zip (local file header). */
function zipStamp(buf: Buffer): { y: number; m: number; d: number; hh: number; mm: number } {
  const time = buf.readUInt16LE(10);
  const date = buf.readUInt16LE(12);
  return { y: (date >> 9) + 1980, m: (date >> 5) & 15, d: date & 31, hh: time >> 11, mm: (time >> 5) & 63 };
}

describe('hrss-std export', () => {
  it('writes both files by default, named after the system id, and says so', () => {
    const dir = out();
    const r = runCli(['export', SAMPLE, '-o', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['zhanjiang.docx', 'zhanjiang.xlsx']);
    expect(r.stdout).toContain('已写入');
  });

  it('is deterministic: same bytes in another run and another time zone, dated from the data', () => {
    const a = out();
    const b = out();
    expect(runCli(['export', SAMPLE, '-o', a], { env: { TZ: 'UTC' } }).code).toBe(0);
    expect(runCli(['export', SAMPLE, '-o', b], { env: { TZ: 'Asia/Shanghai' } }).code).toBe(0);
    const { model } = loadSample();
    const [y, m, d] = model.date.iso.split('-').map(Number);
    for (const f of ['zhanjiang.xlsx', 'zhanjiang.docx']) {
      const x = readFileSync(path.join(a, f));
      const z = readFileSync(path.join(b, f));
      expect(x.equals(z), f).toBe(true);
      expect(zipStamp(x)).toEqual({ y, m, d, hh: 0, mm: 0 });
    }
  });

  it('is deterministic within one process too (no per-process counters in the output)', async () => {
    const { model } = loadSample();
    for (const id of ['xlsx', 'docx'] as const) {
      const ex = await loadExporter(id);
      const one = await ex.write(model, { lang: 'zh' });
      const two = await ex.write(model, { lang: 'zh' });
      expect(Buffer.from(one).equals(Buffer.from(two)), id).toBe(true);
    }
  });

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

    const forced = runCli(['export', '--force', '--lang', 'en'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('exporting anyway');
    expect(existsSync(path.join(dir, 'tiny.xlsx')) && existsSync(path.join(dir, 'tiny.docx'))).toBe(true);
  });

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
    expect(runCli(['export', SAMPLE, '--docx', '-o', dir]).code).toBe(0);
    writeFileSync(path.join(dir, '~$zhanjiang.docx'), '');
    const r = runCli(['export', SAMPLE, '--docx', '-o', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('looks open in Excel/WPS/LibreOffice');
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

  it('loads exceljs and docx only for export, never for validate', () => {
    const dir = out();
    const log = path.join(dir, 'loaded.log');
    writeFileSync(path.join(dir, 'hook.mjs'), `import { register } from 'node:module';\nregister('./resolve.mjs', import.meta.url);\n`);
    writeFileSync(path.join(dir, 'resolve.mjs'), `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/\\/node_modules\\/(exceljs|docx)\\//.test(r.url)) appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}
`);
    const env = { NODE_OPTIONS: `--import ${pathToUrl(path.join(dir, 'hook.mjs'))}` };
    writeFileSync(log, '');
    expect(runCli(['validate', SAMPLE], { env }).code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(runCli(['export', SAMPLE, '-o', dir], { env }).code).toBe(0);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toMatch(/node_modules\/exceljs\//);
    expect(loaded).toMatch(/node_modules\/docx\//);
  });
});

function pathToUrl(p: string): string {
  return new URL(`file://${p}`).href;
}

