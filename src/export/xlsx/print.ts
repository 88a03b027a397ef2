import type { Worksheet } from 'exceljs';
import { EXCEL_MAX_HEADER_CHARS } from '../limits.js';

const HEADER_CODES = '&C&"黑体,常规"&11';

/**
 * Header/footer text: "&" is a control character there, so a literal one is doubled. Excel takes
 * at most 255 characters (codes included): a longer title is cut and ends with "…".
 */
export function headerText(s: string): string {
  const full = `${HEADER_CODES}${s.replace(/&/g, '&&')}`;
  if (full.length <= EXCEL_MAX_HEADER_CHARS) return full;
  let out = HEADER_CODES;
  for (const ch of s) {
    const piece = ch === '&' ? '&&' : ch;
    if (out.length + piece.length + 1 > EXCEL_MAX_HEADER_CHARS) break;
    out += piece;
  }
  return `${out}…`;
}

export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';

/**
 * A4 landscape, fitted to one page wide (and, for a picture, one page tall), centred,
 * with the given rows repeated at the top of every printed page.
 */
export function printA4Landscape(ws: Worksheet, opts: { titleRows?: string; header?: string; onePage?: boolean; portrait?: boolean }): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: opts.portrait ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: opts.onePage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(opts.titleRows ? { printTitlesRow: opts.titleRows } : {}),
  };
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    ...(opts.header ? { oddHeader: opts.header } : {}),
    oddFooter: PAGE_FOOTER,
  };
}
