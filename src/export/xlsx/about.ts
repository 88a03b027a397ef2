import type { Worksheet } from 'exceljs';
import { aboutLines, DEFINITIONS } from '../about.js';
import { boundedText } from '../limits.js';
import type { ExportModel } from '../model.js';
import { ALL_BORDERS, BODY_FONT, HEAD_FONT, put, setStyle, splitToFit, TITLE_FONT, WRAP_LEFT } from './style.js';
import { fitHeight } from './detail.js';
import { headerText, printA4Landscape } from './print.js';

/** 说明: system metadata, the catalog used, the data date and how the figures are counted. */
export function writeAboutSheet(ws: Worksheet, model: ExportModel): void {
  ws.columns = [{ width: 18 }, { width: 90 }];
  put(ws.getCell(1, 1), `${model.system.title}  标准体系表说明`);
  ws.getCell(1, 1).font = TITLE_FONT;
  let r = 3;
  // a value too long for one row (a long 体系说明) goes on over the next rows, its key cell merged down
  const pair = ([k, v]: [string, string]) => {
    const first = r;
    for (const piece of splitToFit(boundedText(v), 90)) {
      if (r === first) put(ws.getCell(r, 1), k);
      put(ws.getCell(r, 2), piece);
      setStyle(ws.getCell(r, 1), { font: HEAD_FONT, alignment: WRAP_LEFT, border: ALL_BORDERS });
      setStyle(ws.getCell(r, 2), { font: BODY_FONT, alignment: WRAP_LEFT, border: ALL_BORDERS });
      ws.getRow(r).height = fitHeight([[r === first ? k : '', 18], [piece, 90]]);
      r++;
    }
    if (r - first > 1) ws.mergeCells(first, 1, r - 1, 1);
  };
  for (const l of aboutLines(model)) pair(l);
  r++;
  put(ws.getCell(r, 1), '统计口径');
  ws.getCell(r, 1).font = HEAD_FONT;
  r++;
  for (const d of DEFINITIONS) pair(d);
  printA4Landscape(ws, { portrait: true, header: headerText(`${model.system.title}  说明`) });
}
