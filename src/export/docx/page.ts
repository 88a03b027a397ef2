import { PageOrientation } from 'docx';

/** A4 in twips, with the margins of GB/T 1.1 documents (top/left 25 mm, bottom/right 20 mm). */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: 1418, bottom: 1134, left: 1418, right: 1134, header: 851, footer: 851 };

export const PORTRAIT_TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 9354
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right; // 14286
export const LANDSCAPE_TEXT_HEIGHT = A4.width - MARGIN.top - MARGIN.bottom; // 9354

/** twips → pixels at 96 per inch (the unit docx shapes use) */
export const twipsToPx = (t: number) => (t / 1440) * 96;

export function pageProps(landscape: boolean, startAt?: number) {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: MARGIN,
      ...(startAt !== undefined ? { pageNumbers: { start: startAt } } : {}),
    },
  };
}
