import type { Worksheet } from 'exceljs';
import { LEVEL_LABELS, LEVELS, STATUS_LABELS, STATUSES } from '../../model/types.js';
import type { ColumnId } from '../columns.js';
import { cellText, type ExportModel } from '../model.js';
import { ALL_BORDERS, BODY_FONT, FILLS, HEAD_FONT, linesFor, put, WRAP_CENTER, WRAP_LEFT } from './style.js';
import { headerText, printA4Landscape } from './print.js';

/** Column widths in Excel units, chosen so the sheet prints on A4 landscape at about 75 %. */
const WIDTHS: Record<ColumnId, number> = {
  seq: 5, code: 9.5, subsystem: 16, number: 17, title: 34, level: 9.5, status: 8,
  published: 11, effective: 11, department: 11, services: 24, note: 22,
};
const CENTERED: ReadonlySet<ColumnId> = new Set(['seq', 'code', 'level', 'status', 'published', 'effective']);

/** Rows below the table that keep the level/status lists, so rows a user adds stay within the format. */
const VALIDATION_SLACK = 500;

/**
 * Row height in points for wrapped text: neither Excel nor LibreOffice re-measures rows when
 * they open a generated file, so the height is set from the longest cell.
 */
export function fitHeight(cells: [string, number][], lineHeight = 13.5): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => linesFor(text, width)));
  return Math.max(18, lines * lineHeight + 4);
}

/** 明细表: one header row, then a group line per sub-system followed by its rows, in tree order. */
export function writeDetailSheet(ws: Worksheet, model: ExportModel): void {
  const cols = model.columns;
  ws.columns = cols.map((c) => ({ key: c.id, width: WIDTHS[c.id] }));
  const header = ws.getRow(1);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    put(cell, c.label);
    cell.font = HEAD_FONT;
    cell.fill = FILLS.header;
    cell.alignment = WRAP_CENTER;
    cell.border = ALL_BORDERS;
  });
  header.height = Math.max(24, fitHeight(cols.map((c) => [c.label, WIDTHS[c.id]])));

  let r = 2;
  let maxOutline = 0;
  for (const item of model.detail) {
    const row = ws.getRow(r);
    if (item.kind === 'group') {
      const g = item.group;
      cols.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.id === 'code') put(cell, g.code);
        if (c.id === 'subsystem') put(cell, g.title);
        if (c.id === 'title') put(cell, `（本子体系共 ${g.subtreeRows} 项）`);
        cell.font = { ...HEAD_FONT, bold: true };
        cell.fill = g.depth <= 1 ? FILLS.group1 : FILLS.group;
        cell.alignment = c.id === 'subsystem' ? { ...WRAP_LEFT, indent: Math.min(g.depth - 1, 4) } : WRAP_LEFT;
        cell.border = ALL_BORDERS;
      });
      row.outlineLevel = Math.min(g.depth - 1, 7);
      row.height = fitHeight([[g.title, WIDTHS.subsystem - 1 - Math.min(g.depth - 1, 4) * 1.5], [g.code, WIDTHS.code]]);
    } else {
      const x = item.row;
      cols.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.id === 'seq') put(cell, x.seq);
        else put(cell, cellText(x, c.id));
        cell.font = x.lapsed ? { ...BODY_FONT, strike: true, color: { argb: 'FF7F7F7F' } } : BODY_FONT;
        cell.alignment = CENTERED.has(c.id) ? WRAP_CENTER : WRAP_LEFT;
        cell.border = ALL_BORDERS;
        if (x.toBeMade) cell.fill = FILLS.planned;
        else if (x.lapsed) cell.fill = FILLS.lapsed;
      });
      row.outlineLevel = Math.min(x.node?.depth ?? 1, 7);
      row.height = fitHeight(cols.map((c) => [cellText(x, c.id), WIDTHS[c.id]]));
    }
    maxOutline = Math.max(maxOutline, row.outlineLevel);
    r++;
  }
  const last = r - 1;
  ws.properties.outlineProperties = { summaryBelow: false, summaryRight: false };
  // exceljs marks a row "collapsed" when its level reaches outlineLevelRow, and LibreOffice then
  // hides it; the workbook writer strips that flag again (every group is open).
  ws.properties.outlineLevelRow = maxOutline;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(last, 1), column: cols.length } };

  const levelCol = cols.findIndex((c) => c.id === 'level') + 1;
  const statusCol = cols.findIndex((c) => c.id === 'status') + 1;
  const end = last + VALIDATION_SLACK;
  const list = (labels: string[], title: string) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${labels.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `请从列表中选择：${labels.join('、')}`,
  });
  const colLetter = (n: number) => ws.getColumn(n).letter;
  const dv = (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations;
  dv.add(`${colLetter(levelCol)}2:${colLetter(levelCol)}${end}`, list(LEVELS.map((l) => LEVEL_LABELS[l].zh), '级别'));
  dv.add(`${colLetter(statusCol)}2:${colLetter(statusCol)}${end}`, list(STATUSES.map((s) => STATUS_LABELS[s].zh), '状态'));

  printA4Landscape(ws, { titleRows: '1:1', header: headerText(`${model.system.title}  标准明细表`) });
}
