/**
 * Bounds on what one cell of the exported tables holds, shared by the workbook and the Word
 * document. Excel refuses more than 32,767 characters in a cell (it "repairs" the file, cutting
 * the text) and rows taller than 409 points; a list of thousands of standards in one table cell
 * is unreadable in either format. Lists the exporter composes (the standards serving a service
 * item, the sub-systems they sit in) are shortened to their first entries plus a line saying how
 * many were left out and where the full list is; any other text is cut only past CELL_TEXT_MAX,
 * with a note. Sizes a normal system reaches never trigger either, so its files do not change.
 */

/**
 * Up to this many 明细表 rows the 目次 is written with its page numbers. Laying the pages out takes
 * about 8 s per 1,000 rows (the sample's 83 rows: 1.7 s), so a larger table leaves them to Word and
 * WPS, which update the field when they open the file (the command says so).
 */
export const TOC_PAGE_NUMBERS_MAX_ROWS = 2000;

/** What laying out the pages costs per 明细表 row (above), for the export's progress line. */
export const DOCX_LAYOUT_MS_PER_ROW = 8;

/** Whether the Word file of `model` carries the 目次's page numbers (else they are left to Word). */
export function tocHasPageNumbers(model: { rows: readonly unknown[] }): boolean {
  return model.rows.length <= TOC_PAGE_NUMBERS_MAX_ROWS;
}

/**
 * The most 明细表 rows a Word file is made for. The docx library builds the whole document in
 * memory: 10,000 rows take about 1.7 GB at the peak, and 100,000 ran out of a 4 GB heap. A larger
 * system is refused before anything is written, with the workbook (no such limit) as the way out.
 */
export const DOCX_MAX_ROWS = 10000;

/** Excel: characters in one cell. */
export const EXCEL_MAX_CELL_CHARS = 32767;
/** Excel: the tallest row, in points. */
export const EXCEL_MAX_ROW_HEIGHT = 409;
/** Excel: characters in a page header or footer (after "&" codes are written out). */
export const EXCEL_MAX_HEADER_CHARS = 255;

/** The most characters (UTF-16 units) the exporter writes into one cell, the note included: well under Excel's limit. */
export const CELL_TEXT_MAX = 30000;

/** A list in one table cell shows at most this many entries (then says how many more there are). */
export const LIST_MAX_ITEMS = 20;
/**
 * …in at most this many lines of its column: a row of 20 lines (about 274 pt in the workbook)
 * is already a long read, and it leaves room under Excel's 409 pt for a text wider than measured.
 */
export const LIST_MAX_LINES = 20;
/** …or, where no column is measured, this many display units (a CJK character is 2, see textUnits): 20 lines of the Word gap table. */
export const LIST_MAX_UNITS = 700;

/** Width of one UTF-16 unit in display units: 2 in U+2E80–U+9FFF, U+F900–U+FAFF, U+FF00–U+FFEF and U+3000–U+303F. */
export function unitWidth(c: number): number {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? 2 : 1;
}

/** Whether s[i] and s[i + 1] are a surrogate pair (one character); `c` is s.charCodeAt(i). */
export function pairAt(s: string, i: number, c: number): boolean {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Width of text in display units (Excel column units: a CJK character is about two digits wide, any other character one). */
export function textUnits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += unitWidth(c);
    if (pairAt(s, i, c)) i++;
  }
  return n;
}

/** The most UTF-16 units of `s` from its start, at most `n`, that do not end inside a surrogate pair. */
function headLength(s: string, n: number): number {
  if (n <= 0) return 0;
  if (n >= s.length) return s.length;
  const c = s.charCodeAt(n - 1);
  return c >= 0xd800 && c <= 0xdbff ? n - 1 : n;
}

/**
 * Text for one cell, at most `max` UTF-16 units. Longer text keeps its beginning and ends with
 * a line saying how much was left out: such text comes from the system's data (a title, a note,
 * a description), whose files hold it in full.
 */
export function boundedText(text: string, max = CELL_TEXT_MAX): string {
  if (text.length <= max) return text;
  const note = (omitted: number) => `\n……（此处原有 ${text.length} 字，超出表格单元格的字数上限，其后 ${omitted} 字未写入；完整内容见体系的 YAML 文件）`;
  // the note's length depends on the number it carries: the longest form first, then the kept part
  const keep = headLength(text, max - note(text.length).length);
  return text.slice(0, keep) + note(text.length - keep);
}

export interface ListBound {
  /** most entries shown (default LIST_MAX_ITEMS) */
  maxItems?: number;
  /** whether a candidate cell text is small enough (default: at most LIST_MAX_UNITS display units) */
  fits?: (text: string) => boolean;
}

/**
 * Entries joined into one cell. When they are more than `maxItems` or the text does not `fit`,
 * the cell lists the first entries that fit together with the line `more(omitted, total)`,
 * which says how many were left out and where the full list is. At least one entry is shown;
 * when even that one does not fit, it is cut short with "…" (the full text is where `more` points).
 * The same entries, bound and `more` always give the same text.
 */
export function boundedList(
  items: readonly string[],
  sep: string,
  more: (omitted: number, total: number) => string,
  bound: ListBound = {},
): { text: string; shown: number } {
  const maxItems = bound.maxItems ?? LIST_MAX_ITEMS;
  const fits = bound.fits ?? ((t: string) => textUnits(t) <= LIST_MAX_UNITS);
  const all = items.join(sep);
  const total = items.length;
  if (total <= 1 || (total <= maxItems && fits(all))) return { text: boundedText(all), shown: total };
  const cell = (k: number, first = items[0]!) => `${[first, ...items.slice(1, k)].join(sep)}\n${more(total - k, total)}`;
  let shown = Math.min(maxItems, total - 1);
  // the fit only grows with more entries: the largest k that fits, by halving
  if (!fits(cell(shown))) {
    let lo = 1;
    let hi = shown - 1;
    shown = 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fits(cell(mid))) {
        shown = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
  }
  if (shown === 1 && !fits(cell(1))) {
    // one entry alone is too long: it is cut ("…") so the line saying what is left out stays in view
    const first = items[0]!;
    let lo = 0;
    let hi = first.length - 1;
    let keep = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fits(cell(1, `${first.slice(0, headLength(first, mid))}…`))) {
        keep = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return { text: boundedText(cell(1, `${first.slice(0, headLength(first, keep))}…`)), shown: 1 };
  }
  return { text: boundedText(cell(shown)), shown };
}
