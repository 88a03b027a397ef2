import {
  AlignmentType, LineRuleType, NoBreakHyphen, BorderStyle, Paragraph, ShadingType, TableCell, TextRun, VerticalAlignTable, WidthType,
  type IParagraphStyleOptions, type IStylesOptions,
} from 'docx';

/** The document's fonts (export.fonts in .hrss-std.yaml): Chinese body and table text, headings, Latin text and digits. */
export interface DocxFonts {
  body: string;
  heading: string;
  latin: string;
}

/** Chinese typography as published 标准体系表 set it: 宋体 body and tables, 黑体 headings, Times New Roman for Latin text. */
export const DEFAULT_FONTS: DocxFonts = { body: '宋体', heading: '黑体', latin: 'Times New Roman' };

/** The run fonts of `fonts`: song for body text, hei for headings (Latin text in the Latin font). */
export function fontSet(fonts: DocxFonts = DEFAULT_FONTS) {
  const l = fonts.latin;
  return {
    song: { ascii: l, hAnsi: l, eastAsia: fonts.body, cs: l },
    hei: { ascii: l, hAnsi: l, eastAsia: fonts.heading, cs: l },
  };
}
export type FontSet = ReturnType<typeof fontSet>;

/** The default fonts (the 评价报告 uses them). */
export const FONT = fontSet();

/** Latin text in en-US, Chinese in zh-CN, as Word writes a Chinese document. */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };

/** Sizes in half-points, by their Chinese names. */
export const SIZE = { 一号: 52, 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 };

/** Style ids the document uses; a template (--docx-template) may give its own ids for the headings. */
export interface StyleIds {
  heading1: string;
  heading2: string;
  heading3: string;
}

export const DEFAULT_STYLE_IDS: StyleIds = { heading1: 'Heading1', heading2: 'Heading2', heading3: 'Heading3' };

/** Our own paragraph styles: kept under ids no template uses, so they apply with a template too. */
export const OWN = { table: 'HrssTableText', tableHead: 'HrssTableHead', box: 'HrssBoxText', caption: 'HrssCaption', figureCaption: 'HrssFigureCaption', cover: 'HrssCover', tocTitle: 'HrssTocTitle' };

/**
 * Fixed line heights (固定值), as published 标准体系表 set them: a line is as tall in Word, WPS and
 * LibreOffice whatever font each substitutes for 宋体/黑体, so the pages (and the 目次's page
 * numbers, worked out when the file is written) come out the same in all of them.
 */
const exact = (pt: number) => ({ line: Math.round(pt * 20), lineRule: LineRuleType.EXACT });
/** 23 pt for 小四 body text (about 1.5 lines), 12 pt for 小五 in tables */
export const LINE = { body: exact(23), table: exact(12) };

const single = { ...LINE.table, before: 0, after: 0 };

/** Our own paragraph styles, in the fonts given. */
const ownStyles = (FONT: FontSet): IParagraphStyleOptions[] => [
  { id: OWN.table, name: 'HRSS Table Text', basedOn: 'Normal', quickFormat: true, run: { font: FONT.song, size: SIZE.小五 }, paragraph: { alignment: AlignmentType.LEFT, spacing: single, indent: { firstLine: 0 } } },
  { id: OWN.tableHead, name: 'HRSS Table Head', basedOn: OWN.table, run: { font: FONT.hei, size: SIZE.小五 }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true } },
  { id: OWN.box, name: 'HRSS Box Text', basedOn: 'Normal', run: { font: FONT.song, size: SIZE.小五 }, paragraph: { alignment: AlignmentType.CENTER, spacing: single, indent: { firstLine: 0 } } },
  // a table's caption stands above it and keeps with it; a figure's stands below, keeping with nothing
  { id: OWN.caption, name: 'HRSS Caption', basedOn: 'Normal', run: { font: FONT.hei, size: SIZE.五号 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, indent: { firstLine: 0 }, keepNext: true } },
  { id: OWN.figureCaption, name: 'HRSS Figure Caption', basedOn: 'Normal', run: { font: FONT.hei, size: SIZE.五号 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, indent: { firstLine: 0 } } },
  { id: OWN.cover, name: 'HRSS Cover', basedOn: 'Normal', run: { font: FONT.hei, size: SIZE.三号 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, indent: { firstLine: 0 } } },
  { id: OWN.tocTitle, name: 'HRSS TOC Title', basedOn: 'Normal', run: { font: FONT.hei, size: SIZE.三号 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 }, indent: { firstLine: 0 } } },
];

/** The document's styles; with a template only our own table/box/caption styles are added. */
export function documentStyles(withTemplate: boolean, FONT: FontSet = fontSet()): IStylesOptions {
  if (withTemplate) return { paragraphStyles: ownStyles(FONT) };
  const heading = (size: number, before: number) => ({
    run: { font: FONT.hei, size, bold: false, color: '000000' },
    paragraph: { spacing: { before, after: before / 2, ...exact(size) }, indent: { firstLine: 0 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        // zh-CN on every run: viewers pick a Chinese font for 宋体/黑体 they lack (LibreOffice drew a Japanese one)
        run: { font: FONT.song, size: SIZE.小四, language: LANGUAGE },
        paragraph: { spacing: LINE.body },
      },
      heading1: heading(SIZE.三号, 240),
      heading2: heading(SIZE.四号, 200),
      heading3: heading(SIZE.小四, 160),
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', run: { font: FONT.song, size: SIZE.小四 }, paragraph: { spacing: LINE.body, indent: { firstLine: 480 }, alignment: AlignmentType.JUSTIFIED } },
      // 目次 entries: flush left (no first-line indent from Normal), level 2 indented by two characters
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { font: FONT.song, size: SIZE.小四 }, paragraph: { indent: { firstLine: 0, left: 0 }, spacing: { before: 60, after: 0, ...LINE.body } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { font: FONT.song, size: SIZE.小四 }, paragraph: { indent: { firstLine: 0, left: 480 }, spacing: LINE.body } },
      ...ownStyles(FONT),
    ],
  };
}

// ------------------------------------------------------------------ small builders

/**
 * A run's text with standard numbers and codes made unbreakable: Word and LibreOffice break a
 * line after any hyphen ("GB/T 13017-" / "2018", "P03-" / "05") and at the blank after the code.
 * A hyphen between letters or digits becomes Word's non-breaking hyphen (it prints, copies and
 * searches as "-"), the blank between a code and its number a no-break space.
 */
export function unbreakable(text: string): (string | NoBreakHyphen)[] {
  if (!text.includes('-') && !/[A-Z] \d/.test(text)) return [text];
  // the blank after a standard's code (GB/T, LD/T, DB44/T, T/CCSA…), not after other names such as SAC/TC
  const spaced = text.replace(/(?<![A-Za-z0-9/])((?:GB|[A-Z]{2,5}|DB\d{2,6})(?:\/[TZ])?|[TQ]\/[A-Z0-9]+) (?=\d)/g, '$1\u00a0');
  const out: (string | NoBreakHyphen)[] = [];
  const parts = spaced.split(/(?<=[0-9A-Za-z.])-(?=[0-9A-Za-z])/);
  parts.forEach((p, i) => {
    if (i > 0) out.push(new NoBreakHyphen());
    if (p !== '') out.push(p);
  });
  return out;
}

export function para(text: string, opts: { style?: string; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; noIndent?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: opts.style,
    alignment: opts.align,
    indent: opts.noIndent ? { firstLine: 0 } : undefined,
    children: [new TextRun({ children: unbreakable(text), bold: opts.bold })],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
export const CELL_MARGINS = { top: 30, bottom: 30, left: 60, right: 60 };

export const SHADE = {
  head: 'D9E2F3',
  group1: 'DDEBF7',
  group: 'F2F2F2',
  planned: 'FFF2CC',
  lapsed: 'EDEDED',
  uncovered: 'F8CBAD',
};

export function cell(text: string, opts: {
  head?: boolean; shade?: string; center?: boolean; bold?: boolean; strike?: boolean;
  columnSpan?: number; rowSpan?: number; width?: number;
  /** keep the row with the next one on its page (sub-system lines, the rows of short tables) */
  keepNext?: boolean;
} = {}): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    // borders and cell margins come from the table (tblBorders, tblCellMar): per-cell copies
    // would multiply the size of a 2000-row 明细表 several times over
    shading: opts.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } : undefined,
    children: lines.map((l) => new Paragraph({
      style: opts.head ? OWN.tableHead : OWN.table,
      alignment: opts.center && !opts.head ? AlignmentType.CENTER : undefined, // left from the style, centred heads from theirs
      keepNext: opts.keepNext || undefined,
      children: [new TextRun({ children: unbreakable(l), bold: opts.bold, strike: opts.strike, color: opts.strike ? '7F7F7F' : undefined })],
    })),
  });
}
