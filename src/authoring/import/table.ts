import type { Text } from '../../i18n/index.js';
import type { Level, Status } from '../../model/types.js';
import { headerField, NEEDED_HEADERS, normalizeHeader, type Field } from './headers.js';
import type { Grid, GridCell } from './sheet.js';
import { halfWidth, isBlank, mapDate, mapLevel, mapNumber, mapStatus, numberPlaceholder } from './values.js';

/** A standard row as it will be written to YAML (keys in the format's order). */
export interface OutStandard {
  code?: string;
  number?: string;
  title: string;
  level?: Level;
  status?: Status;
  published?: string;
  effective?: string;
  reviewed?: string;
  department?: string;
  services?: string[];
  replaces?: string[];
  replaced_by?: string;
  adopted?: { ref: string; degree?: string };
  references?: string[];
  justification?: string;
  note?: string;
}

export interface OutNode {
  code: string;
  title: string;
  subsystems: OutNode[];
  standards: OutStandard[];
}

/** A cell the importer could not map: `明细表!D7: 无法识别的级别 “省标”`. */
export interface ImportProblem {
  sheet: string;
  cell: string;
  message: Text;
}

export interface TableResult {
  /** the title found above the header row ("…标准明细表" without that suffix), if any */
  title?: string;
  subsystems: OutNode[];
  standards: OutStandard[];
  problems: ImportProblem[];
  headerRow: number;
  /** standard rows written */
  rows: number;
  /** non-empty rows read below the header */
  rowsRead: number;
}

export interface TableOptions {
  extraHeaders?: Map<string, Field>;
  /** catalog item and project names → ids, to map a services cell written with names */
  serviceNames?: Map<string, string>;
  /** known service ids (when a catalog is at hand): other id-like tokens are reported */
  serviceIds?: Set<string>;
  /** the system's title when known (from the workbook's properties): rows grouped under it sit at the root */
  rootTitle?: string;
}

/** The export's group line puts "（本子体系共 N 项）" in the title column. */
const GROUP_NOTE = /^[（(]\s*本子体系共\s*\d+\s*项\s*[)）]$/;

interface Columns {
  byField: Map<Field, number>;
  /** sub-system name columns, outermost first */
  subsystem: number[];
}

/** The header row: the first of the top 30 rows naming 标准名称 and at least two other columns. */
function findHeader(grid: Grid, extra?: Map<string, Field>): { row: number; cols: Columns } | undefined {
  const last = Math.min(grid.rowCount, 30);
  for (let r = 1; r <= last; r++) {
    const cells = grid.rows[r];
    if (!cells) continue;
    const cols: Columns = { byField: new Map(), subsystem: [] };
    for (const cell of cells) {
      if (!cell || cell.mergedInto) continue;
      const f = headerField(cell.text, extra);
      if (!f) continue;
      if (f === 'subsystem') cols.subsystem.push(cell.col);
      else if (!cols.byField.has(f)) cols.byField.set(f, cell.col);
    }
    const count = cols.byField.size + (cols.subsystem.length ? 1 : 0);
    if (cols.byField.has('title') && count >= 3) {
      // A two-row header ("日期" over "发布 | 实施"): take fields named only in the row below.
      const below = grid.rows[r + 1];
      let extraRow = false;
      for (const cell of below ?? []) {
        if (!cell || cell.mergedInto) continue;
        const f = headerField(cell.text, extra);
        if (f && f !== 'subsystem' && !cols.byField.has(f) && !['title', 'number'].includes(f)) {
          cols.byField.set(f, cell.col);
          extraRow = true;
        }
      }
      return { row: extraRow ? r + 1 : r, cols };
    }
  }
  return undefined;
}

/** Enumerators that open a heading row: 一、 （二） 1. 1、 第一部分 …, with the rank they imply. */
const ENUMERATORS: [RegExp, number][] = [
  [/^第[一二三四五六七八九十百0-9０-９]+(部分|篇|章|类)[\s\u3000、.．:：]*/, 1],
  [/^[一二三四五六七八九十百]+[、.．]\s*/, 1],
  [/^[(（][一二三四五六七八九十百]+[)）]\s*/, 2],
  [/^[0-9０-９]+[、.．](?![0-9０-９])\s*/, 2],
  [/^[(（][0-9０-９]+[)）]\s*/, 3],
];

/** True when the text opens like a heading ("一、", "（二）", "1.", "第一部分"). */
export function looksLikeHeading(text: string): boolean {
  const s = tidy(text);
  return ENUMERATORS.some(([re]) => re.test(s));
}

/**
 * "101 术语与缩略语标准", "一、101 术语标准" → code and title; any other heading keeps its whole
 * text as the title ("一、基础通用标准体系", "（一）2024 年新发布") and gets a code later. A year
 * ("2024 年…") is never taken for a code.
 */
export function parseHeading(text: string): { code?: string; title: string; rank?: number } {
  const whole = tidy(text);
  let s = whole;
  let rank: number | undefined;
  for (const [re, k] of ENUMERATORS) {
    if (re.test(s)) {
      s = s.replace(re, '');
      rank = k;
      break;
    }
  }
  const m = /^([0-9０-９][0-9０-９A-Za-z]*(?:[.．\-－][0-9０-９A-Za-z]+)*)[\s\u3000]+(.+)$/.exec(s)
    ?? /^([0-9０-９]{3,}(?:[-－][0-9０-９]+)*)([^0-9０-９.\-\s].*)$/.exec(s);
  if (m) {
    const code = halfWidth(m[1]!);
    const rest = m[2]!.replace(/^[\s\u3000]+/, '');
    const isYear = /^(19|20)\d{2}$/.test(code) && /^(年|年度|版)/.test(rest);
    if (!isYear && rest) return { code, title: rest, rank };
  }
  return { title: whole, rank };
}

/** `prefix` of a node code for nesting: "100" → "1", "210" → "21", "3" → "3". */
function nestPrefix(code: string): string {
  const p = code.replace(/0+$/, '');
  return p === '' ? code : p;
}

/** True when a node with code `child` belongs under the node with code `parent` ("101" under "100"). */
export function codeNestsUnder(child: string, parent: string): boolean {
  if (child === parent) return false;
  if (child.startsWith(parent + '-') || child.startsWith(parent + '.')) return true;
  if (!/^\d+$/.test(parent) || !/^\d+$/.test(child) || child.length !== parent.length) return false;
  const p = nestPrefix(parent);
  return p.length < parent.length && child.startsWith(p);
}

export function readTable(grid: Grid, opts: TableOptions = {}): TableResult {
  const problems: ImportProblem[] = [];
  const problem = (cell: GridCell | string, zh: string, en: string) =>
    problems.push({ sheet: grid.sheet, cell: typeof cell === 'string' ? cell : cell.address, message: { zh, en } });
  const header = findHeader(grid, opts.extraHeaders);
  if (!header) {
    const seen = (grid.rows.slice(1, 31).find((cells) => (cells ?? []).filter((c) => c && c.text).length >= 2) ?? [])
      .filter((c): c is GridCell => !!c && !!c.text && !c.mergedInto).map((c) => tidy(c.text)).slice(0, 20);
    const need = `${NEEDED_HEADERS.title.slice(0, 3).join('/')} + 另两列，如 ${NEEDED_HEADERS.others.join('、')}`;
    const needEn = `${NEEDED_HEADERS.title.slice(0, 3).join('/')} + two more, e.g. ${NEEDED_HEADERS.others.join(', ')}`;
    return { subsystems: [], standards: [], problems: [{ sheet: grid.sheet, cell: 'A1', message: {
      zh: `找不到表头行：看到的表头 ${seen.length ? seen.map((h) => `“${h}”`).join(' ') : '（无）'}；需要 ${need}`,
      en: `no header row found: headers seen ${seen.length ? seen.map((h) => `"${h}"`).join(' ') : '(none)'}; needed ${needEn}`,
    } }], headerRow: 0, rows: 0, rowsRead: 0 };
  }
  const { byField, subsystem: subCols } = header.cols;
  // "类别" is a level in published lists (国家标准/行业标准) and a sub-system in others: the cells decide.
  const levelCol = byField.get('level');
  if (levelCol !== undefined && normalizeHeader(grid.rows[header.row]?.[levelCol]?.text ?? '') === '类别') {
    const values = grid.rows.slice(header.row + 1).map((cells) => cells?.[levelCol]?.text ?? '').filter((v) => v && !isBlank(v));
    if (values.filter((v) => mapLevel(v)).length * 2 < values.length) {
      byField.delete('level');
      subCols.push(levelCol);
      subCols.sort((a, b) => a - b);
    }
  }
  // A column nobody can map is reported once, at its header cell, rather than for every cell below.
  const mapped = new Set([...byField.values(), ...subCols]);
  for (const cell of grid.rows[header.row] ?? []) {
    if (!cell || cell.mergedInto || !cell.text || mapped.has(cell.col)) continue;
    problem(cell, `无法识别的列 “${cell.text}”，该列未导入`, `unrecognised column "${cell.text}"; not imported`);
  }

  // Title: the first text above the header that is not itself a header (often a merged banner row).
  let title: string | undefined;
  for (let r = 1; r < header.row && !title; r++) {
    const first = (grid.rows[r] ?? []).find((c) => c && !c.mergedInto && c.text);
    if (first && !headerField(first.text, opts.extraHeaders)) {
      // the whole title as written ("……国家标准明细表" is never cut)
      title = tidy(first.text) || undefined;
    }
  }

  const root: OutNode = { code: '', title: '', subsystems: [], standards: [] };
  const codeless: OutNode[] = [];
  /** open headings, outermost first, with the rank of their enumerator if they had one */
  let stack: { node: OutNode; rank?: number }[] = [];

  const childFor = (parent: OutNode, code: string | undefined, title: string): OutNode => {
    const found = parent.subsystems.find((n) => (code ? n.code === code : n.title === title));
    if (found) {
      if (!found.title && title) found.title = title;
      return found;
    }
    const n: OutNode = { code: code ?? '', title, subsystems: [], standards: [] };
    if (!code) codeless.push(n);
    parent.subsystems.push(n);
    return n;
  };

  /** Open a sub-system heading. `rank` (outline level or enumerator depth) decides nesting when known, else the codes. */
  const openHeading = (text: string, codeText?: string, outlineRank?: number) => {
    const h = parseHeading(text);
    const code = codeText ? halfWidth(codeText) : h.code;
    const rank = outlineRank ?? h.rank;
    if (!h.title) return;
    if (!code && opts.rootTitle && h.title === opts.rootTitle) {
      stack = []; // the export's group line for rows directly under the system
      return;
    }
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (rank !== undefined && top.rank !== undefined) {
        if (rank > top.rank) break;
      } else if (code && top.node.code && codeNestsUnder(code, top.node.code)) break;
      stack.pop();
    }
    const parent = stack.length ? stack[stack.length - 1]!.node : root;
    const node = childFor(parent, code, h.title);
    stack.push({ node, rank });
  };
  const usesOutline = grid.outline.some((l) => l > 0);

  const get = (cells: (GridCell | undefined)[], f: Field) => {
    const c = byField.get(f);
    return c === undefined ? undefined : cells[c];
  };
  /** Content text (titles, notes): only line breaks and blank runs are tidied; full-width punctuation stays. */
  const textOf = (cell: GridCell | undefined) => (cell && !isBlank(cell.text) ? tidy(cell.text) : '');

  /**
   * The node named by the sub-system columns. A title alone ("术语与缩略语标准", as the export writes
   * it under a banner row "101 术语与缩略语标准") means the open heading of that title, else the one
   * node of that title anywhere; otherwise the path is created from the root.
   */
  const placeByColumns = (path: string[], subCode: string): OutNode => {
    const last = parseHeading(path[path.length - 1]!);
    const code = subCode || last.code;
    const matches = (n: OutNode) => (code ? n.code === code : n.title === last.title);
    for (let i = stack.length - 1; i >= 0; i--) if (matches(stack[i]!.node)) return stack[i]!.node;
    const found: OutNode[] = [];
    const walk = (n: OutNode) => {
      for (const c of n.subsystems) {
        if (matches(c)) found.push(c);
        walk(c);
      }
    };
    walk(root);
    if (found.length === 1) return found[0]!;
    let parent = root;
    path.forEach((p, i) => {
      const h = parseHeading(p);
      parent = childFor(parent, i === path.length - 1 && subCode ? subCode : h.code, h.title);
    });
    return parent;
  };

  let rows = 0;
  let rowsRead = 0;
  for (let r = header.row + 1; r <= grid.rowCount; r++) {
    const cells = grid.rows[r] ?? [];
    for (const c of cells) {
      if (c?.controls) problem(c, `删除了 ${c.controls} 个控制字符`, `removed ${c.controls} control character(s)`);
    }
    const filled = cells.filter((c): c is GridCell => !!c && c.text !== '');
    if (filled.length === 0) continue;
    rowsRead++;
    const titleCell = get(cells, 'title');

    // A banner row: one merged cell across most of the table ("101 术语与缩略语标准").
    const banner = filled.find((c) => !c.mergedInto && c.span >= 3);
    if (banner && filled.every((c) => c === banner || c.mergedInto === banner.address || c.text === banner.text)) {
      if (/^(注|说明|备注)[:：]/.test(halfWidth(banner.text))) {
        problem(banner, `跳过的说明行 “${banner.text.slice(0, 40)}”`, `skipped a note row "${banner.text.slice(0, 40)}"`);
        continue;
      }
      openHeading(banner.text);
      continue;
    }

    const numberCell = get(cells, 'number');
    const numberRaw = numberCell && !numberCell.mergedInto ? tidy(numberCell.text) : '';
    const number = numberPlaceholder(numberRaw) ? '' : numberRaw;
    const seqText = halfWidth(textOf(get(cells, 'seq')));
    const name = textOf(titleCell);
    const levelText = textOf(get(cells, 'level'));
    const statusText = textOf(get(cells, 'status'));
    const codeText = textOf(get(cells, 'code'));
    const subText = subCols.map((c) => textOf(cells[c])).filter(Boolean);

    if (!number && !levelText && !statusText) {
      // The export's group line: code and sub-system name, "（本子体系共 N 项）" as the title.
      if (subText.length && (!name || GROUP_NOTE.test(name))) {
        openHeading(subText[subText.length - 1]!, codeText || undefined, usesOutline ? (grid.outline[r] ?? 0) + 1 : undefined);
        continue;
      }
      // A row with a name but no number, level or status is a sub-system heading in a hand-made table
      // only when it looks like one: no 序号 of its own, and a code or an enumerator ("一、", "（二）").
      // Otherwise it is a standard without a number, kept as a standard row.
      const isHeading = !/^\d+$/.test(seqText) && !numberRaw && (codeText ? !!name || !byField.has('title') : looksLikeHeading(name));
      if (!subText.length && (name || codeText) && isHeading) {
        openHeading(codeText && name ? name : name || codeText, codeText && name ? codeText : undefined);
        continue;
      }
    }
    if (!name) {
      const first = filled.find((c) => c.col !== byField.get('seq'))!;
      if (first && /^(注|说明|备注)[:：]/.test(halfWidth(first.text))) {
        problem(first, `跳过的说明行 “${first.text.slice(0, 40)}”`, `skipped a note row "${first.text.slice(0, 40)}"`);
      } else if (first) {
        problem(titleCell?.address ?? first.address, `第 ${r} 行没有标准名称，已跳过`, `row ${r} has no 标准名称; skipped`);
      }
      continue;
    }

    rows++;
    const s: OutStandard = { title: name };
    const notes: string[] = [];
    if (codeText) s.code = halfWidth(codeText);
    if (number) {
      const n = mapNumber(number);
      s.number = n.number;
      if (n.suspect === 'two-digit-year') {
        problem(numberCell!, `标准编号 “${number}” 的年号是两位，原样保留（不补全）`, `standard number "${number}" has a two-digit year; kept as written (not expanded)`);
      } else if (n.suspect === 'year-run-in') {
        problem(numberCell!, `标准编号 “${number}” 的顺序号与年号似乎连在一起，原样保留，请核对`, `standard number "${number}" seems to run its year into the sequence number; kept as written, check it`);
      } else if (!n.ok) {
        problem(numberCell!, `无法识别的标准编号 “${number}”（原样保留）`, `unrecognised standard number "${number}" (kept as written)`);
      }
    } else {
      // No number: the row stays a standard; what the cell said is kept in the note.
      const said = numberRaw && !isBlank(numberRaw) ? numberRaw : '';
      const st = said ? mapStatus(said) : undefined;
      if (st && !statusText) s.status = st;
      if (said) notes.push(`标准编号栏：${said}`);
      // A number-less row with a stated status is ordinary (planned work); otherwise say what happened.
      if (said || !statusText) problem(numberCell?.address ?? titleCell!.address, said ? `没有标准编号（原文 “${said}”，记入备注）${st && !statusText ? `，状态按原文记为 ${st}` : ''}` : `没有标准编号${statusText ? '' : '，也没有状态：按格式将视为待制定，请核对'}`,
        said ? `no standard number (the cell says "${said}", kept in note)${st && !statusText ? `; status ${st} as the cell says` : ''}` : `no standard number${statusText ? '' : ' and no status: the format reads it as planned; check it'}`);
    }
    if (levelText) {
      const l = mapLevel(levelText);
      if (l) s.level = l;
      else problem(get(cells, 'level')!, `无法识别的级别 “${levelText}”`, `unrecognised level "${levelText}"`);
    }
    if (statusText) {
      const st = mapStatus(statusText);
      if (st) s.status = st;
      else {
        // Never left out (a numbered row without status counts as 现行) and never guessed: the
        // original text is written as the status, which validate refuses until someone decides.
        s.status = statusText as Status;
        notes.push(`状态栏：${statusText}`);
        problem(get(cells, 'status')!, `无法识别的状态 “${statusText}”（原文写入 status 与备注，validate 会报错，请改为合法状态）`,
          `unrecognised status "${statusText}" (written as status and in note; validate refuses it until you choose a status)`);
      }
    }
    for (const f of ['published', 'effective', 'reviewed'] as const) {
      const cell = get(cells, f);
      if (!cell || (isBlank(cell.text) && !cell.date)) continue;
      const d = mapDate(cell.date ?? cell.num ?? cell.text);
      if (d) s[f] = d;
      else problem(cell, `无法识别的日期 “${cell.text}”`, `unrecognised date "${cell.text}"`);
    }
    const dep = textOf(get(cells, 'department'));
    if (dep) s.department = dep;
    const svcCell = get(cells, 'services');
    const svc = textOf(svcCell);
    if (svc) {
      const { ids, unknown } = mapServices(svcCell!.text, opts);
      for (const tok of unknown) problem(svcCell!, `无法识别的服务事项 “${tok}”`, `unrecognised service item "${tok}"`);
      if (ids.length) s.services = ids;
    }
    const repl = textOf(get(cells, 'replaces'));
    if (repl) s.replaces = splitNumbers(repl);
    const by = textOf(get(cells, 'replacedBy'));
    if (by) s.replaced_by = mapNumber(by).number;
    const adopted = textOf(get(cells, 'adopted'));
    if (adopted) {
      const m = /^(.*?)[,，\s]*\(?(IDT|MOD|NEQ)\)?$/i.exec(adopted);
      s.adopted = m && m[1] ? { ref: m[1].trim(), degree: m[2]!.toUpperCase() } : { ref: adopted };
    }
    const refs = textOf(get(cells, 'references'));
    if (refs) s.references = splitNumbers(refs);
    const just = textOf(get(cells, 'justification'));
    if (just) s.justification = just;
    const note = textOf(get(cells, 'note'));
    const allNotes = [note, ...notes].filter(Boolean);
    if (allNotes.length) s.note = allNotes.join('；');

    // Where the row goes: its sub-system columns, else the open heading, else by its code, else the root.
    let parent: OutNode = root;
    if (subText.length === 1 && !stack.length && opts.rootTitle && subText[0] === opts.rootTitle) {
      parent = root;
    } else if (subText.length) {
      parent = placeByColumns(subText, textOf(get(cells, 'subsystemCode')));
    } else if (stack.length) {
      parent = stack[stack.length - 1]!.node;
    }
    parent.standards.push(s);
  }

  assignCodes(root, codeless, problems, grid.sheet);
  return { title, subsystems: root.subsystems, standards: root.standards, problems, headerRow: header.row, rows, rowsRead };
}

const ID_LIKE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A services cell: ids ("P03-01；P03-02"), ids with names as the export writes them
 * ("P03-01 就业信息发布；P04 职业介绍"), or names alone (looked up in the catalog).
 */
export function mapServices(text: string, opts: TableOptions): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  const known = (id: string) => (opts.serviceIds ? opts.serviceIds.has(id) : ID_LIKE.test(id));
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  // ids are compared half-width; names as written (they keep their full-width punctuation)
  const resolve = (item: string): boolean => {
    const byName = opts.serviceNames?.get(item);
    const head = /^(\S+)\s+(.+)$/.exec(item);
    if (known(halfWidth(item))) add(halfWidth(item));
    else if (byName) add(byName);
    else if (head && known(halfWidth(head[1]!)) && /[^\x00-\x7f]/.test(head[2]!)) add(halfWidth(head[1]!));
    else if (halfWidth(item).split(/\s+/).every(known)) halfWidth(item).split(/\s+/).forEach(add);
    else return false;
    return true;
  };
  // "；" separates items (the export's separator); names may themselves hold "、" or "，",
  // so those split an item only when it does not resolve as a whole.
  for (const item of text.split(/[;；\r\n]+/).map(tidy).filter(Boolean)) {
    if (resolve(item)) continue;
    for (const part of item.split(/[,，、]+/).map((x) => x.trim()).filter(Boolean)) {
      if (!resolve(part)) unknown.push(part);
    }
  }
  return { ids, unknown };
}

/** Cell text as content: Excel line breaks become spaces, runs of ASCII blanks one space, trimmed. */
export function tidy(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** "GB/T 1-2000、GB/T 2-2001" → canonical numbers. */
function splitNumbers(s: string): string[] {
  return halfWidth(s)
    .split(/[,，、;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => mapNumber(x).number);
}

/**
 * Sub-systems without a code get one in the usual scheme (100, 200… at the top, 101, 102… below,
 * then 101-1…), because the format requires a code on every node. Each is reported.
 */
function assignCodes(root: OutNode, codeless: OutNode[], problems: ImportProblem[], sheet: string): void {
  if (codeless.length === 0) return;
  const visit = (parent: OutNode, depth: number) => {
    const used = new Set(parent.subsystems.map((n) => n.code).filter(Boolean));
    let i = 0;
    for (const n of parent.subsystems) {
      i++;
      if (!n.code) {
        let code: string;
        let k = i;
        do {
          code = depth === 0 ? `${k}00` : depth === 1 && /^\d00$/.test(parent.code) ? `${parent.code.slice(0, -2)}${String(k).padStart(2, '0')}` : `${parent.code}-${k}`;
          k++;
        } while (used.has(code));
        used.add(code);
        n.code = code;
        problems.push({ sheet, cell: '', message: { zh: `子体系 “${n.title}” 没有编号，已编为 “${code}”`, en: `sub-system "${n.title}" had no code; numbered "${code}"` } });
      }
      visit(n, depth + 1);
    }
  };
  visit(root, 0);
}
