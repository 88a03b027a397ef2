import type { Alignment, Border, Borders, Cell, Fill, Font } from 'exceljs';

/** Fonts every Chinese Office install has (SimSun/SimHei); charset 134 = GB2312 so Excel picks them. */
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 10, charset: 134 };
export const HEAD_FONT: Partial<Font> = { name: '黑体', size: 10, charset: 134, bold: true };
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

/** Write a value as a literal: strings stay strings (a title starting with "=" is text, never a formula). */
export function put(cell: Cell, value: string | number | null | undefined): void {
  cell.value = value === undefined || value === '' ? null : value;
}

/** Width of text in Excel column units (a CJK character is about two digits wide). */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 2 : 1;
  return n;
}

/**
 * Lines a wrapped text needs in a column of `width` units at 10 pt: a column is width × 7 + 5 px
 * wide (less about 4 px of padding), a digit at 10 pt about 6.7 px, a CJK character twice that.
 */
export function linesFor(s: string, width: number): number {
  if (!s) return 1;
  const fits = Math.max((width * 7 + 1) / 6.7, 1);
  let lines = 0;
  for (const part of s.split('\n')) lines += Math.max(1, Math.ceil(textUnits(part) / fits));
  return lines;
}
