import { STATE_LABELS, UNIT_NOTE } from '../gaps/labels.js';
import type { CoverageReport, CoverageState, ItemCoverage, Rollup } from '../gaps/types.js';
import { displayNumber } from '../model/level.js';
import { STATUS_LABELS } from '../model/types.js';

/** One line of the per-item coverage table, as both exporters show it. */
export interface CoverageItemLine {
  projectId: string;
  projectName: string;
  itemId: string;
  itemName: string;
  state: CoverageState;
  stateLabel: string;
  /** the standards that serve it: "GB/T 1-2020 title；…" */
  standards: string;
  subsystems: string;
  /** why the unit is special (a project without items, an unassigned item) */
  note: string;
  counted: boolean;
}

export function servingText(ic: ItemCoverage): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of ic.rows) {
    const label = displayNumber(r.entry) ?? `${r.entry.code ?? ''}（${STATUS_LABELS[r.entry.status].zh}）`;
    const text = `${label} ${r.entry.title}`.trim();
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out.join('；');
}

export function coverageLines(report: CoverageReport): CoverageItemLine[] {
  return report.items.map((ic) => ({
    projectId: ic.projectId ?? '',
    projectName: ic.project?.name ?? (ic.projectId ? report.catalog.projectsById.get(ic.projectId)?.name ?? '' : ''),
    itemId: ic.item.id,
    itemName: ic.item.name,
    state: ic.state,
    stateLabel: STATE_LABELS[ic.state].zh,
    standards: servingText(ic),
    subsystems: ic.subsystems.map((n) => `${n.code} ${n.title}`).join('；'),
    note: ic.unit === 'item' ? '' : UNIT_NOTE[ic.unit].zh,
    counted: ic.counted,
  }));
}

/** The figures of a roll-up line: 事项数, 已覆盖, 仅有规划, 仅有失效标准, 未覆盖, 覆盖率 ('—' when nothing is measured). */
export function rollupValues(r: Rollup): (string | number)[] {
  return [r.items, r.covered, r.planned, r.lapsed, r.uncovered, r.items > 0 ? r.coveragePct : '—'];
}

export const ROLLUP_HEADERS = ['服务事项数', STATE_LABELS.covered.zh, STATE_LABELS.planned.zh, STATE_LABELS.lapsed.zh, STATE_LABELS.uncovered.zh, '覆盖率（%）'];
