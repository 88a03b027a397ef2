import { AlignmentType, Table, TableLayoutType, TableRow, WidthType, type TableCell } from 'docx';
import type { Rollup } from '../../coverage/types.js';
import { STATUS_LABELS } from '../../model/types.js';
import type { ColumnId } from '../columns.js';
import { coverageLines, ROLLUP_HEADERS, rollupValues } from '../coverage-view.js';
import { cellText, type ExportModel, type ExportRow } from '../model.js';
import { LEVEL_KEY_LABELS, type Count } from '../stats.js';
import { cell, CELL_MARGINS, SHADE, TABLE_BORDERS } from './styles.js';

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

function headerRow(labels: string[], ws: number[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: labels.map((l, i) => cell(l, { head: true, shade: SHADE.head, width: ws[i] })) });
}

function rowShade(r: ExportRow): string | undefined {
  return r.toBeMade ? SHADE.planned : r.lapsed ? SHADE.lapsed : undefined;
}

/**
 * 标准明细表: the header repeats on every page (w:tblHeader); each sub-system opens with a
 * merged line across all columns (gridSpan), and its 子体系名称 cells are merged down
 * its rows (vMerge).
 */
export function detailTable(model: ExportModel, textWidth: number): Table {
  const cols = model.columns;
  const ws = widths(cols.map((c) => DETAIL_SHARE[c.id]), textWidth);
  const rows: TableRow[] = [headerRow(cols.map((c) => c.label), ws)];
  for (const item of model.detail) {
    if (item.kind === 'group') {
      const g = item.group;
      const label = `${g.code} ${g.title}`.trim() + `（共 ${g.subtreeRows} 项）`;
      rows.push(new TableRow({
        cantSplit: true,
        children: [cell(`${'　'.repeat(Math.max(g.depth - 1, 0))}${label}`, { columnSpan: cols.length, shade: g.depth <= 1 ? SHADE.group1 : SHADE.group, bold: true })],
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
      children.push(cell(cellText(r, c.id), { center: CENTERED.has(c.id), shade: rowShade(r), strike: r.lapsed, width: ws[i] }));
    });
    rows.push(new TableRow({ cantSplit: true, children }));
  }
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
  for (const l of s.byLevel) rows.push(new TableRow({ cantSplit: true, children: [cell(LEVEL_KEY_LABELS[l.level].zh), cell(String(l.expected), { center: true }), cell(String(l.existing), { center: true }), cell(pct(l), { center: true })] }));
  rows.push(new TableRow({ cantSplit: true, children: [cell('合计', { bold: true, shade: SHADE.group1 }), cell(String(s.total.expected), { center: true, bold: true, shade: SHADE.group1 }), cell(String(s.total.existing), { center: true, bold: true, shade: SHADE.group1 }), cell(pct(s.total), { center: true, bold: true, shade: SHADE.group1 })] }));
  return table(rows, ws, textWidth);
}

/** Sub-system × level: 应有 / 现有 per level, totals per row and a 合计 line. */
export function matrixTable(model: ExportModel, textWidth: number): Table {
  const s = model.stats;
  const ws = widths([9, ...s.levels.flatMap(() => [2, 2]), 2, 2, 3], textWidth);
  const head1 = new TableRow({
    tableHeader: true, cantSplit: true,
    children: [
      cell('子体系', { head: true, shade: SHADE.head, rowSpan: 2 }),
      ...s.levels.map((l) => cell(LEVEL_KEY_LABELS[l].zh, { head: true, shade: SHADE.head, columnSpan: 2 })),
      cell('合计', { head: true, shade: SHADE.head, columnSpan: 3 }),
    ],
  });
  const head2 = new TableRow({
    tableHeader: true, cantSplit: true,
    children: [...s.levels.flatMap(() => ['应有', '现有']), '应有', '现有', '%'].map((t) => cell(t, { head: true, shade: SHADE.head })),
  });
  const rows = [head1, head2];
  for (const m of s.matrix) {
    const bold = m.depth === 1;
    rows.push(new TableRow({
      cantSplit: true,
      children: [
        cell(`${'　'.repeat(m.depth - 1)}${m.code} ${m.title}`.trimEnd(), { bold }),
        ...s.levels.flatMap((l) => [cell(String(m.byLevel[l].expected), { center: true, bold }), cell(String(m.byLevel[l].existing), { center: true, bold })]),
        cell(String(m.total.expected), { center: true, bold }), cell(String(m.total.existing), { center: true, bold }), cell(pct(m.total), { center: true, bold }),
      ],
    }));
  }
  const sh = { center: true, bold: true, shade: SHADE.group1 };
  rows.push(new TableRow({
    cantSplit: true,
    children: [
      cell('合计', { bold: true, shade: SHADE.group1 }),
      ...s.byLevel.flatMap((l) => [cell(String(l.expected), sh), cell(String(l.existing), sh)]),
      cell(String(s.total.expected), sh), cell(String(s.total.existing), sh), cell(pct(s.total), sh),
    ],
  }));
  return table(rows, ws);
}

export function statusTable(model: ExportModel, textWidth: number): Table {
  const ws = widths([3, 2], Math.min(textWidth, 5000));
  const rows = [headerRow(['状态', '数量（项）'], ws)];
  for (const s of model.stats.byStatus) rows.push(new TableRow({ cantSplit: true, children: [cell(STATUS_LABELS[s.status].zh), cell(String(s.count), { center: true })] }));
  rows.push(new TableRow({ cantSplit: true, children: [cell('合计', { bold: true, shade: SHADE.group1 }), cell(String(model.stats.total.expected), { center: true, bold: true, shade: SHADE.group1 })] }));
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
  for (const r of list) {
    const values = rollupText(r);
    const shade = by === 'project' && r.items > 0 && r.covered === 0 ? SHADE.uncovered : undefined;
    rows.push(new TableRow({ cantSplit: true, children: [cell(r.key, { center: true, shade }), cell(r.name, { shade }), ...values.map((v) => cell(v, { center: true, shade }))] }));
  }
  const t = report.totals;
  const tv = rollupText(t);
  rows.push(new TableRow({ cantSplit: true, children: [cell('合计', { bold: true, shade: SHADE.group1, columnSpan: 2 }), ...tv.map((v) => cell(v, { center: true, bold: true, shade: SHADE.group1 }))] }));
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
  for (const g of gaps) {
    const shade = g.state === 'uncovered' ? SHADE.uncovered : g.state === 'planned' ? SHADE.planned : SHADE.lapsed;
    rows.push(new TableRow({
      cantSplit: true,
      children: [cell(`${g.projectId} ${g.projectName}`.trim()), cell(g.itemId, { center: true }), cell(g.itemName + (g.note ? `（${g.note}）` : '')), cell(g.stateLabel, { center: true, shade }), cell(g.standards)],
    }));
  }
  return table(rows, ws);
}

/** 制修订计划: the rows still to be made, in tree order. */
export function planTable(model: ExportModel, textWidth: number): Table | undefined {
  if (!model.plan.length) return undefined;
  const ws = widths([500, 900, 2900, 900, 800, 1100, 2254], textWidth);
  const rows = [headerRow(['序号', '体系表编号', '标准名称', '宜定级别', '状态', '归口部门', '对应服务事项'], ws)];
  model.plan.forEach((r, i) => {
    rows.push(new TableRow({
      cantSplit: true,
      children: [cell(String(i + 1), { center: true }), cell(r.code, { center: true }), cell(r.title), cell(r.levelLabel, { center: true }), cell(r.statusLabel, { center: true }), cell(r.department), cell(r.servicesText)],
    }));
  });
  return table(rows, ws);
}
