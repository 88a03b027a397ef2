import type { Style, Worksheet } from 'exceljs';
import Range from 'exceljs/lib/doc/range.js';
import { put } from './style.js';

/**
 * Rows of a long sheet kept as plain data instead of exceljs cells. exceljs builds several
 * objects per cell (cell, value, address check, style copy, then a model of each for writing)
 * and renders every cell through its XML stream; for the 明细表 of a large system that is
 * most of the export. The rows here are already in the shape of exceljs's row and cell models:
 * the workbook writer (index.ts) hands them to exceljs to number the shared strings and styles
 * — so the ids are exactly those exceljs gives — and renders the rows' XML itself.
 * `materializeRows` writes the same rows as ordinary exceljs cells: the way through exceljs's
 * documented API, which the tests compare byte for byte.
 */

// exceljs's cell value types (lib/doc/enums.js ValueType)
const NULL = 0;
const NUMBER = 2;
const STRING = 3;

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const letters: string[] = [];

/** exceljs's model of a cell for writing (Cell#model); prepare() sets styleId and ssId. */
export class CellModel {
  readonly type: number;
  readonly value: string | number | undefined;
  styleId: number | undefined = undefined;
  ssId: number | undefined = undefined;

  constructor(
    readonly row: number,
    readonly col: number,
    value: string | number | null,
    /** a shared, frozen style from sharedStyle (style.ts) */
    readonly style: Partial<Style>,
  ) {
    this.type = value === null ? NULL : typeof value === 'number' ? NUMBER : STRING;
    this.value = value ?? undefined;
  }

  /** "B7": made when asked (exceljs reads it only for merges, links, comments and formulas) */
  get address(): string {
    return (letters[this.col] ??= columnLetter(this.col)) + this.row;
  }
}

/** exceljs's model of a row for writing (Row#model). */
export interface RowModel {
  cells: CellModel[];
  number: number;
  min: number;
  max: number;
  height: number;
  style: Partial<Style>;
  hidden: boolean;
  outlineLevel: number;
  /** exceljs sets it on the deepest outline level; the workbook writer strips it again, so false here */
  collapsed: boolean;
  styleId?: number;
}

const NO_STYLE: Partial<Style> = Object.freeze({});

/** The rows of a sheet, numbered from `first`. */
export class SheetRows {
  readonly rows: RowModel[] = [];

  constructor(readonly first = 1) {}

  /** The next row: a value and a style for each column from 1 on; an empty text is an empty cell (as put() writes it). */
  add(values: readonly (string | number | null)[], styles: readonly Partial<Style>[], height: number, outlineLevel: number): void {
    const number = this.first + this.rows.length;
    const cells: CellModel[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      cells.push(new CellModel(number, i + 1, v === '' ? null : v, styles[i]!));
    }
    this.rows.push({ cells, number, min: cells.length ? 1 : 0, max: cells.length, height, style: NO_STYLE, hidden: false, outlineLevel, collapsed: false });
  }

  /**
   * The sheet's used range, as exceljs's Worksheet#model computes it from its rows (Range#expand
   * keeps the least and greatest bounds, so one call with the bounds of all rows is the same).
   */
  dimensions(): Range {
    const d = new Range();
    let top = 0;
    let left = 0;
    let bottom = 0;
    let right = 0;
    for (const r of this.rows) {
      if (!r.cells.length) continue;
      if (!top || r.number < top) top = r.number;
      if (!left || r.min < left) left = r.min;
      if (r.number > bottom) bottom = r.number;
      if (r.max > right) right = r.max;
    }
    if (top) d.expand(top, left, bottom, right);
    return d;
  }
}

const sheetRows = new WeakMap<Worksheet, SheetRows>();

/** Give a worksheet its rows as data; the workbook writer writes them. */
export function setRawRows(ws: Worksheet, rows: SheetRows): void {
  sheetRows.set(ws, rows);
}

export function getRawRows(ws: Worksheet): SheetRows | undefined {
  return sheetRows.get(ws);
}

/** Write the rows into the worksheet as exceljs cells, as a sheet writer would with ws.getCell. */
export function materializeRows(ws: Worksheet, rows: SheetRows): void {
  for (const r of rows.rows) {
    const row = ws.getRow(r.number);
    for (const c of r.cells) {
      const cell = row.getCell(c.col);
      put(cell, c.value);
      cell.style = c.style;
    }
    row.outlineLevel = r.outlineLevel;
    row.height = r.height;
  }
}

const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
/** exceljs's utils.xmlEncode: the five entities, and control characters dropped. */
export function xmlEncode(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) out += '&quot;';
    else if (c === 38) out += '&amp;';
    else if (c === 39) out += '&apos;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
    else if (c === 127 || (c <= 31 && c !== 9 && c !== 10 && c !== 13)) continue;
    else out += text[i];
  }
  return out;
}

const utf8 = (m: string) => new TextEncoder().encode(m);

/** The markup of renderRows, as bytes. */
const M = {
  row: utf8('<row r="'),
  q: utf8('"'),
  ht: utf8(' ht="'),
  customHeight: utf8('" customHeight="1"'),
  hidden: utf8(' hidden="1"'),
  spans: utf8(' spans="'),
  colon: utf8(':'),
  rowStyle: utf8(' s="'),
  customFormat: utf8('" customFormat="1"'),
  dyDescent: utf8(' x14ac:dyDescent="0.25"'),
  outlineLevel: utf8(' outlineLevel="'),
  collapsed: utf8(' collapsed="1"'),
  emptyEnd: utf8('/>'),
  gt: utf8('>'),
  c: utf8('<c r="'),
  s: utf8('" s="'),
  cEmpty: utf8('"/>'),
  v: utf8('"><v>'),
  vEnd: utf8('</v></c>'),
  shared: utf8('" t="s"><v>'),
  str: utf8('" t="str"><v>'),
  rowEnd: utf8('</row>'),
};

/**
 * The <row> elements of prepared row models as UTF-8: the bytes exceljs's RowXform and
 * CellXform render for them (the tests compare with exceljs's own rendering), written
 * straight into one buffer, without a string per row or cell.
 */
export function renderRows(rows: RowModel[]): Uint8Array {
  let buf = new Uint8Array(1 << 16);
  let len = 0;
  const room = (n: number) => {
    let size = buf.length * 2;
    while (size < len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(buf.subarray(0, len));
    buf = next;
  };
  const put = (b: Uint8Array) => {
    const n = b.length;
    if (len + n > buf.length) room(n);
    for (let i = 0; i < n; i++) buf[len + i] = b[i]!;
    len += n;
  };
  /** a number as String(n) writes it */
  const others = new Map<number, Uint8Array>();
  const num = (n: number) => {
    if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
      let digits = 1;
      for (let k = n; k >= 10; k = (k / 10) | 0) digits++;
      if (len + digits > buf.length) room(digits);
      let at = len + digits;
      len = at;
      let k = n;
      do {
        buf[--at] = 48 + (k % 10);
        k = (k / 10) | 0;
      } while (k > 0);
      return;
    }
    let b = others.get(n);
    if (!b) others.set(n, (b = utf8(String(n))));
    put(b);
  };
  const colBytes: Uint8Array[] = [];
  for (const row of rows) {
    put(M.row);
    num(row.number);
    put(M.q);
    if (row.height) {
      put(M.ht);
      num(row.height);
      put(M.customHeight);
    }
    if (row.hidden) put(M.hidden);
    if (row.min > 0 && row.max > 0 && row.min <= row.max) {
      put(M.spans);
      num(row.min);
      put(M.colon);
      num(row.max);
      put(M.q);
    }
    if (row.styleId) {
      put(M.rowStyle);
      num(row.styleId);
      put(M.customFormat);
    }
    put(M.dyDescent);
    if (row.outlineLevel) {
      put(M.outlineLevel);
      num(row.outlineLevel);
      put(M.q);
    }
    if (row.collapsed) put(M.collapsed);
    if (!row.cells.some((c) => c.type !== NULL || c.styleId)) {
      put(M.emptyEnd);
      continue;
    }
    put(M.gt);
    for (const c of row.cells) {
      if (c.type === NULL && !c.styleId) continue;
      // <c r="{address}" s="{styleId}" t="…"><v>…</v></c>, the address without a string per cell
      put(M.c);
      put((colBytes[c.col] ??= utf8(columnLetter(c.col))));
      num(row.number);
      if (c.styleId) {
        put(M.s);
        num(c.styleId);
      }
      if (c.type === NULL) {
        put(M.cEmpty);
      } else if (c.type === NUMBER) {
        put(M.v);
        num(c.value as number);
        put(M.vEnd);
      } else if (c.ssId !== undefined) {
        put(M.shared);
        num(c.ssId);
        put(M.vEnd);
      } else {
        put(M.str);
        put(utf8(xmlEncode(String(c.value))));
        put(M.vEnd);
      }
    }
    put(M.rowEnd);
  }
  return buf.subarray(0, len);
}

const PRESERVE = /^\s|\n|\s$/;

/**
 * xl/sharedStrings.xml as exceljs's SharedStringsXform renders it, for a table of plain texts
 * (undefined when it holds rich text, which exceljs then renders itself).
 */
export function renderSharedStrings(values: readonly unknown[], count: number): string | undefined {
  const out = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${values.length}"`,
  ];
  out.push(values.length ? '>' : '/>');
  for (const v of values) {
    if (typeof v !== 'string') return undefined;
    out.push(PRESERVE.test(v) ? '<si><t xml:space="preserve">' : '<si><t>', xmlEncode(v), '</t></si>');
  }
  if (values.length) out.push('</sst>');
  return out.join('');
}
