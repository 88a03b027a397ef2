import type { Style, Worksheet } from 'exceljs';
import { newRange, type Range } from './exceljs-internals.js';
import { literal, put, rowHeight } from './style.js';

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

  /**
   * The next row: a value and a style for each column from 1 on. Values are written as put()
   * writes them (an empty text is an empty cell, an overlong text is cut with a note); the height
   * is at most Excel's 409 points.
   */
  add(values: readonly (string | number | null)[], styles: readonly Partial<Style>[], height: number, outlineLevel: number): void {
    const number = this.first + this.rows.length;
    const cells: CellModel[] = [];
    for (let i = 0; i < values.length; i++) {
      cells.push(new CellModel(number, i + 1, literal(values[i]!), styles[i]!));
    }
    this.rows.push({ cells, number, min: cells.length ? 1 : 0, max: cells.length, height: rowHeight(height), style: NO_STYLE, hidden: false, outlineLevel, collapsed: false });
  }

  /**
   * The sheet's used range, as exceljs's Worksheet#model computes it from its rows (Range#expand
   * keeps the least and greatest bounds, so one call with the bounds of all rows is the same).
   */
  dimensions(): Range {
    const d = newRange();
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

/** Copy `src` into `buf` at `at`; the position after it. */
function copy(buf: Uint8Array, at: number, src: Uint8Array): number {
  const n = src.length;
  for (let i = 0; i < n; i++) buf[at + i] = src[i]!;
  return at + n;
}

/** Digits of a non-negative integer below 2^31 into `buf` at `at`; the position after them. */
function digits(buf: Uint8Array, at: number, n: number): number {
  let len = 1;
  for (let k = n; k >= 10; k = (k / 10) | 0) len++;
  let p = at + len;
  let k = n;
  do {
    buf[--p] = 48 + (k % 10);
    k = (k / 10) | 0;
  } while (k > 0);
  return at + len;
}

const isSmallInt = (n: number) => n >= 0 && n <= 0x7fffffff && (n | 0) === n;

/** Bytes a row can take at most, apart from the text of cells without a shared string (measured apart). */
const ROW_BYTES = 160;
const CELL_BYTES = 80;

/**
 * The <row> elements of prepared row models as UTF-8: the bytes exceljs's RowXform and
 * CellXform render for them (the tests compare with exceljs's own rendering), written
 * straight into one buffer, without a string per row or cell.
 */
export function renderRows(rows: RowModel[]): Uint8Array {
  let buf = new Uint8Array(1 << 16);
  let at = 0;
  const colBytes: Uint8Array[] = [];
  /** numbers other than small integers (row heights such as 44.5), as String(n) writes them */
  const other = new Map<number, Uint8Array>();
  const numberBytes = (n: number) => {
    let b = other.get(n);
    if (!b) other.set(n, (b = utf8(String(n))));
    return b;
  };
  for (const row of rows) {
    // room for the whole row first, so the writes below need no checks
    let need = ROW_BYTES + row.cells.length * CELL_BYTES;
    const texts: (Uint8Array | undefined)[] = [];
    for (let i = 0; i < row.cells.length; i++) {
      const c = row.cells[i]!;
      if (c.type !== NULL && !(c.type === NUMBER && isSmallInt(c.value as number)) && c.ssId === undefined) {
        const t = c.type === NUMBER ? numberBytes(c.value as number) : utf8(xmlEncode(String(c.value)));
        texts[i] = t;
        need += t.length;
      }
      if (!colBytes[c.col]) colBytes[c.col] = utf8(columnLetter(c.col));
      need += colBytes[c.col]!.length;
    }
    if (!isSmallInt(row.height)) need += numberBytes(row.height).length;
    if (at + need > buf.length) {
      let size = buf.length * 2;
      while (size < at + need) size *= 2;
      const next = new Uint8Array(size);
      next.set(buf.subarray(0, at));
      buf = next;
    }
    const num = (n: number) => (isSmallInt(n) ? digits(buf, at, n) : copy(buf, at, numberBytes(n)));
    /** an attribute holding a number: `open` n `close` */
    const numAttr = (open: Uint8Array, n: number, close: Uint8Array) => {
      at = copy(buf, at, open);
      at = num(n);
      at = copy(buf, at, close);
    };

    numAttr(M.row, row.number, M.q);
    if (row.height) numAttr(M.ht, row.height, M.customHeight);
    if (row.hidden) at = copy(buf, at, M.hidden);
    if (row.min > 0 && row.max > 0 && row.min <= row.max) {
      numAttr(M.spans, row.min, M.colon);
      at = num(row.max);
      at = copy(buf, at, M.q);
    }
    if (row.styleId) numAttr(M.rowStyle, row.styleId, M.customFormat);
    at = copy(buf, at, M.dyDescent);
    if (row.outlineLevel) numAttr(M.outlineLevel, row.outlineLevel, M.q);
    if (row.collapsed) at = copy(buf, at, M.collapsed);
    if (!row.cells.some((c) => c.type !== NULL || c.styleId)) {
      at = copy(buf, at, M.emptyEnd);
      continue;
    }
    at = copy(buf, at, M.gt);
    for (let i = 0; i < row.cells.length; i++) {
      const c = row.cells[i]!;
      if (c.type === NULL && !c.styleId) continue;
      // <c r="{address}" s="{styleId}" t="…"><v>…</v></c>, the address without a string per cell
      at = copy(buf, at, M.c);
      at = copy(buf, at, colBytes[c.col]!);
      at = num(row.number);
      if (c.styleId) {
        at = copy(buf, at, M.s);
        at = num(c.styleId);
      }
      const text = texts[i];
      if (c.type === NULL) {
        at = copy(buf, at, M.cEmpty);
      } else if (c.type === NUMBER) {
        at = copy(buf, at, M.v);
        at = text ? copy(buf, at, text) : digits(buf, at, c.value as number);
        at = copy(buf, at, M.vEnd);
      } else if (c.ssId !== undefined) {
        at = copy(buf, at, M.shared);
        at = num(c.ssId);
        at = copy(buf, at, M.vEnd);
      } else {
        at = copy(buf, at, M.str);
        at = copy(buf, at, text!);
        at = copy(buf, at, M.vEnd);
      }
    }
    at = copy(buf, at, M.rowEnd);
  }
  return buf.subarray(0, at);
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
