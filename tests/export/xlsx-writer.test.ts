import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveColumns } from '../../src/export/columns.js';
import { buildExportModel, type ExportModel } from '../../src/export/model.js';
import { buildWorkbook, sheetRewrites, workbookParts, xlsxExporter } from '../../src/export/xlsx/index.js';
import { CellModel, columnLetter, renderRows, renderSharedStrings, SheetRows, type RowModel } from '../../src/export/xlsx/raw-rows.js';
import { linesFor, textUnits } from '../../src/export/xlsx/style.js';
import { normalizeParts } from '../../src/export/zip.js';
import { ROOT } from '../helpers.js';
import { loadSample } from './helpers.js';

const require = createRequire(import.meta.url);

/** The workbook the documented way: rows as exceljs cells, written by exceljs's writeBuffer. */
async function viaExcelJs(model: ExportModel): Promise<Uint8Array> {
  const wb = buildWorkbook(model);
  return normalizeParts(await workbookParts(wb, { viaZip: true, rewrite: sheetRewrites(wb) }), { date: model.date.iso, marker: model.system.id });
}

/** A generated system with every kind of row (planned, lapsed, nested sub-systems). */
function generated(): ExportModel {
  const { generateRepo } = require(path.join(ROOT, 'bench/generate.js')) as { generateRepo: (o: Record<string, unknown>) => unknown };
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-xlsx-writer-'));
  generateRepo({ systems: 1, standards: 700, includes: 2, seed: 3, faultRate: 0.05, out: dir });
  return loadSample(dir).model;
}

describe('the xlsx writer (raw rows, parts kept without a zip)', () => {
  it('writes the same bytes as exceljs writing the rows as cells through writeBuffer', async () => {
    const { model, system } = loadSample();
    const big = generated();
    expect(big.rows.some((r) => r.lapsed) && big.rows.some((r) => r.toBeMade)).toBe(true);
    // column labels that need escaping, and a system without a catalog (no coverage)
    const odd = buildExportModel({
      system, catalog: undefined, coverage: undefined, toolVersion: 'test',
      columns: resolveColumns({ title: '标准名称 <"A&B">', note: "备注 ' \u0007" }),
    });
    for (const m of [model, big, odd]) {
      const fast = await xlsxExporter.write(m, { lang: 'zh' });
      expect(Buffer.from(fast).equals(Buffer.from(await viaExcelJs(m)))).toBe(true);
    }
  });

  it('renders rows exactly as exceljs\'s RowXform does, also for values the export does not write', () => {
    const RowXform = require('exceljs/lib/xlsx/xform/sheet/row-xform.js') as new () => { render(s: unknown, m: RowModel): void };
    const XmlStream = require('exceljs/lib/utils/xml-stream.js') as new () => { xml: string };
    const style = {};
    const cell = (row: number, col: number, value: string | number | null, ids: { styleId?: number; ssId?: number } = {}) =>
      Object.assign(new CellModel(row, col, value, style), ids);
    const rows: RowModel[] = [
      { number: 1, min: 1, max: 3, height: 44.5, style, hidden: false, outlineLevel: 2, collapsed: true, cells: [
        cell(1, 1, 1234567, { styleId: 12 }), cell(1, 2, null), cell(1, 3, null, { styleId: 3 }),
      ] },
      { number: 27, min: 0, max: 0, height: 0, style, hidden: true, outlineLevel: 0, collapsed: false, styleId: 4, cells: [] },
      { number: 28, min: 2, max: 2, height: 15, style, hidden: false, outlineLevel: 0, collapsed: false, cells: [cell(28, 2, null)] },
      { number: 100000, min: 1, max: 30, height: 15, style, hidden: false, outlineLevel: 0, collapsed: false, cells: [
        cell(100000, 1, -2.5), cell(100000, 2, 1e21, { styleId: 1 }), cell(100000, 3, 'x', { ssId: 0 }),
        cell(100000, 4, '<&\'"\u0001\t>文字', { styleId: 7 }), cell(100000, 28, 0.1 + 0.2, { styleId: 2 }), cell(100000, 30, 2 ** 31),
      ] },
    ];
    const expected = rows.map((r) => {
      const s = new XmlStream();
      new RowXform().render(s, r);
      return s.xml;
    }).join('');
    expect(Buffer.from(renderRows(rows)).toString('utf8')).toBe(expected);
  });

  it('renders the shared strings exactly as exceljs\'s SharedStringsXform does', () => {
    const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform.js') as new () => { add(v: unknown): number; xml: string; values: unknown[]; count: number };
    const table = new SharedStringsXform();
    for (const v of ['标准', ' lead', 'trail ', 'two\nlines', '\tx', '<a & "b">', "it's", '\u0001\u001f\u007f ok', '', '标准', 'x\r']) table.add(v);
    expect(renderSharedStrings(table.values, table.count)).toBe(table.xml);
    expect(renderSharedStrings([{ richText: [{ text: 'a' }] }], 1)).toBeUndefined();
  });

  it('numbers the cells as exceljs does', () => {
    expect([1, 12, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'L', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const sheet = new SheetRows(5);
    sheet.add([1, null, 'a', ''], [{}, {}, {}, {}], 18, 1);
    expect(sheet.rows[0]!.cells.map((c) => [c.address, c.type, c.value])).toEqual([['A5', 2, 1], ['B5', 0, undefined], ['C5', 3, 'a'], ['D5', 0, undefined]]);
    expect(String(sheet.dimensions())).toBe('A5:D5');
  });

  it('measures text width and wrapped lines as before (two units per CJK character, one per other code point)', () => {
    const reference = (s: string) => {
      let n = 0;
      for (const ch of s) n += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 2 : 1;
      return n;
    };
    const referenceLines = (s: string, width: number) => {
      if (!s) return 1;
      const fits = Math.max((width * 7 + 1) / 6.7, 1);
      let lines = 0;
      for (const part of s.split('\n')) lines += Math.max(1, Math.ceil(reference(part) / fits));
      return lines;
    };
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('a', '标', '（', '\n', '\uD800', '\uDC00', '😀', '\u3000', '\uFFEF', '\uF900', '\u2E7F') }),
    );
    fc.assert(fc.property(text, (s) => textUnits(s) === reference(s)));
    fc.assert(fc.property(text, fc.constantFrom(0, 2.2, 5, 9.5, 17, 34, 90), (s, w) => linesFor(s, w) === referenceLines(s, w)));
  });
});
