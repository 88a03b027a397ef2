import type { Worksheet } from 'exceljs';

/** Header/footer text: "&" is a control character there, so a literal one is doubled. */
export function headerText(s: string): string {
  return `&C&"黑体,常规"&11${s.replace(/&/g, '&&')}`;
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
