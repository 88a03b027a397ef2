/**
 * What a standards office checks before it submits the 标准体系表 (issue 13, layout): the 目次
 * has page numbers, nothing is stranded at a page bottom, numbers never break, Chinese text is
 * marked zh-CN, lines are fixed, tables are numbered alike in both files. The files are made
 * in-process from the bundled sample and read back as XML.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPTIONS, captionNumber } from '../../src/export/captions.js';
import { docxExporter } from '../../src/export/docx/index.js';
import { balancedLines, textEms } from '../../src/export/line-break.js';
import { TOC_PAGE_NUMBERS_MAX_ROWS, tocHasPageNumbers } from '../../src/export/limits.js';
import { xlsxExporter } from '../../src/export/xlsx/index.js';
import path from 'node:path';
import { tempTree } from '../helpers.js';
import { loadSample, wordText } from './helpers.js';

const { model } = loadSample();
let doc: string;
let styles: string;
let settings: string;
let wb: ExcelJS.Workbook;

let docxBytes: Uint8Array;
let xlsxBytes: Uint8Array;

beforeAll(async () => {
  docxBytes = await docxExporter.write(model, { lang: 'zh' });
  const files = unzipSync(docxBytes);
  doc = strFromU8(files['word/document.xml']!);
  styles = strFromU8(files['word/styles.xml']!);
  settings = strFromU8(files['word/settings.xml']!);
  wb = new ExcelJS.Workbook();
  xlsxBytes = await xlsxExporter.write(model, { lang: 'zh' });
  await wb.xlsx.load(Buffer.from(xlsxBytes) as unknown as ArrayBuffer);
}, 60_000);

describe('both files', () => {
  it('are deterministic within one process too (no per-process counters in the output): a second write is the same bytes', async () => {
    expect(Buffer.from(await docxExporter.write(model, { lang: 'zh' })).equals(Buffer.from(docxBytes)), 'docx').toBe(true);
    expect(Buffer.from(await xlsxExporter.write(model, { lang: 'zh' })).equals(Buffer.from(xlsxBytes)), 'xlsx').toBe(true);
  });
});

const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const cellsOf = (tr: string) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);

describe('the Word file as submitted', () => {
  it('目次: every heading of levels 1–2 with a page number, in order, and Word is not asked to update it', () => {
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(doc)![0];
    const entries = paragraphs(toc).map(wordText).filter((t) => t !== '');
    const headings = ['1  标准体系结构图', '2  标准明细表', '3  标准统计表', '4  服务事项覆盖情况', '5  编制说明', '5.1  编制目的与适用范围', '5.6  其他说明'];
    for (const h of headings) expect(entries.some((e) => e.startsWith(h)), h).toBe(true);
    const pages = entries.map((e) => Number(/(\d+)$/.exec(e)?.[1]));
    expect(pages.every((p) => Number.isInteger(p) && p >= 1)).toBe(true);
    // pages never go down, and the 明细表 (83 rows) takes several
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages[2]! - pages[1]!).toBeGreaterThan(3);
    expect(settings).not.toMatch(/<w:updateFields(?! w:val="false")/);
  });

  it('above the row limit the numbers are left to Word, which is asked to update the field', () => {
    expect(tocHasPageNumbers(model)).toBe(true);
    expect(tocHasPageNumbers({ rows: new Array(TOC_PAGE_NUMBERS_MAX_ROWS + 1) })).toBe(false);
  });

  it('keeps sub-system lines, captions and the rows of short tables with what follows', () => {
    const detail = tables(doc)[0]!;
    const all = rowsOf(detail);
    const groupRows = all.slice(0, -1).filter((tr) => tr.includes('<w:gridSpan'));
    expect(groupRows.length).toBeGreaterThan(20);
    for (const tr of groupRows) expect(tr, wordText(tr)).toContain('<w:keepNext/>');
    // the 注 is the table's last row, and the row before it keeps with it
    expect(wordText(all.at(-1)!)).toMatch(/^注：/);
    expect(all.at(-2)).toContain('<w:keepNext/>');
    // a table caption's style keeps with next; the figure's (below the figure) does not
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
    expect(style('HrssCaption')).toContain('<w:keepNext/>');
    expect(style('HrssFigureCaption')).not.toContain('<w:keepNext/>');
    // 表 2 (6 body rows): every row but the last keeps with the next, so it never splits
    const byLevel = tables(doc)[1]!;
    const body = rowsOf(byLevel).slice(1);
    expect(body.slice(0, -1).every((tr) => tr.includes('<w:keepNext/>'))).toBe(true);
    expect(body.at(-1)).not.toContain('<w:keepNext/>');
  });

  it('never breaks a standard number: hyphens inside numbers and dates are non-breaking, the blank after the code a no-break space', () => {
    const detail = tables(doc)[0]!;
    const texts = [...detail.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(texts.filter((t) => /[0-9A-Za-z.]-[0-9A-Za-z]/.test(t))).toEqual([]);
    expect(texts.filter((t) => /\b(GB|GB\/T|LD\/T|DB\d+\/T) \d/.test(t))).toEqual([]);
    expect(detail).toMatch(/GB\/T\u00a033528<\/w:t><w:noBreakHyphen\/>/);
  });

  it('column headers break between words, never leaving one character alone on a line', () => {
    for (const tbl of tables(doc)) {
      for (const c of cellsOf(rowsOf(tbl)[0]!)) {
        const lines = paragraphs(c).map(wordText);
        if (lines.length > 1) for (const l of lines) expect([...l].length, lines.join('/')).toBeGreaterThan(1);
      }
    }
    const head = cellsOf(rowsOf(tables(doc)[0]!)[0]!).map((c) => paragraphs(c).map(wordText).join('/'));
    expect(head).toContain('标准体系/表编号');
    expect(head).toContain('子体系/名称');
  });

  it('marks Chinese as zh-CN, uses 黑体 without bold for headings, and fixed line heights', () => {
    expect(/<w:docDefaults>[\s\S]*<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>[\s\S]*<\/w:docDefaults>/.test(styles)).toBe(true);
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(heading1).toContain('w:eastAsia="黑体"');
    expect(heading1).toMatch(/<w:b w:val="false"\/>|<w:b w:val="0"\/>/);
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(normal).toMatch(/<w:spacing [^>]*w:line="460" w:lineRule="exact"/);
  });

  it('the cover title breaks between words at an even point', () => {
    const cover = doc.slice(0, doc.indexOf('目　　次'));
    const title = paragraphs(cover).find((p) => wordText(p).startsWith('湛江市'))!;
    const lines = title.split('<w:br/>').map(wordText);
    expect(lines.join('')).toBe(model.system.title);
    expect(lines).toEqual(balancedLines(model.system.title, 17));
  });
});

describe('characters XML does not allow', () => {
  it('U+FFFE, U+FFFF and C0 controls in the data (YAML escapes) become U+FFFD, and every part of both files stays well-formed', async () => {
    const dir = tempTree({ 'systems/x/system.yaml': 'id: x\ntitle: "测试\\uFFFE体系"\nframework: none\nsubsystems:\n  - code: "100"\n    title: "基础\\uFFFF"\n    standards:\n      - code: "100-01"\n        title: "待制定\\x01规范"\n        level: local\n        status: planned\n' });
    const { model: m } = loadSample(path.join(dir, 'systems/x'));
    expect(m.system.title).toBe('测试\ufffe体系');
    for (const exporter of [docxExporter, xlsxExporter]) {
      const parts = unzipSync(await exporter.write(m, { lang: 'zh' }));
      const xml = Object.entries(parts).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([, b]) => strFromU8(b)).join('');
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(xml).toContain('测试\ufffd体系');
      expect(xml).toContain('基础\ufffd');
    }
  });
});

describe('fonts (export.fonts)', () => {
  it('the Word file takes the body, heading and Latin fonts given, in its styles and the structure chart', async () => {
    const files = unzipSync(await docxExporter.write(model, { lang: 'zh', fonts: { body: '仿宋', heading: '方正小标宋简体', latin: 'Arial' } }));
    const st = strFromU8(files['word/styles.xml']!);
    const xml = strFromU8(files['word/document.xml']!);
    expect(st).toContain('w:eastAsia="仿宋"');
    expect(st).toContain('w:eastAsia="方正小标宋简体"');
    expect(st).not.toContain('w:eastAsia="宋体"');
    expect(st).not.toContain('Times New Roman');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).not.toContain('w:eastAsia="黑体"');
  });
});

describe('numbering and wording shared by the workbook and the Word file', () => {
  it('the 统计表 sheet has 表 2–4 with the Word captions, the status 合计 is the sum of its rows, and 表 4 repeats its header rows when printed', () => {
    const ws = wb.getWorksheet('统计表')!;
    // column A by row number (index 0 is row 1)
    const col1: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) col1.push(ws.getCell(r, 1).text);
    for (const c of [CAPTIONS.byLevel, CAPTIONS.byStatus, CAPTIONS.matrix]) {
      expect(col1).toContain(c);
      expect(doc).toContain(`>${c}<`);
    }
    expect(col1.indexOf(CAPTIONS.byStatus)).toBeLessThan(col1.indexOf(CAPTIONS.matrix));
    const head = col1.indexOf(CAPTIONS.matrix) + 2;
    expect(ws.pageSetup.printTitlesRow).toBe(`${head}:${head + 1}`);
    const statusRows: [string, number][] = [];
    let r = col1.indexOf(CAPTIONS.byStatus) + 3;
    while (col1[r - 1] && col1[r - 1] !== '合计') statusRows.push([col1[r - 1]!, Number(ws.getCell(r, 2).value)]), r++;
    expect(Number(ws.getCell(r, 2).value)).toBe(statusRows.reduce((a, [, n]) => a + n, 0));
    expect(Number(ws.getCell(r, 2).value)).toBe(model.rows.length);
  });

  it('the 结构图 sheet carries 图 1, and the Word file refers to 表 8 by its number', () => {
    const ws = wb.getWorksheet('结构图')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toContain(CAPTIONS.structure(model.system.title));
    expect(doc).toContain(`见${captionNumber(CAPTIONS.plan)}。`);
    expect(doc).not.toMatch(/表 ?5-[12]/);
  });
});

describe('balancedLines', () => {
  it('breaks between words into as few, even lines as fit; keeps codes and numbers whole', () => {
    expect(balancedLines('子体系名称', 4)).toEqual(['子体系', '名称']);
    expect(balancedLines('标准体系表编号', 4)).toEqual(['标准体系', '表编号']);
    expect(balancedLines('204 创业服务标准', 7)).toEqual(['204 创业', '服务标准']);
    expect(balancedLines('应有数（项）', 4)).toEqual(['应有数', '（项）']);
    expect(balancedLines('GB/T 31596.3-2015 社会保险术语', 8)).toEqual(['GB/T', '31596.3-2015', '社会保险术语']);
    expect(balancedLines('已经够短', 4)).toEqual(['已经够短']);
    for (const [t, m] of [['湛江市人力资源和社会保障领域公共服务标准体系', 17], ['201 公共就业指导与培训服务标准', 7]] as const) {
      const lines = balancedLines(t, m);
      expect(lines.join('')).toBe(t.replace(/ /g, lines.some((l) => l.endsWith(' ')) ? ' ' : ' '));
      for (const l of lines) expect(textEms(l)).toBeLessThanOrEqual(m);
    }
  });
});
