import type { Lang } from '../../i18n/index.js';
import { IN_FORCE, LEVELS } from '../../model/types.js';
import { NO_AREA, STATE_LABELS, viaLabel } from '../labels.js';
import { matrixGroups } from '../matrix.js';
import { csvLine } from '../../util/csv.js';
import { detailed, rowLevel, rowNumber, rowPlace, rowStatus, tr, levelHeaders, type GapsRenderInput } from './common.js';
import type { CoverageSections } from '../../coverage/sections.js';
import { aspectCount, groupSize, kindTitle, targetName } from './sections.js';
import { formatPct, percent } from '../../coverage/round.js';

const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);

export { csvLine } from '../../util/csv.js';

/**
 * The three coverages as a long table (one line per figure), after the unit table and a blank
 * line: 分项 says which coverage a line belongs to, so none is read as item coverage.
 */
function sectionLines(system: string, s: CoverageSections, lang: Lang, withRows: boolean): string[][] {
  const out: string[][] = [];
  const refs = (rs: { file: string; line: number }[]) => (withRows ? [rs.map((r) => `${r.file}:${r.line}`).join('；')] : []);
  const k = s.kinds;
  const kindLabel = zh(lang, '文件类型覆盖', 'kind');
  out.push([system, kindLabel, zh(lang, '合计', 'total'), zh(lang, '类型齐全', 'complete'), String(k.total.complete), String(k.total.items), formatPct(k.total.percent, k.total.items), ...refs([])]);
  for (const id of k.required) {
    const n = k.total.perKind[id] ?? 0;
    const rows = k.items.flatMap((i) => i.kinds[id] ?? []);
    out.push([system, kindLabel, zh(lang, '合计', 'total'), zh(lang, `有${kindTitle(s, id, lang)}`, `with ${id}`), String(n), String(k.total.items), formatPct(percent(n, k.total.items), k.total.items), ...refs(rows)]);
  }
  for (const p of k.projects) out.push([system, kindLabel, p.projectId, zh(lang, `${p.name}：类型齐全`, `${p.name}: complete`), String(p.complete), String(p.items), '', ...refs([])]);
  for (const g of s.objects) out.push([system, zh(lang, '服务对象覆盖', 'object'), targetName(g.target, lang), zh(lang, '已覆盖', 'covered'), String(g.covered), String(groupSize(g)), formatPct(g.percent, groupSize(g)), ...refs([])]);
  for (const a of s.institution) out.push([system, zh(lang, '机构覆盖', 'institution'), a.id, zh(lang, a.title, a.id), String(aspectCount(a)), '', a.covered ? zh(lang, '有', 'yes') : zh(lang, '无', 'no'), ...refs(a.rows)]);
  return out;
}

function sectionHeader(lang: Lang, withRows: boolean): string[] {
  return [zh(lang, '体系', 'system'), zh(lang, '分项', 'section'), zh(lang, '分组', 'group'), zh(lang, '名称', 'name'), zh(lang, '满足数', 'count'), zh(lang, '总数', 'of'),
    zh(lang, '比例或有无', 'percent_or_present'), ...(withRows ? [zh(lang, '依据行', 'rows')] : [])];
}

/**
 * One system: one line per unit with its state and serving standards.
 * Several systems: the item × system matrix, one column per system.
 * Then, after a blank line, the kind / object / institution figures (sectionLines).
 */
export function renderCsv(input: GapsRenderInput): string {
  const { lang } = input;
  const lines: string[][] = [];
  if (input.reports.length === 1) {
    const r = detailed(input.reports[0]!);
    const sec = input.meta[0]!.sections;
    lines.push([zh(lang, '体系', 'system'), zh(lang, '目录', 'catalog'), zh(lang, '领域', 'area'), zh(lang, '项目编号', 'project_id'), zh(lang, '项目名称', 'project_name'),
      zh(lang, '事项编号', 'item_id'), zh(lang, '事项名称', 'item_name'), zh(lang, '计入统计', 'counted'), zh(lang, '状态', 'state_label'), 'state',
      zh(lang, '现行标准数', 'in_force_rows'), ...levelHeaders(lang).map((h) => zh(lang, `${h}标准数`, `${h}_rows`)), zh(lang, '服务它的标准', 'serving_rows'),
      ...(sec ? [zh(lang, '服务对象', 'service_object'), ...sec.kinds.required.map((id) => zh(lang, `${kindTitle(sec, id, lang)}标准数`, `${id}_rows`)), zh(lang, '文件类型齐全', 'kinds_complete')] : [])]);
    const kindsOf = new Map(sec?.kinds.items.map((i) => [i.id, i]));
    for (const ic of r.items) {
      const p = ic.projectId ? r.catalog.projectsById.get(ic.projectId) : undefined;
      const inForce = ic.rows.filter((s) => IN_FORCE.has(s.entry.status)).length;
      lines.push([
        r.system.id, r.catalog.id, ic.counted ? (p?.area ?? tr(NO_AREA, lang)) : '', ic.projectId ?? '', p?.name ?? '',
        ic.item.id, ic.item.name, ic.counted ? zh(lang, '是', 'yes') : zh(lang, '否', 'no'), tr(STATE_LABELS[ic.state], lang), ic.state,
        String(inForce), ...LEVELS.map((l) => String(ic.levels[l] ?? 0)),
        ic.rows.map((s) => `${rowNumber(s.entry, lang)} ${s.entry.title}（${rowLevel(s.entry, lang)}，${rowStatus(s.entry, lang)}，${rowPlace(s.entry)}，${tr(viaLabel(s, ic), lang)}）`).join('；'),
        ...(sec ? kindCells(ic.item.target, kindsOf.get(ic.item.id), sec, ic.counted, lang) : []),
      ]);
    }
    if (sec) lines.push([], sectionHeader(lang, true), ...sectionLines(r.system.id, sec, lang, true));
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
    if (input.meta.every((m) => m.sections)) {
      lines.push([], sectionHeader(lang, false));
      input.reports.forEach((r, i) => lines.push(...sectionLines(r.system.id, input.meta[i]!.sections!, lang, false)));
    }
  }
  return lines.map(csvLine).join('\r\n') + '\r\n';
}

/** Per unit: its 服务对象, the rows of each required kind, and whether it has them all (unassigned units: blank, not counted). */
function kindCells(target: string | undefined, k: { kinds: Record<string, unknown[]>; complete: boolean } | undefined, sec: CoverageSections, counted: boolean, lang: Lang): string[] {
  if (!counted || !k) return [target ?? '', ...sec.kinds.required.map(() => ''), ''];
  return [target ?? '', ...sec.kinds.required.map((id) => String(k.kinds[id]?.length ?? 0)), k.complete ? zh(lang, '是', 'yes') : zh(lang, '否', 'no')];
}
