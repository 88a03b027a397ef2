import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageLines, servingText } from '../../src/export/coverage-view.js';
import {
  boundedList, boundedText, CELL_TEXT_MAX, EXCEL_MAX_CELL_CHARS, EXCEL_MAX_HEADER_CHARS, EXCEL_MAX_ROW_HEIGHT, LIST_MAX_ITEMS, LIST_MAX_LINES,
} from '../../src/export/limits.js';
import { headerText } from '../../src/export/xlsx/print.js';
import { linesFor, splitToFit } from '../../src/export/xlsx/style.js';
import { runCli, tempTree } from '../helpers.js';
import { loadSample, wordText } from './helpers.js';

/**
 * Excel's hard limits: at most 32,767 characters in a cell and rows at most 409 pt tall, else
 * Excel "repairs" the file. A system with one service item served by thousands of rows (as the
 * 10k/100k benchmarks have) used to break both in the 覆盖情况 sheet.
 */

const ROWS_A = 2000; // current standards serving P-01
const ROWS_B = 600; // planned standards serving P-02 (a gap: listed in the Word gap table too)
const TOP = 30; // top-level sub-systems, all holding rows of both items
const LONG_NOTE = '注'.repeat(20000) + 'x'.repeat(20000);
const DESCRIPTION = Array.from({ length: 120 }, (_, i) => `第${i + 1}段：本体系的说明文字较长，用来检查说明工作表把超过一行最大高度的文字分写在几行中。`).join('\n');
const LONG_SYSTEM_TITLE = `${'超'.repeat(200)}长标题体系`;
const LONG_SUBSYSTEM_TITLE = '很长的子体系名称'.repeat(60);

const q = (s: string) => JSON.stringify(s);

function bigSystem(): string {
  let y = `id: big\ntitle: ${q(LONG_SYSTEM_TITLE)}\nframework: none\ncatalog: ./test.catalog.yaml\ndescription: ${q(DESCRIPTION)}\nsubsystems:\n`;
  let a = 0;
  for (let t = 1; t <= TOP; t++) {
    const code = String(t * 100);
    // the last sub-system has a very long name: the structure picture, 统计表 and 覆盖情况 rows stay within 409 pt
    y += `  - code: "${code}"\n    title: ${q(t === TOP ? LONG_SUBSYSTEM_TITLE : `第${t}子体系`)}\n    standards:\n`;
    for (let i = 0; i < ROWS_A / TOP && a < ROWS_A; i++, a++) {
      y += `      - code: "${code}-${String(i + 1).padStart(3, '0')}"\n        number: DB4408/T ${1000 + a}-2020\n        title: 服务规范第${a + 1}号\n`
        + `        level: local\n        status: current\n        services: [P-01]\n`;
      if (a === 0) y += `        note: ${q(LONG_NOTE)}\n`;
    }
    for (let i = 0; i < ROWS_B / TOP; i++) {
      y += `      - code: "${code}-P${String(i + 1).padStart(2, '0')}"\n        title: 待制定规范${t}-${i + 1}\n        level: local\n        status: planned\n        services: [P-02]\n`;
    }
  }
  return y;
}

const CATALOG = `id: lim-test
title: 测试目录
edition: "test"
projects:
  - id: P
    name: 测试项目
    area: 劳有所得
    items:
      - { id: P-01, name: 事项一, source: test, confidence: partial }
      - { id: P-02, name: 事项二, source: test, confidence: partial }
      - { id: P-03, name: 事项三, source: test, confidence: partial }
`;

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v));

let wb: ExcelJS.Workbook;
let sheetXml: Record<string, string>;
let docXml: string;

beforeAll(async () => {
  const dir = tempTree({ 'systems/big/system.yaml': bigSystem(), 'systems/big/test.catalog.yaml': CATALOG });
  const r = runCli(['export', 'systems/big', '--xlsx', '--docx'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const file = path.join(dir, 'big.xlsx');
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  sheetXml = Object.fromEntries(Object.entries(zip).filter(([n]) => n.startsWith('xl/worksheets/sheet')).map(([n, d]) => [n, strFromU8(d)]));
  docXml = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(dir, 'big.docx'))))['word/document.xml']!);
}, 120_000);

/** The row holding `itemId` in the 事项编号 column of 覆盖情况, as texts by column. */
function coverageRow(itemId: string): { texts: string[]; height: number | undefined } {
  const ws = wb.getWorksheet('覆盖情况')!;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (text(row.getCell(3).value) === itemId && text(row.getCell(5).value) !== '') {
      return { texts: Array.from({ length: 8 }, (_, i) => text(row.getCell(i + 1).value)), height: row.height };
    }
  }
  throw new Error(`no row for ${itemId}`);
}

describe('the workbook of a system with thousands of rows serving one item', () => {
  it('has no cell over 32,767 characters (none over the exporter\'s own 30,000) on any sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结构图', '明细表', '统计表', '覆盖情况', '说明', '_hrss_std']);
    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => {
        cells++;
        const len = text(c.value).length;
        expect(len, `${ws.name}!${c.address}`).toBeLessThanOrEqual(CELL_TEXT_MAX);
      }));
    }
    expect(cells).toBeGreaterThan(ROWS_A + ROWS_B);
    expect(CELL_TEXT_MAX).toBeLessThan(EXCEL_MAX_CELL_CHARS);
  });

  it('has no row taller than 409 pt on any sheet (read from the XML and by exceljs)', () => {
    const heights = Object.values(sheetXml).flatMap((xml) => [...xml.matchAll(/<row [^>]*?\bht="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(heights.length).toBeGreaterThan(ROWS_A + ROWS_B);
    expect(Math.max(...heights)).toBeLessThanOrEqual(EXCEL_MAX_ROW_HEIGHT);
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: true }, (row, n) => expect(row.height ?? 0, `${ws.name} row ${n}`).toBeLessThanOrEqual(EXCEL_MAX_ROW_HEIGHT));
    }
  });

  it('覆盖情况: the 支撑标准 cell lists the first standards and says how many were left out and where all are', () => {
    const { texts, height } = coverageRow('P-01');
    const cell = texts[5]!;
    const [list, more] = cell.split('\n');
    const shown = list!.split('；');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(LIST_MAX_ITEMS);
    // the first standards in tree order, whole
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => `DB4408/T ${1000 + i}-2020 服务规范第${i + 1}号`));
    expect(more).toBe(`……等共 ${ROWS_A} 项，另有 ${ROWS_A - shown.length} 项未列出；完整列表见明细表中“对应服务事项”含 P-01 的行`);
    // short enough to read, and the row is as tall as the text
    expect(linesFor(cell, 44)).toBeLessThanOrEqual(LIST_MAX_LINES);
    expect(height).toBeLessThanOrEqual(EXCEL_MAX_ROW_HEIGHT);

    const planned = coverageRow('P-02');
    expect(planned.texts[4]).toBe('仅有规划');
    expect(planned.texts[5]).toMatch(new RegExp(`\\n……等共 ${ROWS_B} 项，另有 \\d+ 项未列出；完整列表见明细表中“对应服务事项”含 P-02 的行$`));
  });

  it('覆盖情况: the 所在子体系 cell is shortened the same way', () => {
    const cell = coverageRow('P-01').texts[6]!;
    const [list, more] = cell.split('\n');
    const shown = list!.split('；');
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => `${(i + 1) * 100} 第${i + 1}子体系`));
    expect(more).toBe(`……等共 ${TOP} 个子体系，另有 ${TOP - shown.length} 个未列出；见明细表中“对应服务事项”含 P-01 的行`);
  });

  it('明细表 holds the full list the note points to, and an overlong note is cut saying how much was left out', () => {
    const ws = wb.getWorksheet('明细表')!;
    const header = Array.from({ length: 12 }, (_, i) => text(ws.getRow(1).getCell(i + 1).value));
    const services = header.indexOf('对应服务事项') + 1;
    const note = header.indexOf('备注') + 1;
    let p01 = 0;
    let noteCell = '';
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (text(row.getCell(services).value).includes('P-01')) p01++;
      const n = text(row.getCell(note).value);
      if (n.length > noteCell.length) noteCell = n;
    }
    expect(p01).toBe(ROWS_A);
    expect(noteCell.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    const m = /\n……（此处原有 (\d+) 字，超出表格单元格的字数上限，其后 (\d+) 字未写入；完整内容见体系的 YAML 文件）$/.exec(noteCell);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(LONG_NOTE.length);
    const kept = noteCell.slice(0, m!.index);
    expect(LONG_NOTE.startsWith(kept)).toBe(true);
    expect(kept.length + Number(m![2])).toBe(LONG_NOTE.length);
  });

  it('说明: a description too long for one row goes on over several rows, nothing left out', () => {
    const ws = wb.getWorksheet('说明')!;
    const pieces: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (text(row.getCell(1).value) === '体系说明') pieces.push(text(row.getCell(2).value));
    }
    expect(pieces.length).toBeGreaterThan(1);
    // the key cell is merged down the rows (a merged cell reads as its master)
    expect(pieces.join('\n')).toBe(DESCRIPTION);
    for (const p of pieces) expect(linesFor(p, 90)).toBeLessThanOrEqual(LIST_MAX_LINES);
  });

  it('page headers stay within Excel\'s 255 characters', () => {
    // the hidden _hrss_std sheet is data for import, never printed: no page header
    for (const ws of wb.worksheets.filter((w) => w.state !== 'veryHidden' && w.state !== 'hidden')) {
      const h = ws.headerFooter.oddHeader ?? '';
      expect(h.length, ws.name).toBeLessThanOrEqual(EXCEL_MAX_HEADER_CHARS);
      expect(h).toContain('超超超');
    }
  });
});

describe('the Word document of the same system', () => {
  const cellTexts = (xml: string) => [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => [...m[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => wordText(p[0])).join('\n'));

  it('缺口表: the standards planned for an item are shortened as in the workbook', () => {
    const cells = cellTexts(docXml);
    const gap = cells.find((c) => c.includes('含 P-02 的行'));
    expect(gap).toBeDefined();
    const [list, more] = gap!.split('\n');
    const shown = list!.split('；');
    expect(shown.length).toBeLessThanOrEqual(LIST_MAX_ITEMS);
    expect(shown[0]).toBe('100-P01（待制定） 待制定规范1-1');
    expect(more).toBe(`……等共 ${ROWS_B} 项，另有 ${ROWS_B - shown.length} 项未列出；完整列表见明细表中“对应服务事项”含 P-02 的行`);
    // no cell of a composed list runs to thousands of characters (the 明细表 keeps the data as written)
    expect(gap!.length).toBeLessThan(1000);
  });
});

describe('cell bounds (limits.ts)', () => {
  it('boundedText keeps text up to the limit and cuts longer text with a note, never inside a surrogate pair', () => {
    expect(boundedText('短文本')).toBe('短文本');
    const exact = 'a'.repeat(CELL_TEXT_MAX);
    expect(boundedText(exact)).toBe(exact);
    const emoji = '😀'.repeat(20000);
    const cut = boundedText(emoji);
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    const head = cut.slice(0, cut.indexOf('\n'));
    expect(head.length % 2).toBe(0);
    expect(emoji.startsWith(head)).toBe(true);
    expect(cut).toContain(`此处原有 ${emoji.length} 字`);
    expect(cut).toContain(`其后 ${emoji.length - head.length} 字未写入`);
  });

  it('boundedList leaves short lists alone and shortens long ones deterministically', () => {
    const more = (o: number, t: number) => `……等共 ${t} 项，另有 ${o} 项未列出`;
    expect(boundedList(['a', 'b'], '；', more)).toEqual({ text: 'a；b', shown: 2 });
    expect(boundedList([], '；', more)).toEqual({ text: '', shown: 0 });
    const items = Array.from({ length: 5000 }, (_, i) => `标准${i}`);
    const a = boundedList(items, '；', more);
    expect(a).toEqual(boundedList(items, '；', more));
    expect(a.shown).toBe(LIST_MAX_ITEMS);
    expect(a.text).toBe(`${items.slice(0, LIST_MAX_ITEMS).join('；')}\n……等共 5000 项，另有 ${5000 - LIST_MAX_ITEMS} 项未列出`);
    // a tighter fit shows fewer entries, at least one
    const fits = (t: string) => linesFor(t, 20) <= 3;
    const b = boundedList(items, '；', more, { fits });
    expect(b.shown).toBeGreaterThanOrEqual(1);
    expect(fits(b.text)).toBe(true);
    // …and as many as fit: one more would not
    expect(fits(`${items.slice(0, b.shown + 1).join('；')}\n${more(5000 - b.shown - 1, 5000)}`)).toBe(false);
    // one entry too long for the fit on its own is cut with "…", so the note stays in view
    const c = boundedList(['长'.repeat(500), 'b', 'c'], '；', more, { fits });
    expect(c.shown).toBe(1);
    expect(fits(c.text)).toBe(true);
    expect(c.text).toMatch(/^长+…\n……等共 3 项，另有 2 项未列出$/);
  });

  it('splitToFit cuts a long text into rows that fit and join back to the text', () => {
    const t = Array.from({ length: 200 }, (_, i) => `第${i}句，说明文字。`).join('') + '无标点'.repeat(400);
    const pieces = splitToFit(t, 90);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(t);
    for (const p of pieces) expect(linesFor(p, 90)).toBeLessThanOrEqual(LIST_MAX_LINES);
    expect(splitToFit('短', 90)).toEqual(['短']);
  });

  it('headerText cuts a title that would make the header longer than 255 characters', () => {
    expect(headerText('湛江市 & 人社')).toBe('&C&"黑体,常规"&11湛江市 && 人社');
    const h = headerText('&'.repeat(300));
    expect(h.length).toBeLessThanOrEqual(EXCEL_MAX_HEADER_CHARS);
    expect(h).toMatch(/^&C&"黑体,常规"&11(&&)+…$/);
  });

  it('the note names every id through which the rows reach the item (its project too)', () => {
    let y = 'id: via\ntitle: 经项目关联\nframework: none\ncatalog: ./test.catalog.yaml\nsubsystems:\n  - code: "100"\n    title: 子体系\n    standards:\n';
    y += '      - code: "100-000"\n        title: 直接关联的规范\n        level: local\n        status: planned\n        services: [P-01]\n';
    for (let i = 1; i <= 30; i++) y += `      - code: "100-${String(i).padStart(3, '0')}"\n        title: 项目规范${i}\n        level: local\n        status: planned\n        services: [P]\n`;
    const dir = tempTree({ 'systems/via/system.yaml': y, 'systems/via/test.catalog.yaml': CATALOG });
    const { coverage } = loadSample(path.join(dir, 'systems', 'via'));
    const byItem = new Map(coverageLines(coverage!).map((l) => [l.itemId, l]));
    expect(byItem.get('P-01')!.standards).toMatch(/\n……等共 31 项，另有 \d+ 项未列出；完整列表见明细表中“对应服务事项”含 P-01 或 P 的行$/);
    expect(byItem.get('P-02')!.standards).toMatch(/\n……等共 30 项，另有 \d+ 项未列出；完整列表见明细表中“对应服务事项”含 P 的行$/);
    // a renamed column is named as renamed
    expect(coverageLines(coverage!, { servicesLabel: '服务事项' })[0]!.standards).toContain('见明细表中“服务事项”含');
  });

  it('the bundled sample is far from every bound: no coverage list is shortened', () => {
    const { coverage } = loadSample();
    const lines = coverageLines(coverage!, { standards: { fits: (t) => linesFor(t, 44) <= LIST_MAX_LINES }, subsystems: { fits: (t) => linesFor(t, 26) <= LIST_MAX_LINES } });
    coverage!.items.forEach((ic, i) => {
      expect(lines[i]!.standards).toBe(servingText(ic));
      expect(lines[i]!.standards).not.toContain('……等共');
    });
  });
});
