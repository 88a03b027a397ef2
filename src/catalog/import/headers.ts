import { cleanCell } from './grid.js';

/** Catalog fields a column can fill. */
export type Field = 'seq' | 'area' | 'projectId' | 'project' | 'itemId' | 'item' | 'target' | 'basis';

export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'sequence number' },
  area: { zh: '领域', en: 'area' },
  projectId: { zh: '项目编号', en: 'project id' },
  project: { zh: '服务项目', en: 'project' },
  itemId: { zh: '事项编号', en: 'item id' },
  item: { zh: '服务事项', en: 'item' },
  target: { zh: '服务对象', en: 'target' },
  basis: { zh: '执行标准/规范性文件', en: 'standards/normative documents' },
};

/** Header text compared without blanks, line breaks, full-width forms or bracketed remarks. */
export function normHeader(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .toLowerCase();
}

/** Which field a header names, matched from the most specific pattern down. */
export function headerField(raw: string): Field | undefined {
  const h = normHeader(raw);
  if (!h) return undefined;
  if (/^(服务)?项目(编号|代码|编码|id)$/.test(h)) return 'projectId';
  if (/^(服务)?事项(编号|代码|编码|id)$/.test(h)) return 'itemId';
  if (/^(序号|序|编号|no\.?)$/.test(h)) return 'seq';
  if (/执行标准|规范性文件|政策依据|^依据$|标准依据|标准规范/.test(h)) return 'basis';
  if (/事项/.test(h)) return 'item';
  if (/项目/.test(h)) return 'project';
  if (/对象/.test(h)) return 'target';
  if (/领域|^(服务)?类别$|^大类$/.test(h)) return 'area';
  return undefined;
}

export interface HeaderMap {
  /** 1-based row number of the header */
  row: number;
  columns: Partial<Record<Field, number>>;
  /** recognised headers: the text as written → field */
  recognised: { text: string; field: Field; col: number }[];
  /** non-empty headers left unused (unknown, or a second column for a field already taken) */
  ignored: { text: string; col: number }[];
}

/** Map one row's cells as a header; null when fewer than two cells are recognised. */
export function mapHeader(cells: string[], row: number): HeaderMap | null {
  const columns: HeaderMap['columns'] = {};
  const recognised: HeaderMap['recognised'] = [];
  const ignored: HeaderMap['ignored'] = [];
  const seenText = new Set<string>();
  cells.forEach((text, col) => {
    // Shown as read: a header broken over two lines in its cell reads as one word.
    const t = cleanCell(text);
    if (!t) return;
    const f = headerField(t);
    // A title merged across the row repeats one text in every cell: not a header.
    if (seenText.has(t) && f) return;
    seenText.add(t);
    if (f && columns[f] === undefined) {
      columns[f] = col;
      recognised.push({ text: t, field: f, col });
    } else ignored.push({ text: t, col });
  });
  return recognised.length >= 2 ? { row, columns, recognised, ignored } : null;
}
