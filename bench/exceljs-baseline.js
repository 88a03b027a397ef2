#!/usr/bin/env node
/**
 * Export baseline: write the same cells as `hrss-std export --xlsx` with bare exceljs (no styling,
 * no widths, no merged cells) — what the simplest possible writer pays for the same workbook.
 *   node bench/exceljs-baseline.js --extract <hrss-std.xlsx> <cells.json>   (once, untimed: read the cells)
 *   node bench/exceljs-baseline.js <cells.json> <out.xlsx>                  (timed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const [a, b, c] = process.argv.slice(2);
if (a === '--extract') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(b);
  const sheets = [];
  let cells = 0;
  wb.eachSheet((ws) => {
    const rows = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const vals = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        // keep plain values; rich text and formulas become their text
        vals[col - 1] = v === null || v === undefined ? null : typeof v === 'object' && !(v instanceof Date) ? (cell.text ?? String(v)) : v;
        if (vals[col - 1] !== null) cells++;
      });
      rows.push(vals);
    });
    sheets.push({ name: ws.name, rows });
  });
  writeFileSync(c, JSON.stringify(sheets));
  process.stdout.write(JSON.stringify({ sheets: sheets.length, rows: sheets.reduce((s, x) => s + x.rows.length, 0), cells }));
} else {
  const sheets = JSON.parse(readFileSync(a, 'utf8'));
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(b);
}
