import { balancedLines } from '../line-break.js';
import type { Style, Worksheet } from 'exceljs';
import { LEVEL_LABELS, LEVELS, STATUS_LABELS, STATUSES } from '../../model/types.js';
import type { ColumnId } from '../columns.js';
import { cellText, type ExportModel } from '../model.js';
import { ALL_BORDERS, BODY_FONT, FILLS, HEAD_FONT, LAPSED_FONT, linesFor, rowHeight, sharedStyle, WRAP_CENTER, WRAP_LEFT, wrapLeftIndent } from './style.js';
import { setRawRows, SheetRows } from './raw-rows.js';
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
  return heightFor(lines, lineHeight);
}

/** The row height of fitHeight for a number of lines, at most Excel's 409 points (the cell then scrolls). */
export function heightFor(lines: number, lineHeight = 13.5): number {
  return rowHeight(Math.max(18, lines * lineHeight + 4));
}

/** 明细表: one header row, then a group line per sub-system followed by its rows, in tree order. */
export function writeDetailSheet(ws: Worksheet, model: ExportModel): void {
  const cols = model.columns;
  ws.columns = cols.map((c) => ({ key: c.id, width: WIDTHS[c.id] }));
  // the rows are data for the workbook writer (raw-rows.ts): exceljs cells cost too much at 10,000 rows
  const rows = new SheetRows(1);
  const headStyle = sharedStyle({ font: HEAD_FONT, fill: FILLS.header, alignment: WRAP_CENTER, border: ALL_BORDERS });
  // a label wider than its column in lines broken between words (标准体系 / 表编号, not 标准体系表编 / 号);
  // import reads headers without their blanks and breaks, so the round trip is unchanged
  const labels = cols.map((c) => balancedLines(c.label, Math.max(1, ((WIDTHS[c.id] * 7 + 1) / 6.7 - 1) / 2)).join('\n'));
  rows.add(labels, cols.map(() => headStyle), Math.max(24, fitHeight(cols.map((c, i) => [labels[i]!, WIDTHS[c.id]]))), 0);

  const alignments = cols.map((c) => (CENTERED.has(c.id) ? WRAP_CENTER : WRAP_LEFT));
  const lookStyles = new Map<string, Partial<Style>[]>();
  let maxOutline = 0;
  for (const item of model.detail) {
    let outlineLevel: number;
    if (item.kind === 'group') {
      const g = item.group;
      const fill = g.depth <= 1 ? FILLS.group1 : FILLS.group;
      outlineLevel = Math.min(g.depth - 1, 7);
      rows.add(
        cols.map((c) => (c.id === 'code' ? g.code : c.id === 'subsystem' ? g.title : c.id === 'title' ? `（本子体系共 ${g.subtreeRows} 项）` : null)),
        cols.map((c) => sharedStyle({ font: HEAD_FONT, fill, alignment: c.id === 'subsystem' ? wrapLeftIndent(Math.min(g.depth - 1, 4)) : WRAP_LEFT, border: ALL_BORDERS })),
        fitHeight([[g.title, WIDTHS.subsystem - 1 - Math.min(g.depth - 1, 4) * 1.5], [g.code, WIDTHS.code]]),
        outlineLevel,
      );
    } else {
      const x = item.row;
      // one style per column for each look of a row (plain, to be made, lapsed)
      const look = x.toBeMade ? (x.lapsed ? 'planned-lapsed' : 'planned') : x.lapsed ? 'lapsed' : 'plain';
      let styles = lookStyles.get(look);
      if (!styles) {
        const font = x.lapsed ? LAPSED_FONT : BODY_FONT;
        const fill = x.toBeMade ? FILLS.planned : x.lapsed ? FILLS.lapsed : undefined;
        lookStyles.set(look, (styles = alignments.map((alignment) => sharedStyle({ font, alignment, border: ALL_BORDERS, fill }))));
      }
      let lines = 1;
      const values: (string | number)[] = [];
      for (const c of cols) {
        const text = cellText(x, c.id);
        values.push(c.id === 'seq' ? x.seq : text);
        lines = Math.max(lines, linesFor(text, WIDTHS[c.id]));
      }
      outlineLevel = Math.min(x.node?.depth ?? 1, 7);
      rows.add(values, styles, heightFor(lines), outlineLevel);
    }
    maxOutline = Math.max(maxOutline, outlineLevel);
  }
  setRawRows(ws, rows);
  const last = rows.rows.length;
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
