import type { Alignment, Border, Borders, Cell, Fill, Font, Style } from 'exceljs';

/** Fonts every Chinese Office install has (SimSun/SimHei); charset 134 = GB2312 so Excel picks them. */
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 10, charset: 134 };
export const HEAD_FONT: Partial<Font> = { name: '黑体', size: 10, charset: 134, bold: true };
/** replaced or withdrawn rows: struck through, grey */
export const LAPSED_FONT: Partial<Font> = { ...BODY_FONT, strike: true, color: { argb: 'FF7F7F7F' } };
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 14, charset: 134, bold: true };

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

/** The value put() writes: an empty text is an empty cell. */
export function literal(value: string | number | null | undefined): string | number | null {
  return value === undefined || value === '' ? null : value;
}

/** Width of one UTF-16 unit in Excel column units: 2 in U+2E80–U+9FFF, U+F900–U+FAFF, U+FF00–U+FFEF and U+3000–U+303F. */
function unitWidth(c: number): number {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? 2 : 1;
}

/** Whether s[i] and s[i + 1] are a surrogate pair (one character). */
function pairAt(s: string, i: number, c: number): boolean {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Width of text in Excel column units (a CJK character is about two digits wide, any other character one). */
export function textUnits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += unitWidth(c);
    if (pairAt(s, i, c)) i++;
  }
  return n;
}

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
