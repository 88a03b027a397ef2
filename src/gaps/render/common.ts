import { resolveLoc } from '../../diagnostics/resolve.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Lang, Text } from '../../i18n/index.js';
import { displayNumber, effectiveLevel } from '../../model/level.js';
import { LEVELS, STATUS_LABELS, type Level, type StandardEntry } from '../../model/types.js';
import { isDetailed, topLevelOf } from '../../coverage/coverage.js';
import type { GateResults } from '../gates.js';
import type { CoverageSections } from '../../coverage/sections.js';
import { LEVEL_SHORT, NO_AREA } from '../labels.js';
import type { CoverageReport, CoverageSummary, ItemCoverage, Rollup, ServingRow } from '../../coverage/types.js';

/** Everything a gaps renderer needs. */
export interface GapsRenderInput {
  /** detailed (with rows) where a view lists rows: one system, or JSON; otherwise summaries may do */
  reports: CoverageSummary[];
  /** per report: the system file shown and load errors that may make it incomplete */
  meta: { file: string; errors: Diagnostic[]; sections?: CoverageSections }[];
  lang: Lang;
  gates?: GateResults;
  toolVersion: string;
}

/** The report with its rows; the gaps command keeps them wherever a view lists rows. */
export function detailed(r: CoverageSummary): CoverageReport {
  if (!isDetailed(r)) throw new Error('internal: a view that lists rows was given a summary');
  return r;
}

export const tr = (text: Text, lang: Lang) => text[lang];

/** The 标准编号, or a plain marker for planned rows that have none yet. */
export function rowNumber(e: StandardEntry, lang: Lang): string {
  return displayNumber(e) ?? (lang === 'zh' ? '（无编号）' : '(no number)');
}

export function rowLevel(e: StandardEntry, lang: Lang): string {
  const l = effectiveLevel(e);
  return l ? LEVEL_SHORT[l][lang] : '?';
}

export function rowStatus(e: StandardEntry, lang: Lang): string {
  return STATUS_LABELS[e.status][lang];
}

/** The row's 体系表编号, else the code of the sub-system it sits in. */
export function rowPlace(e: StandardEntry): string {
  return e.code ?? e.parent.code;
}

export function rowTop(e: StandardEntry): string {
  return topLevelOf(e)?.code ?? '';
}

export function areaName(r: Rollup, lang: Lang): string {
  return r.key === '' ? NO_AREA[lang] : r.name;
}

export function levelCells(levels: Partial<Record<Level, number>>): string[] {
  return LEVELS.map((l) => String(levels[l] ?? 0));
}

export function levelHeaders(lang: Lang): string[] {
  return LEVELS.map((l) => LEVEL_SHORT[l][lang]);
}

/** `file:line:column` of a `services` id in a row. */
export function serviceIdLoc(entry: StandardEntry, id: string): string {
  const list = entry.raw.services;
  const idx = Array.isArray(list) ? list.indexOf(id) : -1;
  const at = idx >= 0 && Array.isArray(list) ? { file: entry.file, node: list as object, key: idx } : { file: entry.file, node: entry.raw, key: 'services' };
  const p = resolveLoc(at);
  return `${p.file}:${p.line}:${p.column}`;
}

export function projectLabel(ic: ItemCoverage, report: CoverageReport, lang?: Lang): string {
  if (!ic.projectId) return '';
  // A project measured as one unit is its own row; naming it twice says nothing.
  if (lang && ic.unit === 'project') return lang === 'zh' ? '（服务项目，未列事项）' : '(project, no items)';
  const p = report.catalog.projectsById.get(ic.projectId);
  return p ? `${p.id} ${p.name}` : ic.projectId;
}

/** Rows that name the item itself, and a count of those that reach it only through a project id or an `also` link. */
export function splitRows(ic: ItemCoverage): { direct: ServingRow[]; viaProject: number; viaAlso: Map<string, number> } {
  const direct: ServingRow[] = [];
  let viaProject = 0;
  const viaAlso = new Map<string, number>();
  for (const r of ic.rows) {
    if (r.via === 'item') direct.push(r);
    else if (r.via === 'project') viaProject++;
    else {
      const through = r.entry.services.find((id) => ic.item.also.includes(id)) ?? '';
      viaAlso.set(through, (viaAlso.get(through) ?? 0) + 1);
    }
  }
  return { direct, viaProject, viaAlso };
}

/** "另经项目 P15 的项目级标准 5 项；经关联项目 P16 的标准 3 项", or '' when every row names the item. */
export function indirectText(ic: ItemCoverage, lang: Lang): string {
  const { direct, viaProject, viaAlso } = splitRows(ic);
  const parts: string[] = [];
  if (viaProject) parts.push(lang === 'zh' ? `经项目 ${ic.projectId} 的项目级标准 ${viaProject} 项` : `${viaProject} project-level row${viaProject > 1 ? 's' : ''} of ${ic.projectId}`);
  for (const [p, n] of viaAlso) parts.push(lang === 'zh' ? `经关联项目 ${p}（also）的标准 ${n} 项` : `${n} row${n > 1 ? 's' : ''} naming ${p} (also)`);
  if (!parts.length) return '';
  return lang === 'zh' ? `${direct.length ? '另' : ''}${parts.join('；')}` : `${direct.length ? 'also ' : ''}${parts.join('; ')}`;
}

/** Rows whose `services` name the project id of a project that lists items (they count for each of its items), tree order. */
export function projectLevelRows(report: CoverageReport, projectId: string): StandardEntry[] {
  const seen = new Set<StandardEntry>();
  for (const ic of report.items) {
    if (ic.projectId !== projectId || ic.unit !== 'item') continue;
    for (const r of ic.rows) if (r.via === 'project') seen.add(r.entry);
  }
  return [...seen].sort((a, b) => a.order - b.order);
}
