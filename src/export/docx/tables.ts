import { AlignmentType, HeightRule, Table, TableLayoutType, TableRow, WidthType, type TableCell } from 'docx';
import type { Rollup } from '../../coverage/types.js';
import { STATUS_LABELS } from '../../model/types.js';
import type { ColumnId } from '../columns.js';
import { coverageLines, ROLLUP_HEADERS, rollupValues } from '../coverage-view.js';
import { cellText, type ExportModel, type ExportRow } from '../model.js';
import { LEVEL_KEY_LABELS, type Count } from '../stats.js';
import { balancedLines } from '../line-break.js';
import { cell, CELL_MARGINS, SHADE, SIZE, TABLE_BORDERS } from './styles.js';

/**
 * 明细表 column widths in twips for the landscape text width (14286): short columns just fit
 * "2024-01-01" and four CJK characters at 9 pt, the rest goes to the title, services and notes.
 */
const DETAIL_SHARE: Record<ColumnId, number> = {
  seq: 500, code: 850, subsystem: 1000, number: 1650, title: 2150, level: 900, status: 900,
  published: 1050, effective: 1050, department: 1000, services: 1550, note: 1686,
};
const CENTERED: ReadonlySet<ColumnId> = new Set(['seq', 'code', 'level', 'status', 'published', 'effective']);

function widths(shares: number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const out = shares.map((s) => Math.floor((s / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

function table(rows: TableRow[], columnWidths: number[], textWidth?: number): Table {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    columnWidths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    // tables narrower than the text are centred under their centred captions
    alignment: textWidth && total < textWidth - 10 ? AlignmentType.CENTER : undefined,
  });
}

/**
 * Every row at least 16 pt: a one-line row (12 pt line, 1.5 pt cell margins above and below) is
 * then exactly this tall in Word and in LibreOffice, which count the borders differently; a
 * 30-row table otherwise came out one line taller in LibreOffice, enough to move its note.
 */
const ROW_MIN = { value: 320, rule: HeightRule.ATLEAST };

/**
 * A table of at most this many body rows is kept on one page (keep-with-next on every row but the
 * last). Only small ones: a table near a page tall, kept whole, is laid out differently by Word and
 * LibreOffice (one moves it to the next page, the other splits it), and the 目次 numbers drift.
 */
const KEEP_WHOLE = 12;

/**
 * Whether body row `i` of `n` keeps with the next: every row of a short table, so it is not split
 * over two pages; in a long one the first two rows, so a caption and header never end a page with
 * one row under them, and the second-last row, so its 合计 never stands alone on a page.
 */
function keepAt(i: number, n: number): boolean {
  return n <= KEEP_WHOLE ? i < n - 1 : i < 2 || i === n - 2;
}

/**
 * The table's 注 as its last row, one cell across all columns (as GB/T 1.1 puts a table note inside
 * the table's frame): a paragraph after a table can be left alone at the top of a page, while rows
 * keep with each other in Word and LibreOffice alike. The row before it keeps with it.
 */
export function noteRow(text: string, columns: number): TableRow {
  return new TableRow({ cantSplit: true, children: [cell(text, { columnSpan: columns })] });
}

/** A column label in the lines it fits in (its cell's width less margins, 小五 = 180 twips an em), broken between words. */
function headLabel(label: string, width: number): string {
  return balancedLines(label, (width - CELL_MARGINS.left - CELL_MARGINS.right) / (SIZE.小五 * 10)).join('\n');
}

function headerRow(labels: string[], ws: number[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, height: ROW_MIN, children: labels.map((l, i) => cell(headLabel(l, ws[i]!), { head: true, shade: SHADE.head, width: ws[i] })) });
}

function rowShade(r: ExportRow): string | undefined {
  return r.toBeMade ? SHADE.planned : r.lapsed ? SHADE.lapsed : undefined;
}

/**
 * 标准明细表: the header repeats on every page (w:tblHeader); each sub-system opens with a
 * merged line across all columns (gridSpan), and its 子体系名称 cells are merged down
 * its rows (vMerge).
 */
export function detailTable(model: ExportModel, textWidth: number, note?: string): Table {
  const cols = model.columns;
  const ws = widths(cols.map((c) => DETAIL_SHARE[c.id]), textWidth);
  const rows: TableRow[] = [headerRow(cols.map((c) => c.label), ws)];
  const last = model.detail.at(-1);
  for (const item of model.detail) {
    if (item.kind === 'group') {
      const g = item.group;
      const label = `${g.code} ${g.title}`.trim() + `（共 ${g.subtreeRows} 项）`;
      rows.push(new TableRow({
        cantSplit: true,
        children: [cell(`${'　'.repeat(Math.max(g.depth - 1, 0))}${label}`, { columnSpan: cols.length, shade: g.depth <= 1 ? SHADE.group1 : SHADE.group, bold: true, keepNext: true })],
      }));
      continue;
    }
    const r = item.row;
    const children: TableCell[] = [];
    cols.forEach((c, i) => {
      if (c.id === 'subsystem') {
        // merged down the node's rows: only the first row writes the cell
        const siblings = r.node ? r.node.standards.length : 1;
        const isFirst = r.node ? r.node.standards[0] === r.entry : true;
        if (!isFirst) return;
        children.push(cell(r.subsystemTitle, { rowSpan: siblings > 1 ? siblings : undefined, width: ws[i] }));
        return;
      }
      // the last row keeps with the note under the table, which is never alone on a page
      children.push(cell(cellText(r, c.id), { center: CENTERED.has(c.id), shade: rowShade(r), strike: r.lapsed, width: ws[i], keepNext: (note !== undefined && item === last) || undefined }));
    });
    rows.push(new TableRow({ cantSplit: true, children }));
  }
  if (note) rows.push(noteRow(note, cols.length));
  return table(rows, ws);
}

function pct(c: Count): string {
  return c.pct === null ? '—' : c.pct.toFixed(1);
}

/** 统计表 (by level): 标准类别 | 应有数 | 现有数 | 现有数÷应有数（%）. */
export function levelTable(model: ExportModel, textWidth: number): Table {
  const ws = widths([4, 2, 2, 3], Math.min(textWidth, 9000));
  const s = model.stats;
  const rows = [headerRow(['标准类别', '应有数（项）', '现有数（项）', '现有数÷应有数（%）'], ws)];
  const n = s.byLevel.length + 1;
  s.byLevel.forEach((l, i) => {
    const keepNext = keepAt(i, n);
    rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: [cell(LEVEL_KEY_LABELS[l.level].zh, { keepNext }), cell(String(l.expected), { center: true, keepNext }), cell(String(l.existing), { center: true, keepNext }), cell(pct(l), { center: true, keepNext })] }));
  });
  rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: [cell('合计', { bold: true, shade: SHADE.group1 }), cell(String(s.total.expected), { center: true, bold: true, shade: SHADE.group1 }), cell(String(s.total.existing), { center: true, bold: true, shade: SHADE.group1 }), cell(pct(s.total), { center: true, bold: true, shade: SHADE.group1 })] }));
  return table(rows, ws, textWidth);
}

/** Sub-system × level: 应有 / 现有 per level, totals per row and a 合计 line. */
export function matrixTable(model: ExportModel, textWidth: number, note?: string): Table {
  const s = model.stats;
  const ws = widths([9, ...s.levels.flatMap(() => [2, 2]), 2, 2, 3], textWidth);
  const head1 = new TableRow({
    tableHeader: true, cantSplit: true, height: ROW_MIN,
    children: [
      cell('子体系', { head: true, shade: SHADE.head, rowSpan: 2 }),
      ...s.levels.map((l) => cell(LEVEL_KEY_LABELS[l].zh, { head: true, shade: SHADE.head, columnSpan: 2 })),
      cell('合计', { head: true, shade: SHADE.head, columnSpan: 3 }),
    ],
  });
  const head2 = new TableRow({
    tableHeader: true, cantSplit: true, height: ROW_MIN,
    children: [...s.levels.flatMap(() => ['应有', '现有']), '应有', '现有', '%'].map((t) => cell(t, { head: true, shade: SHADE.head })),
  });
  const rows = [head1, head2];
  const n = s.matrix.length + 1;
  s.matrix.forEach((m, i) => {
    const bold = m.depth === 1;
    const o = { center: true, bold, keepNext: keepAt(i, n) };
    rows.push(new TableRow({
      cantSplit: true, height: ROW_MIN,
      children: [
        cell(`${'　'.repeat(m.depth - 1)}${m.code} ${m.title}`.trimEnd(), { bold, keepNext: o.keepNext }),
        ...s.levels.flatMap((l) => [cell(String(m.byLevel[l].expected), o), cell(String(m.byLevel[l].existing), o)]),
        cell(String(m.total.expected), o), cell(String(m.total.existing), o), cell(pct(m.total), o),
      ],
    }));
  });
  // the 合计 row keeps with the note under the table (统计口径), which is never alone on a page
  const sh = { center: true, bold: true, shade: SHADE.group1, keepNext: true };
  rows.push(new TableRow({
    cantSplit: true, height: ROW_MIN,
    children: [
      cell('合计', { bold: true, shade: SHADE.group1, keepNext: true }),
      ...s.byLevel.flatMap((l) => [cell(String(l.expected), sh), cell(String(l.existing), sh)]),
      cell(String(s.total.expected), sh), cell(String(s.total.existing), sh), cell(pct(s.total), sh),
    ],
  }));
  if (note) rows.push(noteRow(note, ws.length));
  return table(rows, ws);
}

export function statusTable(model: ExportModel, textWidth: number): Table {
  const ws = widths([3, 2], Math.min(textWidth, 5000));
  const rows = [headerRow(['状态', '数量（项）'], ws)];
  const n = model.stats.byStatus.length + 1;
  model.stats.byStatus.forEach((s, i) => {
    const keepNext = keepAt(i, n);
    rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: [cell(STATUS_LABELS[s.status].zh, { keepNext }), cell(String(s.count), { center: true, keepNext })] }));
  });
  // every row of the 明细表 has a status, 被代替 and 废止 included: the 合计 is all of them (not 应有数)
  const all = model.stats.byStatus.reduce((a, s) => a + s.count, 0);
  rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: [cell('合计', { bold: true, shade: SHADE.group1 }), cell(String(all), { center: true, bold: true, shade: SHADE.group1 })] }));
  return table(rows, ws, textWidth);
}


/** 事项数 … 覆盖率 as text, the rate with one decimal. */
function rollupText(r: Rollup): string[] {
  return rollupValues(r).map((v, i) => (i === 5 && typeof v === 'number' ? v.toFixed(1) : String(v)));
}

/** Coverage roll-up: one line per project (or sub-system) and the totals. */
export function rollupTable(model: ExportModel, by: 'project' | 'subsystem', textWidth: number): Table | undefined {
  const report = model.coverage;
  if (!report) return undefined;
  const ws = widths([2, 7, 2, 2, 2, 2, 2, 2], textWidth);
  const rows = [headerRow([by === 'project' ? '项目编号' : '编号', by === 'project' ? '服务项目' : '子体系', ...ROLLUP_HEADERS], ws)];
  const list = by === 'project' ? report.byProject : report.bySubsystem;
  list.forEach((r, i) => {
    const values = rollupText(r);
    const shade = by === 'project' && r.items > 0 && r.covered === 0 ? SHADE.uncovered : undefined;
    const keepNext = keepAt(i, list.length + 1);
    rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: [cell(r.key, { center: true, shade, keepNext }), cell(r.name, { shade, keepNext }), ...values.map((v) => cell(v, { center: true, shade, keepNext }))] }));
  });
  const t = report.totals;
  const tv = rollupText(t);
  rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: [cell('合计', { bold: true, shade: SHADE.group1, columnSpan: 2 }), ...tv.map((v) => cell(v, { center: true, bold: true, shade: SHADE.group1 }))] }));
  return table(rows, ws);
}

/** The gaps: items no standard in force serves (未覆盖, 仅有规划, 仅有失效标准). */
export function gapTable(model: ExportModel, textWidth: number): Table | undefined {
  const report = model.coverage;
  if (!report) return undefined;
  // long lists of standards are shortened as in the workbook (limits.ts), naming the 明细表 column that has them all
  const gaps = coverageLines(report, { servicesLabel: model.columns.find((c) => c.id === 'services')?.label }).filter((l) => l.state !== 'covered');
  if (!gaps.length) return undefined;
  const ws = widths([1900, 900, 2300, 1000, 3254], textWidth);
  const rows = [headerRow(['服务项目', '事项编号', '服务事项', '覆盖情况', '已规划或失效的标准'], ws)];
  gaps.forEach((g, i) => {
    const shade = g.state === 'uncovered' ? SHADE.uncovered : g.state === 'planned' ? SHADE.planned : SHADE.lapsed;
    const keepNext = keepAt(i, gaps.length);
    rows.push(new TableRow({
      cantSplit: true, height: ROW_MIN,
      children: [cell(`${g.projectId} ${g.projectName}`.trim(), { keepNext }), cell(g.itemId, { center: true, keepNext }), cell(g.itemName + (g.note ? `（${g.note}）` : ''), { keepNext }), cell(g.stateLabel, { center: true, shade, keepNext }), cell(g.standards, { keepNext })],
    }));
  });
  return table(rows, ws);
}

/** 制修订计划: the rows still to be made, in tree order. */
export function planTable(model: ExportModel, textWidth: number): Table | undefined {
  if (!model.plan.length) return undefined;
  // 计划完成时间 / 承担单位 / 经费 columns only when some planned row states them (no empty columns)
  const withPlan = model.plan.some((r) => r.entry.due || r.entry.undertaker || r.entry.funding);
  const ws = withPlan
    ? widths([450, 800, 2300, 700, 650, 900, 1300, 800, 900, 554], textWidth)
    : widths([500, 900, 2900, 900, 800, 1100, 2254], textWidth);
  const head = ['序号', '体系表编号', '标准名称', '宜定级别', '状态', '归口部门', '对应服务事项'];
  const rows = [headerRow(withPlan ? [...head, '计划完成时间', '承担单位', '经费'] : head, ws)];
  model.plan.forEach((r, i) => {
    const keepNext = keepAt(i, model.plan.length);
    const c = { keepNext };
    const m = { center: true, keepNext };
    const cells = [cell(String(i + 1), m), cell(r.code, m), cell(r.title, c), cell(r.levelLabel, m), cell(r.statusLabel, m), cell(r.department, c), cell(r.servicesText, c)];
    if (withPlan) cells.push(cell(r.entry.due ?? '', m), cell(r.entry.undertaker ?? '', c), cell(r.entry.funding ?? '', c));
    rows.push(new TableRow({ cantSplit: true, height: ROW_MIN, children: cells }));
  });
  return table(rows, ws);
}
