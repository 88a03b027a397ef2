import type { Worksheet } from 'exceljs';
import { CAPTIONS } from '../captions.js';
import type { SubsystemNode } from '../../model/types.js';
import type { ExportModel } from '../model.js';
import { nodeLabel as boxText } from '../structure-layout.js';
import { balancedLines } from '../line-break.js';
import { ALL_BORDERS, FILLS, linesFor, put, rowHeight, THIN, TITLE_FONT, WRAP_CENTER } from './style.js';
import { headerText, printA4Landscape } from './print.js';

/**
 * The 标准体系结构图 drawn with cells: boxes are merged, bordered, filled ranges;
 * connectors are cell borders. Top-level parts stand in one row under the system
 * title; each part's sub-systems hang below it on a "comb" (a vertical trunk with a
 * branch to the middle of every child box), so the sheet prints on one A4 page.
 */
export interface GridBox {
  row: number; col: number; rows: number; cols: number;
  text: string;
  depth: number;
}
export interface GridLine {
  row: number; col: number;
  side: 'left' | 'bottom';
}
export interface GridLayout {
  widths: number[];        // column widths, index 0 = column 1
  boxes: GridBox[];
  lines: GridLine[];
  rowCount: number;
  /** depth of the deepest level shown */
  depthShown: number;
  /** true when the tree goes deeper than the picture shows */
  truncated: boolean;
}

const NARROW = 2.2;
const BOX = 17;
const GAP = 2.5;

function treeDepth(nodes: SubsystemNode[]): number {
  let d = 0;
  for (const n of nodes) d = Math.max(d, n.depth, treeDepth(n.subsystems));
  return d;
}

/** Pure layout (no exceljs), so the drawing can be tested as data. */
export function gridLayout(title: string, parts: SubsystemNode[], maxDepth = 3): GridLayout {
  const depthShown = Math.max(1, Math.min(maxDepth, treeDepth(parts)));
  const narrowPerPart = 2 * Math.max(depthShown - 1, 1);
  const perPart = narrowPerPart + 2; // narrow columns, the box column, a gap
  const widths: number[] = [GAP];
  for (let i = 0; i < parts.length; i++) {
    for (let k = 0; k < narrowPerPart; k++) widths.push(NARROW);
    widths.push(BOX, GAP);
  }
  const base = (i: number) => 2 + i * perPart; // first column of part i (1-based)
  const boxes: GridBox[] = [];
  const lines: GridLine[] = [];
  const lastCol = parts.length ? base(parts.length - 1) + narrowPerPart : 2;
  boxes.push({ row: 1, col: 2, rows: 2, cols: Math.max(lastCol - 1, 1), text: title, depth: 0 });
  if (parts.length === 0) return { widths, boxes, lines, rowCount: 2, depthShown, truncated: false };

  // The bus under the title joins the drop line of every part (at its trunk position).
  const trunkCol = (i: number) => base(i) + 1; // the trunk runs along this column's left edge
  const busRow = 3;
  if (parts.length > 1) {
    for (let c = trunkCol(0); c < trunkCol(parts.length - 1); c++) lines.push({ row: busRow, col: c, side: 'bottom' });
  }
  lines.push({ row: busRow, col: trunkCol(Math.floor((parts.length - 1) / 2)), side: 'left' });
  for (let i = 0; i < parts.length; i++) lines.push({ row: busRow + 1, col: trunkCol(i), side: 'left' });

  let truncated = false;
  let rowCount = busRow + 1;
  parts.forEach((part, i) => {
    let r = busRow + 2;
    const place = (node: SubsystemNode, depth: number, top: number): number => {
      const col = base(i) + 2 * (depth - 1);
      const cols = base(i) + narrowPerPart - col + 1;
      boxes.push({ row: top, col, rows: 2, cols, text: boxText(node), depth });
      let next = top + 2;
      if (node.subsystems.length === 0) return next;
      if (depth >= depthShown) {
        truncated = true;
        return next;
      }
      // children stack below: a spacer row, then the child's box (and its own descendants)
      const trunk = col + 1;
      const childTops: number[] = [];
      for (const child of node.subsystems) {
        childTops.push(next + 1);
        next = place(child, depth + 1, next + 1);
      }
      // the trunk runs down the trunk column's left edge to the last child's middle;
      // a branch (the bottom edge of the child's upper row) leads right to each child box
      const lastChildTop = childTops[childTops.length - 1]!;
      for (let row = top + 2; row <= lastChildTop; row++) lines.push({ row, col: trunk, side: 'left' });
      for (const t of childTops) lines.push({ row: t, col: trunk, side: 'bottom' });
      return next;
    };
    r = place(part, 1, r);
    rowCount = Math.max(rowCount, r - 1);
  });
  return { widths, boxes, lines, rowCount, depthShown, truncated };
}

export function writeStructureSheet(ws: Worksheet, model: ExportModel): void {
  const layout = gridLayout(model.system.title, model.tree);
  ws.columns = layout.widths.map((width) => ({ width }));
  const heights = new Map<number, number>();
  // each box's text broken beforehand, between words and evenly (Excel would cut "…服务标/准")
  const texts = new Map<(typeof layout.boxes)[number], string>();
  for (const b of layout.boxes) {
    const width = layout.widths.slice(b.col - 1, b.col - 1 + b.cols).reduce((a, w) => a + w, 0);
    const usable = b.depth === 0 ? width / 1.4 : width;
    // linesFor's measure: (width × 7 + 1) / 6.7 units a line, two units a CJK character; one unit of padding
    const text = balancedLines(b.text, Math.max(1, ((usable * 7 + 1) / 6.7 - 1) / 2)).join('\n');
    texts.set(b, text);
    const lines = linesFor(text, usable);
    const each = Math.max(15, Math.ceil((lines * (b.depth === 0 ? 19 : 13.5) + 6) / b.rows));
    for (let k = 0; k < b.rows; k++) heights.set(b.row + k, Math.max(heights.get(b.row + k) ?? 0, each));
  }
  for (let r = 1; r <= layout.rowCount; r++) ws.getRow(r).height = rowHeight(heights.get(r) ?? 9);

  for (const l of layout.lines) {
    const cell = ws.getCell(l.row, l.col);
    cell.border = { ...cell.border, [l.side]: THIN };
  }
  for (const b of layout.boxes) {
    ws.mergeCells(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1);
    for (let r = b.row; r < b.row + b.rows; r++) {
      for (let c = b.col; c < b.col + b.cols; c++) {
        const cell = ws.getCell(r, c);
        cell.border = ALL_BORDERS;
        cell.fill = b.depth <= 1 ? FILLS.boxTop : FILLS.box;
      }
    }
    const master = ws.getCell(b.row, b.col);
    put(master, texts.get(b)!);
    master.alignment = WRAP_CENTER;
    master.font = b.depth === 0 ? TITLE_FONT : { name: b.depth === 1 ? '黑体' : '宋体', size: 10, charset: 134 };
  }
  let note = layout.rowCount + 2;
  if (layout.truncated) {
    put(ws.getCell(note, 2), `注：图中画到第 ${layout.depthShown} 层，更深的子体系见“明细表”。`);
    note++;
  }
  const caption = ws.getCell(note, 2);
  ws.mergeCells(note, 2, note, layout.widths.length - 1);
  put(caption, CAPTIONS.structure(model.system.title));
  caption.font = { name: '黑体', size: 10, charset: 134 };
  caption.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.views = [{ showGridLines: false }];
  printA4Landscape(ws, { onePage: true, header: headerText(`${model.system.title}  标准体系结构图`) });
}
