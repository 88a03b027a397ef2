import { STATE_LABELS, UNIT_NOTE } from '../gaps/labels.js';
import type { CoverageReport, CoverageState, ItemCoverage, Rollup } from '../coverage/types.js';
import { displayNumber } from '../model/level.js';
import { STATUS_LABELS } from '../model/types.js';
import { DEFAULT_COLUMN_LABELS } from './columns.js';
import { boundedList, type ListBound } from './limits.js';

/** One line of the per-item coverage table, as both exporters show it. */
export interface CoverageItemLine {
  projectId: string;
  projectName: string;
  itemId: string;
  itemName: string;
  state: CoverageState;
  stateLabel: string;
  /**
   * the standards that serve it: "GB/T 1-2020 title；…"; a long list shows its first entries and
   * a line saying how many more there are and where the 明细表 lists them all
   */
  standards: string;
  /** the sub-systems those standards sit in, shortened in the same way */
  subsystems: string;
  /** why the unit is special (a project without items, an unassigned item) */
  note: string;
  counted: boolean;
}

/** The standards serving an item, each once: "GB/T 1-2020 title", or "code（status）title" for one without a number. */
export function servingList(ic: ItemCoverage): string[] {
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
  return out;
}

export function servingText(ic: ItemCoverage): string {
  return servingList(ic).join('；');
}

/** How the per-item lines are laid out: the 明细表's label of the services column, and how much a list cell may hold. */
export interface CoverageLineOptions {
  /** the 明细表 column the "full list" note points to (export.columns may rename it) */
  servicesLabel?: string;
  standards?: ListBound;
  subsystems?: ListBound;
}

const SEP = '；';

/**
 * The ids in the 明细表's services column through which the rows reach the item: its own id,
 * its project's id, the ids of its `also` projects — so a reader can filter for all of them.
 */
function namedIds(ic: ItemCoverage): string {
  const ids: string[] = [];
  const add = (id: string | undefined) => {
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const r of ic.rows) {
    if (r.via === 'item') add(ic.item.id);
    else if (r.via === 'project') add(ic.projectId);
    else add(r.entry.services.find((id) => ic.item.also.includes(id)));
  }
  if (!ids.length) add(ic.item.id);
  return ids.join(' 或 ');
}

export function coverageLines(report: CoverageReport, opts: CoverageLineOptions = {}): CoverageItemLine[] {
  const servicesLabel = opts.servicesLabel ?? DEFAULT_COLUMN_LABELS.services;
  return report.items.map((ic) => {
    let named: string | undefined;
    const where = () => `明细表中“${servicesLabel}”含 ${(named ??= namedIds(ic))} 的行`;
    return {
      projectId: ic.projectId ?? '',
      projectName: ic.project?.name ?? (ic.projectId ? report.catalog.projectsById.get(ic.projectId)?.name ?? '' : ''),
      itemId: ic.item.id,
      itemName: ic.item.name,
      state: ic.state,
      stateLabel: STATE_LABELS[ic.state].zh,
      standards: boundedList(
        servingList(ic),
        SEP,
        (omitted, total) => `……等共 ${total} 项，另有 ${omitted} 项未列出；完整列表见${where()}`,
        opts.standards,
      ).text,
      subsystems: boundedList(
        ic.subsystems.map((n) => `${n.code} ${n.title}`),
        SEP,
        (omitted, total) => `……等共 ${total} 个子体系，另有 ${omitted} 个未列出；见${where()}`,
        opts.subsystems,
      ).text,
      note: ic.unit === 'item' ? '' : UNIT_NOTE[ic.unit].zh,
      counted: ic.counted,
    };
  });
}

/** The figures of a roll-up line: 事项数, 已覆盖, 仅有规划, 仅有失效标准, 未覆盖, 覆盖率 ('—' when nothing is measured). */
export function rollupValues(r: Rollup): (string | number)[] {
  return [r.items, r.covered, r.planned, r.lapsed, r.uncovered, r.items > 0 ? r.coveragePct : '—'];
}

export const ROLLUP_HEADERS = ['服务事项数', STATE_LABELS.covered.zh, STATE_LABELS.planned.zh, STATE_LABELS.lapsed.zh, STATE_LABELS.uncovered.zh, '覆盖率（%）'];
