import type { Alignment, Border, Borders, Cell, Fill, Font, Style, Worksheet } from 'exceljs';
import { boundedText, EXCEL_MAX_ROW_HEIGHT, LIST_MAX_LINES, pairAt, unitWidth } from '../limits.js';

/** Fonts every Chinese Office install has (SimSun/SimHei); charset 134 = GB2312 so Excel picks them. */
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 10, charset: 134 };
// 黑体 has no bold face: bold would only be drawn by the viewer (synthetic), so it is not asked for
export const HEAD_FONT: Partial<Font> = { name: '黑体', size: 10, charset: 134 };
/** replaced or withdrawn rows: struck through, grey */
export const LAPSED_FONT: Partial<Font> = { ...BODY_FONT, strike: true, color: { argb: 'FF7F7F7F' } };
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 14, charset: 134 };

const thin: Partial<Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const THIN = thin;

export function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export const FILLS = {
  header: solid('FFD9E2F3'),
  group1: solid('FFDDEBF7'),
  group: solid('FFF2F2F2'),
  /** rows still to be made: the gaps of the table */
  planned: solid('FFFFF2CC'),
  lapsed: solid('FFEDEDED'),
  uncovered: solid('FFF8CBAD'),
  box: solid('FFEAF1FB'),
  boxTop: solid('FFDDEBF7'),
};

export const WRAP_LEFT: Partial<Alignment> = { vertical: 'middle', horizontal: 'left', wrapText: true };
export const WRAP_CENTER: Partial<Alignment> = { vertical: 'middle', horizontal: 'center', wrapText: true };

const indented = new Map<number, Partial<Alignment>>();
/** WRAP_LEFT with an indent, one shared object per indent. */
export function wrapLeftIndent(indent: number): Partial<Alignment> {
  let a = indented.get(indent);
  if (!a) indented.set(indent, (a = { ...WRAP_LEFT, indent }));
  return a;
}

/** What one cell looks like; the parts should be shared constants (the cache below is keyed by object identity). */
export interface CellStyle {
  font?: Partial<Font>;
  alignment?: Partial<Alignment>;
  border?: Partial<Borders>;
  fill?: Fill;
  numFmt?: string;
}

const partIds = new WeakMap<object, number>();
let nextPartId = 1;
function partId(o: object | undefined): number {
  if (!o) return 0;
  let id = partIds.get(o);
  if (id === undefined) partIds.set(o, (id = nextPartId++));
  return id;
}
const shared = new Map<string, Partial<Style>>();

/**
 * Give a cell its whole style as one object shared by every cell that looks the same.
 * exceljs's style registry remembers the style objects it has seen (a WeakMap), so a shared
 * object is serialised and looked up once instead of once per cell (font, border, fill and xf
 * XML were built for each of ~100,000 cells). The written styles.xml and s="…" ids are the same
 * as with per-cell objects. The object is frozen: never set cell.font/border/… on such a cell
 * afterwards (it would change every cell sharing it); call setStyle again instead.
 */
export function setStyle(cell: Cell, s: CellStyle): void {
  cell.style = sharedStyle(s);
}

/** The shared, frozen style object for a look (see setStyle). */
export function sharedStyle(s: CellStyle): Partial<Style> {
  const key = `${partId(s.font)},${partId(s.alignment)},${partId(s.border)},${partId(s.fill)},${s.numFmt ?? ''}`;
  let style = shared.get(key);
  if (!style) {
    // the same property order exceljs's setters would have produced
    const o: Partial<Style> = {};
    if (s.font) o.font = s.font;
    if (s.border) o.border = s.border;
    if (s.alignment) o.alignment = s.alignment;
    if (s.fill) o.fill = s.fill;
    if (s.numFmt) o.numFmt = s.numFmt;
    shared.set(key, (style = Object.freeze(o)));
  }
  return style;
}

/** Write a value as a literal: strings stay strings (a title starting with "=" is text, never a formula). */
export function put(cell: Cell, value: string | number | null | undefined): void {
  cell.value = literal(value);
}

/** A table's title line (表 n  …) in column A of row `row`, in the title font. */
export function putTitle(ws: Worksheet, row: number, text: string): void {
  const c = ws.getCell(row, 1);
  put(c, text);
  c.font = TITLE_FONT;
}

/**
 * The value put() writes: an empty text is an empty cell; a text longer than a cell may hold
 * (CELL_TEXT_MAX, well under Excel's 32,767 characters) is cut with a note (limits.ts).
 */
export function literal(value: string | number | null | undefined): string | number | null {
  return value === undefined || value === '' ? null : typeof value === 'string' ? boundedText(value) : value;
}

/** A row height in points, at most Excel's 409: a taller row makes Excel repair the file. */
export function rowHeight(points: number): number {
  return Math.min(points, EXCEL_MAX_ROW_HEIGHT);
}

export { textUnits } from '../limits.js';

/**
 * Lines a wrapped text needs in a column of `width` units at 10 pt: a column is width × 7 + 5 px
 * wide (less about 4 px of padding), a digit at 10 pt about 6.7 px, a CJK character twice that.
 * Each line of the text (split at "\n") takes at least one.
 */
export function linesFor(s: string, width: number): number {
  if (!s) return 1;
  const fits = Math.max((width * 7 + 1) / 6.7, 1);
  let lines = 0;
  let units = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      lines += Math.max(1, Math.ceil(units / fits));
      units = 0;
      continue;
    }
    units += unitWidth(c);
    if (pairAt(s, i, c)) i++;
  }
  return lines + Math.max(1, Math.ceil(units / fits));
}

/** Characters after which a text may be split into the rows of splitToFit. */
const SPLIT_AFTER = new Set(['\n', '。', '；', '！', '？', ';']);

/**
 * A text cut into pieces that each need at most `maxLines` lines in a column of `width` units
 * (linesFor), for a long text written over several rows instead of one row taller than Excel
 * allows (20 lines by default: room under 409 pt for a text wider than measured). Cuts come
 * after a line break or the end of a sentence where one is at hand, else inside the text;
 * joined again (line breaks at the cuts aside, which are dropped) the pieces are the text. A text
 * that fits is the one piece.
 */
export function splitToFit(text: string, width: number, maxLines = LIST_MAX_LINES): string[] {
  if (linesFor(text, width) <= maxLines) return [text];
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (SPLIT_AFTER.has(text[i]!)) {
      segments.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) segments.push(text.slice(start));
  const out: string[] = [];
  const push = (piece: string) => {
    const p = piece.endsWith('\n') ? piece.slice(0, -1) : piece;
    if (p) out.push(p);
  };
  let chunk = '';
  for (const seg of segments) {
    if (linesFor(chunk + seg, width) <= maxLines) {
      chunk += seg;
      continue;
    }
    push(chunk);
    // the new row starts the text after the cut: a line break there is the row's edge
    chunk = seg.startsWith('\n') ? seg.slice(1) : seg;
    // a segment longer than a row: the longest head that fits, by halving (never inside a surrogate pair)
    while (linesFor(chunk, width) > maxLines) {
      let lo = 1;
      let hi = chunk.length - 1;
      let cut = 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (linesFor(chunk.slice(0, mid), width) <= maxLines) {
          cut = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      const c = chunk.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff && cut > 1) cut--;
      push(chunk.slice(0, cut));
      chunk = chunk.slice(cut);
    }
  }
  push(chunk);
  return out;
}
