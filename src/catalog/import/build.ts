import { cleanCell, ImportError, type Grid } from './grid.js';
import { FIELD_LABELS, mapHeader, type Field, type HeaderMap } from './headers.js';

export interface ImportedItem {
  id: string;
  name: string;
  row: number;
  target?: string;
  basis?: string;
}

export interface ImportedProject {
  id: string;
  name: string;
  area?: string;
  row: number;
  items: ImportedItem[];
}

/** Something the reader skipped or decided, with the sheet row it concerns. */
export interface ImportNote {
  row: number;
  kind: 'unreadable' | 'duplicate' | 'heading' | 'remark' | 'total' | 'merged-project';
  text: { zh: string; en: string };
}

export interface ImportResult {
  sheet: string;
  header: HeaderMap;
  /** the text above the header (a title row), used as the catalog title by default */
  title?: string;
  projects: ImportedProject[];
  notes: ImportNote[];
  blankRows: number;
}

const FULLWIDTH_DIGITS = /[０-９]/g;
/** "１２"、"12."、"（12）" → 12; undefined for text that is not a sequence number. */
export function seqNumber(s: string): number | undefined {
  const t = s.replace(FULLWIDTH_DIGITS, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[．。.、)）(（\s]/g, '');
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** "一、劳有所得" / "（二）就业" / "1. 就业信息服务" → the name without its list numbering. */
export function stripNumbering(s: string): string {
  return s.replace(/^\s*(?:[（(]?[一二三四五六七八九十百]+[)）、.．]|[（(]\d+[)）]|\d+[、.．)）](?!\d))\s*/, '').trim();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Find the header (first row of the first ten with two recognised headers) in the grid. */
export function findHeader(grid: Grid): HeaderMap | null {
  for (const r of grid.rows.slice(0, 10)) {
    const h = mapHeader(r.cells, r.n);
    if (h) return h;
  }
  return null;
}

/**
 * Turn a sheet of the usual official layout into projects and items. Merged
 * (or blank) 服务项目 cells carry the project down; blank rows are skipped and
 * counted; section headings (一、劳有所得) set the area; rows that cannot be read
 * are kept as notes with their row numbers, never dropped silently.
 */
export function buildFromGrid(grid: Grid): ImportResult {
  const header = findHeader(grid);
  if (!header) {
    throw new ImportError(
      { zh: `工作表 “${grid.sheet}” 的前 10 行中找不到表头（至少需要两个可识别的列名，如 序号、服务项目、服务事项）`, en: `no header in the first 10 rows of sheet "${grid.sheet}" (need two recognised column names such as 序号, 服务项目, 服务事项)` },
      { zh: '列名示例：序号、服务项目、服务事项、服务对象、执行标准/规范性文件', en: 'column names like 序号, 服务项目, 服务事项, 服务对象, 执行标准/规范性文件' },
    );
  }
  const col = header.columns;
  if (col.project === undefined) {
    throw new ImportError(
      { zh: `第 ${header.row} 行的表头中没有 “服务项目” 列（识别到：${header.recognised.map((r) => r.text).join('、')}）`, en: `the header on row ${header.row} has no 服务项目 (project) column (found: ${header.recognised.map((r) => r.text).join(', ')})` },
      { zh: '服务事项要归到服务项目下；请在表中加入 服务项目 列', en: 'items belong to projects; add a 服务项目 column' },
    );
  }
  const get = (cells: string[], f: Field) => (col[f] === undefined ? '' : cleanCell(cells[col[f]!] ?? ''));

  const above = grid.rows.filter((r) => r.n < header.row).map((r) => [...new Set(r.cells.map(cleanCell).filter(Boolean))]).find((c) => c.length === 1);
  const result: ImportResult = { sheet: grid.sheet, header, title: above?.[0], projects: [], notes: [], blankRows: 0 };
  const byName = new Map<string, ImportedProject>();
  const usedItemIds = new Set<string>();
  const usedProjectIds = new Set<string>();
  let current: ImportedProject | undefined;
  let area: string | undefined;
  let lastProjectCell = '';

  for (const { n, cells } of grid.rows) {
    if (n <= header.row) continue;
    const texts = cells.map(cleanCell);
    const filled = texts.filter(Boolean);
    if (!filled.length) {
      result.blankRows++;
      continue;
    }
    const distinct = [...new Set(filled)];
    const seqText = get(cells, 'seq');
    const first = distinct[0]!;
    // Remarks and totals at the foot of official tables.
    if (/^(注|备注|说明)\s*[:：\d１-９]/.test(first) && distinct.length === 1) {
      result.notes.push({ row: n, kind: 'remark', text: { zh: `备注行，未导入：${first}`, en: `remark row, not imported: ${first}` } });
      continue;
    }
    if (/^(合计|总计|小计|共计)/.test(seqText || first)) {
      result.notes.push({ row: n, kind: 'total', text: { zh: `合计行，未导入：${filled.join(' ')}`, en: `total row, not imported: ${filled.join(' ')}` } });
      continue;
    }
    // A heading spanning the row (merged across, or written in the first cell only): 一、劳有所得.
    const item = stripNumbering(get(cells, 'item'));
    const projectCell = get(cells, 'project');
    const isHeading = distinct.length === 1 && seqNumber(first) === undefined &&
      (filled.length >= 2 || (texts.findIndex(Boolean) === (col.seq ?? 0) && !item && !projectCell));
    if (isHeading && col.area === undefined) {
      area = stripNumbering(first);
      result.notes.push({ row: n, kind: 'heading', text: { zh: `分组标题，作为其下项目的领域：${area}`, en: `section heading, used as the area of the projects below: ${area}` } });
      continue;
    }
    const rowArea = get(cells, 'area') || area;
    let project = current;
    if (projectCell && projectCell !== lastProjectCell) {
      const name = stripNumbering(projectCell);
      const existing = byName.get(name);
      if (existing) {
        project = existing;
        if (existing !== current) {
          result.notes.push({ row: n, kind: 'merged-project', text: { zh: `项目 “${name}” 在第 ${existing.row} 行已出现，本行事项并入该项目`, en: `project "${name}" already appeared on row ${existing.row}; this row's item joins it` } });
        }
      } else {
        let id = get(cells, 'projectId') || `P${pad2(result.projects.length + 1)}`;
        if (usedProjectIds.has(id)) {
          result.notes.push({ row: n, kind: 'duplicate', text: { zh: `项目编号 ${id} 重复，改用自动编号`, en: `duplicate project id ${id}; numbered automatically instead` } });
          id = `P${pad2(result.projects.length + 1)}`;
        }
        usedProjectIds.add(id);
        project = { id, name, area: rowArea || undefined, row: n, items: [] };
        byName.set(name, project);
        result.projects.push(project);
      }
      lastProjectCell = projectCell;
    }
    current = project;
    if (!item) {
      // A project row with no item is a project that lists none; anything else is unreadable.
      if (projectCell && project && project.row === n) continue;
      result.notes.push({
        row: n,
        kind: 'unreadable',
        text: { zh: `没有服务事项，无法导入：${filled.join(' | ')}`, en: `no item on this row, not imported: ${filled.join(' | ')}` },
      });
      continue;
    }
    if (!project) {
      result.notes.push({ row: n, kind: 'unreadable', text: { zh: `事项 “${item}” 前面没有服务项目，无法导入`, en: `item "${item}" has no project above it, not imported` } });
      continue;
    }
    if (project.items.some((i) => i.name === item)) {
      const firstRow = project.items.find((i) => i.name === item)!.row;
      result.notes.push({ row: n, kind: 'duplicate', text: { zh: `事项 “${item}” 与第 ${firstRow} 行重复，未重复导入`, en: `item "${item}" repeats row ${firstRow}; imported once` } });
      continue;
    }
    let id = get(cells, 'itemId') || `${project.id}-${pad2(project.items.length + 1)}`;
    if (usedItemIds.has(id)) {
      result.notes.push({ row: n, kind: 'duplicate', text: { zh: `事项编号 ${id} 重复，改用自动编号`, en: `duplicate item id ${id}; numbered automatically instead` } });
      id = `${project.id}-${pad2(project.items.length + 1)}`;
    }
    usedItemIds.add(id);
    project.items.push({ id, name: item, row: n, target: get(cells, 'target') || undefined, basis: get(cells, 'basis') || undefined });
  }
  return result;
}

export function describeHeader(h: HeaderMap, lang: 'zh' | 'en'): string[] {
  const out = h.recognised.map((r) => (lang === 'zh' ? `  “${r.text}” → ${FIELD_LABELS[r.field].zh}` : `  "${r.text}" → ${FIELD_LABELS[r.field].en}`));
  for (const i of h.ignored) out.push(lang === 'zh' ? `  “${i.text}” → 未使用` : `  "${i.text}" → not used`);
  return out;
}
