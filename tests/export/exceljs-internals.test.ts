import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalsOf, INTERNALS_WRITTEN_FOR, Workbook, WRITE_STEPS } from '../../src/export/xlsx/exceljs-internals.js';
import { ROOT } from '../helpers.js';

// src/export/xlsx/exceljs-internals.ts holds every use of exceljs beyond its documented API. These
// tests fail loudly when an exceljs upgrade could change what it relies on, instead of the export
// quietly taking its slower documented way (xlsx-writer.test.ts checks both give the same bytes).

describe('exceljs internals, isolated in one file', () => {
  it(`exceljs is the ${INTERNALS_WRITTEN_FOR}.x the internals were read from`, () => {
    const version: string = createRequire(import.meta.url)('exceljs/package.json').version;
    expect(version.split('.').slice(0, 2).join('.'), `exceljs ${version} is installed: re-read src/export/xlsx/exceljs-internals.ts against it, then update INTERNALS_WRITTEN_FOR`).toBe(INTERNALS_WRITTEN_FOR);
  });

  it('has every step of XLSX#write and Workbook#model, so the export takes the direct way', () => {
    const wb = new Workbook();
    wb.addWorksheet('a').getCell('A1').value = 'x';
    const internals = internalsOf(wb);
    expect(internals, `missing in exceljs: ${WRITE_STEPS.filter((s) => typeof (wb.xlsx as unknown as Record<string, unknown>)[s] !== 'function').join(', ') || 'prepareModel or Workbook#model'}`).toBeDefined();
    expect(internals!.model.worksheets.map((w) => w.id)).toEqual([1]);
    internals!.prepare();
    expect(internals!.model.sharedStrings?.count).toBe(1);
  });

  it('no other source file imports exceljs/lib/…', () => {
    const files = (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'));
    const deep = files.filter((f) => /from 'exceljs\/lib\//.test(readFileSync(path.join(ROOT, 'src', f), 'utf8')));
    expect(deep).toEqual([path.join('export', 'xlsx', 'exceljs-internals.ts')]);
  });
});
