/** A sheet as text: each row keeps the 1-based row number a user sees in Excel/WPS. */
export interface Grid {
  /** sheet name (xlsx) or the file name (csv) */
  sheet: string;
  rows: { n: number; cells: string[] }[];
  /** how the text was decoded (csv): utf-8, utf-8 with BOM, gb18030, utf-16le */
  encoding?: string;
}

export class ImportError extends Error {
  constructor(readonly text: { zh: string; en: string }, readonly hint?: { zh: string; en: string }) {
    super(text.en);
  }
}

/** Cell text as a person reads it: line breaks inside a cell joined, runs of blanks (incl. U+3000) collapsed, ends trimmed. */
export function cleanCell(s: string): string {
  return s
    .replace(/[ \t\u3000\u00a0]*\r?\n[ \t\u3000\u00a0]*/g, '')
    .replace(/[ \t\u3000\u00a0]+/g, ' ')
    .trim();
}
