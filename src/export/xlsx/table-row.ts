import type { Worksheet } from 'exceljs';
import { fitHeight } from './detail.js';
import { ALL_BORDERS, BODY_FONT, HEAD_FONT, put, setStyle, type CellStyle } from './style.js';

export type TableValue = string | number | null;

/**
 * One bordered table row of the 统计表 and 覆盖情况 sheets: height fitted to its texts, every cell
 * written, head or body font, and the alignment and fill the sheet gives each cell.
 */
export function writeTableRow(
  ws: Worksheet,
  r: number,
  values: TableValue[],
  widths: number[],
  opts: { head?: boolean; bold?: boolean; pctCol?: number; defaultWidth: number },
  cellStyle: (i: number, v: TableValue) => Pick<CellStyle, 'alignment' | 'fill'>,
): void {
  ws.getRow(r).height = fitHeight(values.map((v, i) => [v === null ? '' : String(v), widths[i] ?? opts.defaultWidth]));
  values.forEach((v, i) => {
    const c = ws.getCell(r, i + 1);
    put(c, v);
    setStyle(c, {
      font: opts.head || opts.bold ? HEAD_FONT : BODY_FONT,
      border: ALL_BORDERS,
      ...cellStyle(i, v),
      numFmt: i === opts.pctCol && typeof v === 'number' ? '0.0' : undefined,
    });
  });
}
