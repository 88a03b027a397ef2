import { resolveLoc } from '../../diagnostics/resolve.js';
import { countCatalog } from '../../catalog/describe.js';
import { displayNumber, effectiveLevel } from '../../model/level.js';
import { ROUNDING } from '../../coverage/round.js';
import { matrixGroups } from '../matrix.js';
import type { CoverageReport, Rollup } from '../../coverage/types.js';
import { detailed, rowTop, type GapsRenderInput } from './common.js';
import { aspectCount, groupSize, type CoverageSections } from '../../coverage/sections.js';

function rollup(r: Rollup) {
  return {
    key: r.key, name: r.name, items: r.items, covered: r.covered, planned: r.planned, lapsed: r.lapsed, uncovered: r.uncovered,
    coveredDirect: r.coveredDirect, coveragePct: r.coveragePct, levels: r.levels,
  };
}

/** The three coverages, each apart from `totals` (item coverage); every figure with the rows behind it. */
function sectionsJson(s: CoverageSections) {
  const k = s.kinds;
  return {
    kindCoverage: {
      required: k.required,
      titles: k.titles,
      total: k.total,
      byProject: k.projects,
      items: k.items.map((i) => ({ id: i.id, name: i.name, project: i.projectId ?? null, complete: i.complete, kinds: i.kinds })),
    },
    objectCoverage: s.objects.map((g) => ({ target: g.target, items: groupSize(g), covered: g.covered, percent: g.percent, itemStates: g.items })),
    institutionCoverage: s.institution.map((a) => ({ id: a.id, title: a.title, kinds: a.kinds, covered: a.covered, count: aspectCount(a), rows: a.rows })),
  };
}

function reportJson(r: CoverageReport, meta: GapsRenderInput['meta'][number]) {
  return {
    ...reportCore(r, meta),
    ...(meta.sections ? sectionsJson(meta.sections) : {}),
  };
}

function reportCore(r: CoverageReport, meta: GapsRenderInput['meta'][number]) {
  const c = r.catalog;
  return {
    system: { id: r.system.id, title: r.system.title, file: meta.file, loadErrors: meta.errors.length },
    catalog: { id: c.id, title: c.title, edition: c.edition ?? null, builtin: c.origin.builtin, file: c.file.display, note: c.note ?? null, counts: countCatalog(c) },
    totals: rollup(r.totals),
    unassignedTotals: rollup(r.unassignedTotals),
    byProject: r.byProject.map((x) => ({ ...rollup(x), area: c.projectsById.get(x.key)?.area ?? null })),
    byArea: r.byArea.map(rollup),
    bySubsystem: r.bySubsystem.map(rollup),
    items: r.items.map((ic) => ({
      id: ic.item.id,
      name: ic.item.name,
      project: ic.projectId ?? null,
      unit: ic.unit,
      counted: ic.counted,
      state: ic.state,
      confidence: ic.item.confidence ?? null,
      levels: ic.levels,
      subsystems: ic.subsystems.map((n) => n.code),
      rows: ic.rows.map((s) => {
        const at = resolveLoc({ file: s.entry.file, node: s.entry.raw });
        return {
          code: s.entry.code ?? null,
          number: displayNumber(s.entry) ?? null,
          title: s.entry.title,
          level: effectiveLevel(s.entry) ?? null,
          status: s.entry.status,
          subsystem: rowTop(s.entry) || null,
          via: s.via,
          file: at.file, line: at.line, column: at.column,
        };
      }),
    })),
    unknownIds: r.unknownIds.map((u) => {
      const at = resolveLoc({ file: u.entry.file, node: u.entry.raw, key: 'services' });
      return { id: u.id, file: at.file, line: at.line, column: at.column };
    }),
  };
}

/** Machine-readable, stable key order, no clock. */
export function renderJson(input: GapsRenderInput): string {
  const out: Record<string, unknown> = {
    tool: 'hrss-std',
    version: input.toolVersion,
    rounding: ROUNDING,
    systems: input.reports.map((r, i) => reportJson(detailed(r), input.meta[i]!)),
  };
  if (input.reports.length > 1) {
    out.matrix = matrixGroups(input.reports).map((g) => ({
      catalog: g.catalog.id,
      systems: g.reports.map((r) => r.system.id),
      counted: g.counted,
      coveredEverywhere: g.everywhere,
      coveredNowhere: g.nowhere,
      items: g.rows.map((row) => ({ id: row.unit.item.id, counted: row.unit.counted, states: row.states })),
    }));
  }
  if (input.gates) out.gates = input.gates;
  return JSON.stringify(out, null, 2) + '\n';
}
