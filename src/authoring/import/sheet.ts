import { readFileSync } from 'node:fs';
import { withReadableSheetNames } from '../../util/xlsx-sheet-names.js';
import { CONTROL } from './values.js';
/** A worksheet reduced to what the importer needs: each cell's value, address and merge master. */

export interface GridCell {
  /** "D7" */
  address: string;
  row: number;
  col: number;
  /** text of a text, number, rich-text, hyperlink or formula-result cell ('' when empty) */
  text: string;
  /** the raw value of a date or number cell (dates and Excel serial days) */
  date?: Date;
  num?: number;
  /** address of the top-left cell when this cell is part of a merged range but not its master */
  mergedInto?: string;
  /** control characters removed from the cell's text (they cannot be written into YAML) */
  controls?: number;
  /** number of columns of the merged range this cell masters (1 when not merged) */
  span: number;
}

export interface Grid {
  sheet: string;
  /** rows[r][c], 1-based like Excel; missing cells are undefined */
  rows: (GridCell | undefined)[][];
  rowCount: number;
  colCount: number;
  /** Excel outline (grouping) level of each row; the export marks sub-system depth with it */
  outline: number[];
}

export interface WorkbookInfo {
  sheets: string[];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if ('result' in o) return cellText(o.result);
    if (o.error) return '';
  }
  return String(v);
}

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, col: number): string {
  return `${colName(col)}${row}`;
}

/** Read an .xlsx file; exceljs is loaded only here (validate never pays for it). */
export async function readWorkbook(file: string | Buffer): Promise<{ names: string[]; title?: string; grid: (name: string) => Grid }> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const readable = withReadableSheetNames(typeof file === 'string' ? readFileSync(file) : file);
  await wb.xlsx.load(readable.buf as unknown as ArrayBuffer);
  // each sheet by the name it was written with (placeholders stand for names exceljs refuses)
  const byName = new Map(wb.worksheets.map((w) => [readable.names.get(w.name) ?? w.name, w]));
  const names = [...byName.keys()];
  const grid = (name: string): Grid => {
    const ws = byName.get(name)!;
    const rows: (GridCell | undefined)[][] = [];
    const outline: number[] = [];
    // merge spans of masters: "A1:F1" → A1 spans 6 columns
    const spans = new Map<string, number>();
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const m of merges) {
      const [a, b] = m.split(':');
      if (!a || !b) continue;
      const ca = ws.getCell(a).fullAddress.col;
      const cb = ws.getCell(b).fullAddress.col;
      spans.set(ws.getCell(a).address, cb - ca + 1);
    }
    let colCount = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: (GridCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        const master = cell.isMerged && cell.master.address !== cell.address ? cell.master.address : undefined;
        const raw0 = cellText(v);
        const clean = raw0.replace(CONTROL, '');
        const g: GridCell = {
          address: address(r, c), row: r, col: c,
          text: clean.trim(),
          span: spans.get(cell.address) ?? 1,
          mergedInto: master,
        };
        const raw = v !== null && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v;
        if (raw instanceof Date) g.date = raw;
        if (typeof raw === 'number') g.num = raw;
        if (clean.length !== raw0.length) g.controls = raw0.length - clean.length;
        cells[c] = g;
        if (c > colCount) colCount = c;
      });
      rows[r] = cells;
      outline[r] = row.outlineLevel ?? 0;
    });
    return { sheet: name, rows, rowCount: rows.length - 1, colCount, outline };
  };
  return { names, title: wb.title || undefined, grid };
}
