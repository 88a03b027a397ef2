import type { Lang } from '../../i18n/index.js';
import { IN_FORCE, LEVELS } from '../../model/types.js';
import { NO_AREA, STATE_LABELS, viaLabel } from '../labels.js';
import { matrixGroups } from '../matrix.js';
import { csvLine } from '../../util/csv.js';
import { detailed, rowLevel, rowNumber, rowPlace, rowStatus, tr, levelHeaders, type GapsRenderInput } from './common.js';

const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);

export { csvLine } from '../../util/csv.js';

/**
 * One system: one line per unit with its state and serving standards.
 * Several systems: the item × system matrix, one column per system.
 */
export function renderCsv(input: GapsRenderInput): string {
  const { lang } = input;
  const lines: string[][] = [];
  if (input.reports.length === 1) {
    const r = detailed(input.reports[0]!);
    lines.push([zh(lang, '体系', 'system'), zh(lang, '目录', 'catalog'), zh(lang, '领域', 'area'), zh(lang, '项目编号', 'project_id'), zh(lang, '项目名称', 'project_name'),
      zh(lang, '事项编号', 'item_id'), zh(lang, '事项名称', 'item_name'), zh(lang, '计入统计', 'counted'), zh(lang, '状态', 'state_label'), 'state',
      zh(lang, '现行标准数', 'in_force_rows'), ...levelHeaders(lang).map((h) => zh(lang, `${h}标准数`, `${h}_rows`)), zh(lang, '服务它的标准', 'serving_rows')]);
    for (const ic of r.items) {
      const p = ic.projectId ? r.catalog.projectsById.get(ic.projectId) : undefined;
      const inForce = ic.rows.filter((s) => IN_FORCE.has(s.entry.status)).length;
      lines.push([
        r.system.id, r.catalog.id, ic.counted ? (p?.area ?? tr(NO_AREA, lang)) : '', ic.projectId ?? '', p?.name ?? '',
        ic.item.id, ic.item.name, ic.counted ? zh(lang, '是', 'yes') : zh(lang, '否', 'no'), tr(STATE_LABELS[ic.state], lang), ic.state,
        String(inForce), ...LEVELS.map((l) => String(ic.levels[l] ?? 0)),
        ic.rows.map((s) => `${rowNumber(s.entry, lang)} ${s.entry.title}（${rowLevel(s.entry, lang)}，${rowStatus(s.entry, lang)}，${rowPlace(s.entry)}，${tr(viaLabel(s, ic), lang)}）`).join('；'),
      ]);
    }
  } else {
    // One header for all systems; a system measured against another catalog leaves its cells empty.
    lines.push([zh(lang, '目录', 'catalog'), zh(lang, '项目编号', 'project_id'), zh(lang, '事项编号', 'item_id'), zh(lang, '事项名称', 'item_name'), zh(lang, '计入统计', 'counted'),
      ...input.reports.map((r) => r.system.id)]);
    for (const g of matrixGroups(input.reports)) {
      const cols = input.reports.map((r) => g.reports.indexOf(r));
      for (const row of g.rows) {
        lines.push([g.catalog.id, row.unit.projectId ?? '', row.unit.item.id, row.unit.item.name, row.unit.counted ? zh(lang, '是', 'yes') : zh(lang, '否', 'no'),
          ...cols.map((k) => (k < 0 ? '' : tr(STATE_LABELS[row.states[k]!], lang)))]);
      }
    }
  }
  return lines.map(csvLine).join('\r\n') + '\r\n';
}
