import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveColumns } from '../../src/export/columns.js';
import { buildExportModel, type ExportModel } from '../../src/export/model.js';
import { buildWorkbook, sheetRewrites, workbookParts, xlsxExporter } from '../../src/export/xlsx/index.js';
import { columnLetter, renderRows, rowModels, type RowModel } from '../../src/export/xlsx/raw-rows.js';
import { textUnits } from '../../src/export/xlsx/style.js';
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
    const rows: RowModel[] = [
      { number: 1, min: 1, max: 3, height: 44.5, style, hidden: false, outlineLevel: 2, collapsed: true, cells: [
        { address: 'A1', type: 2, value: 1234567, style, styleId: 12 },
        { address: 'B1', type: 0, style },
        { address: 'C1', type: 0, style, styleId: 3 },
      ] },
      { number: 27, min: 0, max: 0, height: 0, style, hidden: true, outlineLevel: 0, collapsed: false, styleId: 4, cells: [] },
      { number: 100000, min: 1, max: 4, height: 15, style, hidden: false, outlineLevel: 0, collapsed: false, cells: [
        { address: 'A100000', type: 2, value: -2.5, style },
        { address: 'B100000', type: 2, value: 1e21, style, styleId: 1 },
        { address: 'C100000', type: 3, value: 'x', style, ssId: 0 },
        { address: 'D100000', type: 3, value: '<&\'"\u0001\t>文字', style, styleId: 7 },
      ] },
    ];
    const expected = rows.map((r) => {
      const s = new XmlStream();
      new RowXform().render(s, r);
      return s.xml;
    }).join('');
    expect(Buffer.from(renderRows(rows)).toString('utf8')).toBe(expected);
  });

  it('numbers the cells as exceljs does', () => {
    expect([1, 12, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'L', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const { rows } = rowModels({ first: 5, rows: [{ height: 18, outlineLevel: 1, cells: [{ value: 1, style: {} }, { value: null, style: {} }, { value: 'a', style: {} }] }] });
    expect(rows[0]!.cells.map((c) => [c.address, c.type])).toEqual([['A5', 2], ['B5', 0], ['C5', 3]]);
  });

  it('measures text width as before (two units per CJK character, one per other code point)', () => {
    const reference = (s: string) => {
      let n = 0;
      for (const ch of s) n += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 2 : 1;
      return n;
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => textUnits(s) === reference(s)));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '标', '（', '\uD800', '\uDC00', '😀', '\u3000', '\uFFEF', '\uF900') }), (s) => textUnits(s) === reference(s)));
  });
});
