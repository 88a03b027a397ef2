import type { Catalog } from '../catalog/types.js';
import type { CoverageReport } from '../coverage/types.js';
import type { Text } from '../i18n/index.js';
import { documentGaps, type DocumentGap } from '../model/document.js';
import { displayNumber } from '../model/level.js';
import {
  allStandards, LEVEL_LABELS, STATUS_LABELS, TO_BE_MADE, walkNodes,
  type Level, type StandardEntry, type StandardSystem, type Status, type SubsystemNode,
} from '../model/types.js';
import type { Column } from './columns.js';
import { computeStats, isExisting, levelKey, type Stats } from './stats.js';

/**
 * Everything the exporters write, computed once and free of any document library,
 * so the workbook and the Word document say the same thing and tests can check the
 * figures without opening a file.
 */
export interface ExportModel {
  system: {
    id: string;
    title: string;
    region?: string;
    regionCode?: string;
    owner?: string;
    version?: string;
    description?: string;
    framework: string;
  };
  /** what the cover and the 编制说明 say; only what the data holds (see model/document.ts) */
  document: {
    organization?: string;
    drafters: string[];
    /** 编制日期 as written (YYYY, YYYY-MM or YYYY-MM-DD); none → the cover carries no date */
    date?: string;
    basis: string[];
    process?: string;
    consultation?: string;
    maintenance?: string;
    /** what is still missing (document-incomplete); printed only in a draft */
    gaps: DocumentGap[];
  };
  /** --draft: mark missing parts visibly instead of leaving them out */
  draft: boolean;
  /** export --assess: the 体系评价 the workbook carries as its 评价 sheet */
  assessment?: import('../assess/types.js').Assessment;
  /** `title` is the plain title documents cite (caveats in parentheses stripped) */
  catalog?: { id: string; title: string; edition?: string; builtin: boolean; ref: string };
  date: DataDate;
  columns: Column[];
  /** top-level sub-systems (the structure picture draws these and their children) */
  tree: SubsystemNode[];
  /** every row, tree order, numbered 1..n */
  rows: ExportRow[];
  /** 明细表 in tree order: a group line per sub-system, then its rows */
  detail: DetailItem[];
  stats: Stats;
  coverage?: CoverageReport;
  /** rows still to be made (待制定 / 制定中 / 待修订): the 制修订计划 */
  plan: ExportRow[];
  toolVersion: string;
}

export interface ExportRow {
  seq: number;
  entry: StandardEntry;
  code: string;
  /** canonical number, or as written when it does not parse; '' for planned rows */
  number: string;
  title: string;
  level?: Level;
  levelLabel: string;
  status: Status;
  statusLabel: string;
  published: string;
  effective: string;
  department: string;
  services: { id: string; name?: string }[];
  servicesText: string;
  note: string;
  node?: SubsystemNode;
  subsystemTitle: string;
  /** 现有: a published standard in force */
  existing: boolean;
  /** still to be made: planned, drafting or revising */
  toBeMade: boolean;
  /** replaced or withdrawn */
  lapsed: boolean;
}

export interface ExportGroup {
  node?: SubsystemNode;
  code: string;
  title: string;
  depth: number;
  /** rows in this node's whole subtree */
  subtreeRows: number;
}

export type DetailItem = { kind: 'group'; group: ExportGroup; rows: ExportRow[] } | { kind: 'row'; row: ExportRow };

/** The date the documents carry, taken from the data, never from the clock. */
export interface DataDate {
  /** YYYY-MM-DD */
  iso: string;
  basis: 'option' | 'data' | 'version' | 'none';
  /** what the date is, for the 说明 sheet and the title page */
  explain: Text;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The latest 发布/实施/复审 date in the rows; else a date read from `version` (2024.1 → 2024-01-01);
 * else 1980-01-01, the earliest date a zip entry can carry.
 */
export function dataDate(system: StandardSystem, explicit?: string): DataDate {
  if (explicit) {
    return { iso: explicit, basis: 'option', explain: { zh: `由 --date 指定（${explicit}）`, en: `given with --date (${explicit})` } };
  }
  let latest = '';
  for (const e of allStandards(system)) {
    for (const d of [e.published, e.effective, e.reviewed]) {
      if (d && ISO_DATE.test(d) && d > latest) latest = d;
    }
  }
  if (latest) {
    return {
      iso: latest,
      basis: 'data',
      explain: { zh: `取自数据中最晚的发布、实施或复审日期（${latest}），不取系统时钟`, en: `the latest published, effective or reviewed date in the data (${latest}), not the clock` },
    };
  }
  const m = /^(\d{4})(?:[.\-/](\d{1,2}))?/.exec(system.version ?? '');
  if (m) {
    const month = Math.min(Math.max(Number(m[2] ?? 1), 1), 12);
    const iso = `${m[1]}-${String(month).padStart(2, '0')}-01`;
    return { iso, basis: 'version', explain: { zh: `取自体系版本号 ${system.version}（${iso}）`, en: `from the system version ${system.version} (${iso})` } };
  }
  return { iso: '1980-01-01', basis: 'none', explain: { zh: '数据中没有日期，也没有版本号，使用固定日期 1980-01-01', en: 'no date or version in the data: the fixed date 1980-01-01' } };
}

function serviceName(id: string, catalog?: Catalog): string | undefined {
  return catalog?.items.get(id)?.name ?? catalog?.projectsById.get(id)?.name;
}

function toRow(entry: StandardEntry, seq: number, system: StandardSystem, catalog?: Catalog): ExportRow {
  const level = levelKey(entry);
  const services = entry.services.map((id) => ({ id, name: serviceName(id, catalog) }));
  return {
    seq,
    entry,
    code: entry.code ?? '',
    number: displayNumber(entry) ?? '',
    title: entry.title,
    level: level === 'unknown' ? undefined : level,
    levelLabel: level === 'unknown' ? '' : LEVEL_LABELS[level].zh,
    status: entry.status,
    statusLabel: STATUS_LABELS[entry.status].zh,
    published: entry.published ?? '',
    effective: entry.effective ?? '',
    department: entry.department ?? '',
    services,
    servicesText: services.map((s) => (s.name ? `${s.id} ${s.name}` : s.id)).join('；'),
    note: noteText(entry),
    node: entry.parent,
    // rows written directly under the system root sit in a depth-0 pseudo node
    subsystemTitle: entry.parent && entry.parent.depth > 0 ? entry.parent.title : system.title,
    existing: isExisting(entry),
    toBeMade: TO_BE_MADE.has(entry.status),
    lapsed: entry.status === 'replaced' || entry.status === 'withdrawn',
  };
}

function countSubtree(node: SubsystemNode): number {
  let n = 0;
  for (const x of walkNodes([node])) n += x.standards.length;
  return n;
}

export interface ModelInput {
  system: StandardSystem;
  catalog?: Catalog;
  coverage?: CoverageReport;
  columns: Column[];
  toolVersion: string;
  /** YYYY-MM-DD from --date; otherwise the date comes from the data */
  date?: string;
  /** --draft: mark what the 编制说明 still lacks */
  draft?: boolean;
}

/**
 * The title a document cites a catalog by: a trailing caveat in full-width parentheses such as
 * "（重建稿，非官方116项清单）" belongs in the CLI's output and the catalog's notes, not in a document.
 */
export function plainCatalogTitle(title: string): string {
  return title.replace(/\s*（[^（）]*(?:重建|非官方|草稿|部分)[^（）]*）\s*$/u, '').trim() || title;
}

export function buildExportModel(input: ModelInput): ExportModel {
  const { system, catalog } = input;
  const rows = allStandards(system).map((e, i) => toRow(e, i + 1, system, catalog));
  const byEntry = new Map(rows.map((r) => [r.entry, r]));
  const detail: DetailItem[] = [];
  if (system.standards.length) {
    const direct = system.standards.map((e) => byEntry.get(e)!);
    detail.push({ kind: 'group', group: { code: '', title: system.title, depth: 1, subtreeRows: direct.length }, rows: direct });
    for (const r of direct) detail.push({ kind: 'row', row: r });
  }
  for (const node of walkNodes(system.subsystems)) {
    const direct = node.standards.map((e) => byEntry.get(e)!);
    detail.push({
      kind: 'group',
      group: { node, code: node.code, title: node.title, depth: node.depth, subtreeRows: countSubtree(node) },
      rows: direct,
    });
    for (const r of direct) detail.push({ kind: 'row', row: r });
  }
  return {
    system: {
      id: system.id,
      title: system.title,
      region: system.region?.name,
      regionCode: system.region?.code,
      owner: system.owner,
      version: system.version,
      description: system.description,
      framework: system.framework,
    },
    document: {
      organization: system.document?.organization ?? system.owner,
      drafters: system.document?.drafters ?? [],
      date: system.document?.date,
      basis: system.document?.basis ?? [],
      process: system.document?.process,
      consultation: system.document?.consultation,
      maintenance: system.document?.maintenance,
      gaps: documentGaps(system),
    },
    draft: input.draft ?? false,
    catalog: catalog && { id: catalog.id, title: plainCatalogTitle(catalog.title), edition: catalog.edition && plainCatalogTitle(catalog.edition), builtin: catalog.origin.builtin, ref: catalog.origin.ref },
    date: dataDate(system, input.date),
    columns: input.columns,
    tree: system.subsystems,
    rows,
    detail,
    stats: computeStats(system),
    coverage: input.coverage,
    plan: rows.filter((r) => r.toBeMade),
    toolVersion: input.toolVersion,
  };
}

/**
 * 备注 of the 明细表: the row's note plus the relations GB/T 13017 tables carry — 代替 / 被代替
 * (replaces, replaced_by), 采用 (adopted) — and why a 团体/企业 standard is used (justification).
 */
export function noteText(e: StandardEntry): string {
  const parts: string[] = [];
  if (e.replaces.length) parts.push(`代替 ${e.replaces.join('、')}`);
  if (e.replacedBy) parts.push(`被 ${e.replacedBy} 代替`);
  if (e.adopted) parts.push(`采用 ${e.adopted.ref}${e.adopted.degree ? `，${e.adopted.degree}` : ''}`);
  if (e.justification) parts.push(`采用理由：${e.justification}`);
  if (e.note) parts.push(e.note);
  // Closing punctuation is dropped only between parts (no "。；"); the last part keeps its own,
  // so a note survives export → import unchanged.
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/[。；;.]$/, '') : p)).join('；');
}

/** The text of one 明细表 cell, shared by both exporters. */
export function cellText(row: ExportRow, column: Column['id']): string {
  switch (column) {
    case 'seq': return String(row.seq);
    case 'code': return row.code;
    case 'subsystem': return row.subsystemTitle;
    case 'number': return row.number;
    case 'title': return row.title;
    case 'level': return row.levelLabel;
    case 'status': return row.statusLabel;
    case 'published': return row.published;
    case 'effective': return row.effective;
    case 'department': return row.department;
    case 'services': return row.servicesText;
    case 'note': return row.note;
  }
}

/** 2024-05-01 → 2024年5月1日; 2024-05 → 2024年5月; 2024 → 2024年 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年` + (m ? `${m}月` : '') + (d ? `${d}日` : '');
}
