import { catalogHeadline, catalogStatement } from '../../catalog/describe.js';
import type { Lang } from '../../i18n/index.js';
import { formatPct, ROUNDING } from '../../coverage/round.js';
import { STATE_LABELS, STATE_MARKS, STATE_MEANING, STATES } from '../labels.js';
import type { CoverageReport, Rollup } from '../../coverage/types.js';
import { matrixGroups } from '../matrix.js';
import {
  areaName, detailed, indirectText, levelCells, levelHeaders, projectLabel, projectLevelRows, rowLevel, rowNumber, rowPlace, rowStatus, serviceIdLoc, splitRows, tr,
  type GapsRenderInput,
} from './common.js';
import type { StandardEntry } from '../../model/types.js';
import { alignRows, type Align } from '../../util/text-table.js';

const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);

function rollupTable(first: string[], rows: Rollup[], keyName: (r: Rollup) => string[], lang: Lang): string[] {
  const head = [...first,
    zh(lang, '事项', 'items'), zh(lang, '已覆盖', 'covered'), zh(lang, '仅规划', 'planned'), zh(lang, '仅失效', 'lapsed'), zh(lang, '未覆盖', 'none'),
    zh(lang, '覆盖率', 'coverage'), ...levelHeaders(lang)];
  const body = rows.map((r) => [
    ...keyName(r),
    String(r.items), String(r.covered), String(r.planned), String(r.lapsed), String(r.uncovered),
    formatPct(r.coveragePct, r.items) + (r.items ? '%' : ''), ...levelCells(r.levels),
  ]);
  const align: Align[] = head.map((_, i) => (i < first.length ? 'l' : 'r'));
  return alignRows([head, ...body], align, '  ');
}

function totalsBlock(r: CoverageReport, lang: Lang): string[] {
  const t = r.totals;
  const out: string[] = [];
  out.push(zh(lang, `总体（计入统计 ${t.items} 项）`, `Overall (${t.items} counted units)`));
  const rows = [
    [tr(STATE_LABELS.covered, lang), String(t.covered), `${formatPct(t.coveragePct, t.items)}${t.items ? '%' : ''}`, tr(STATE_MEANING.covered, lang)],
    [tr(STATE_LABELS.planned, lang), String(t.planned), '', tr(STATE_MEANING.planned, lang)],
    [tr(STATE_LABELS.lapsed, lang), String(t.lapsed), '', tr(STATE_MEANING.lapsed, lang)],
    [tr(STATE_LABELS.uncovered, lang), String(t.uncovered), '', tr(STATE_MEANING.uncovered, lang)],
  ];
  out.push(...alignRows(rows, ['l', 'r', 'r', 'l'], '  '));
  const indirect = t.covered - t.coveredDirect;
  if (t.covered) {
    out.push(zh(lang,
      `  已覆盖的 ${t.covered} 项中：${t.coveredDirect} 项有标准直接写明该事项 id；${indirect} 项只经项目 id 或 also 关联覆盖。`,
      `  Of ${t.covered} covered: ${t.coveredDirect} named by their own id; ${indirect} only through a project id or an also link.`));
  }
  const u = r.unassignedTotals;
  if (u.items) {
    out.push(zh(lang,
      `  另有不属任何项目的事项 ${u.items} 项（不计入上述统计）：已覆盖 ${u.covered}，仅规划 ${u.planned}，仅失效 ${u.lapsed}，未覆盖 ${u.uncovered}。`,
      `  Unassigned items (not counted above): ${u.items}; covered ${u.covered}, planned ${u.planned}, lapsed ${u.lapsed}, none ${u.uncovered}.`));
  }
  out.push(`  ${tr(ROUNDING, lang)}${zh(lang, '。', '.')}`);
  return out;
}

function rowLine(e: StandardEntry, lang: Lang): string {
  return [rowStatus(e, lang), rowLevel(e, lang), rowNumber(e, lang), e.title, `[${rowPlace(e)}]`].join('  ');
}

/**
 * Per project: the project-level rows once, then each item with the rows that
 * name it and a count of those that reach it only through its project or `also`.
 */
function itemDetails(r: CoverageReport, lang: Lang): string[] {
  type Line = { kind: 'head' | 'text' | 'row'; text: string } | { kind: 'item'; cells: string[] };
  const lines: Line[] = [];
  let last: string | undefined;
  for (const ic of r.items) {
    const group = ic.counted ? ic.projectId ?? '' : '\0unassigned';
    if (group !== last) {
      last = group;
      if (!ic.counted) lines.push({ kind: 'head', text: zh(lang, '不属任何项目的事项（不计入统计）', 'Unassigned items (not counted)') });
      else {
        lines.push({ kind: 'head', text: projectLabel(ic, r) });
        const pl = ic.unit === 'item' ? projectLevelRows(r, ic.projectId!) : [];
        if (pl.length) {
          lines.push({ kind: 'text', text: zh(lang, `项目级标准（services 写的是项目 ${ic.projectId}，对本项目每个事项都计入）：`, `Project-level rows (services name ${ic.projectId}; they count for every item of the project):`) });
          for (const e of pl) lines.push({ kind: 'row', text: rowLine(e, lang) });
        }
      }
    }
    const note = ic.unit === 'project' ? zh(lang, '（项目未列事项，按 1 项计）', ' (project lists no items: one unit)') : '';
    lines.push({ kind: 'item', cells: [ic.item.id, ic.item.name + note, tr(STATE_LABELS[ic.state], lang)] });
    for (const s of splitRows(ic).direct) lines.push({ kind: 'row', text: rowLine(s.entry, lang) });
    const ind = indirectText(ic, lang);
    if (ind) lines.push({ kind: 'row', text: ind });
  }
  const aligned = alignRows(lines.flatMap((l) => (l.kind === 'item' ? [l.cells] : [])), ['l', 'l', 'l']);
  let k = 0;
  return lines.map((l) => {
    if (l.kind === 'item') return '    ' + aligned[k++];
    if (l.kind === 'head') return `  ${l.text}`;
    if (l.kind === 'text') return `    ${l.text}`;
    return `        ${l.text}`;
  });
}

function single(r: CoverageReport, meta: GapsRenderInput['meta'][number], lang: Lang): string[] {
  const out: string[] = [];
  out.push(zh(lang, `服务事项覆盖分析：${r.system.title}（${r.system.id}，${meta.file}）`, `Service coverage: ${r.system.title} (${r.system.id}, ${meta.file})`));
  out.push(zh(lang, `目录：${catalogHeadline(r.catalog, lang)}`, `Catalog: ${catalogHeadline(r.catalog, lang)}`));
  for (const line of catalogStatement(r.catalog, lang)) out.push(`  ${line}`);
  if (meta.errors.length) {
    out.push(zh(lang,
      `注意：该体系有 ${meta.errors.length} 个加载或结构错误，以下结果可能不完整；运行 hrss-std validate 查看。`,
      `Note: the system has ${meta.errors.length} load or schema errors; the numbers below may be incomplete. Run hrss-std validate.`));
  }
  out.push('', ...totalsBlock(r, lang));
  out.push('', zh(lang, '按服务项目', 'By project'));
  out.push(...rollupTable([zh(lang, '项目', 'project'), zh(lang, '名称', 'name'), zh(lang, '领域', 'area')], r.byProject,
    (x) => [x.key, x.name, r.catalog.projectsById.get(x.key)?.area ?? ''], lang));
  out.push('', zh(lang, '按领域', 'By area'));
  out.push(...rollupTable([zh(lang, '领域', 'area')], r.byArea, (x) => [areaName(x, lang)], lang));
  out.push('', zh(lang, '按顶层子体系（该子体系自身的标准所涉及的事项及其状态）', 'By top-level sub-system (the units its own rows reach, in the state those rows give)'));
  out.push(...rollupTable([zh(lang, '子体系', 'code'), zh(lang, '名称', 'name')], r.bySubsystem, (x) => [x.key || '—', x.name], lang));
  out.push(zh(lang, '  级别列：已覆盖的事项中，有该级别现行标准的事项数（一个事项可计入多个级别）。', '  Level columns: covered units served by a standard in force of that level (a unit may count under several).'));
  const gaps = r.items.filter((i) => i.counted && i.state === 'uncovered');
  out.push('', zh(lang, `未覆盖的事项（${gaps.length}）`, `Units with no standard (${gaps.length})`));
  if (!gaps.length) out.push(zh(lang, '  无', '  none'));
  out.push(...alignRows(gaps.map((g) => [g.item.id, g.item.name, projectLabel(g, r, lang)]), ['l', 'l', 'l'], '  '));
  if (r.unknownIds.length) {
    out.push('', zh(lang, `services 中不在目录里的 id（${r.unknownIds.length}，不计入覆盖）`, `services ids not in the catalog (${r.unknownIds.length}; ignored)`));
    for (const u of r.unknownIds) out.push(`  ${serviceIdLoc(u.entry, u.id)}  ${u.id}`);
  }
  out.push('', zh(lang, '事项明细（事项 名称 状态；其下为写明该事项的标准：状态 级别 编号 名称 [体系表编号]）', 'Items (id, name, state; below: rows naming the item — status, level, number, title, [code])'));
  out.push(...itemDetails(r, lang));
  return out;
}

function multi(input: GapsRenderInput): string[] {
  const { lang } = input;
  const out: string[] = [];
  out.push(zh(lang, `服务事项覆盖矩阵：${input.reports.length} 个体系`, `Service coverage matrix: ${input.reports.length} systems`));
  out.push('', zh(lang, '按体系', 'By system'));
  // Many systems: the matrix columns are numbered, and the by-system table says which number is which.
  const numbered = input.reports.reduce((w, r) => w + r.system.id.length + 2, 0) > 60;
  const col = (i: number) => (numbered ? String(i + 1) : input.reports[i]!.system.id);
  const rows = input.reports.map((r, i) => ({ ...r.totals, key: String(i), name: r.system.title }));
  out.push(...rollupTable([...(numbered ? [zh(lang, '列', 'col')] : []), zh(lang, '体系', 'system'), zh(lang, '名称', 'title'), zh(lang, '目录', 'catalog')], rows,
    (x) => {
      const r = input.reports[Number(x.key)]!;
      return [...(numbered ? [col(Number(x.key))] : []), r.system.id, x.name, r.catalog.id];
    }, lang));
  out.push(`  ${tr(ROUNDING, lang)}${zh(lang, '。', '.')}`);
  for (const [i, r] of input.reports.entries()) {
    if (input.meta[i]!.errors.length) {
      out.push(zh(lang, `  注意：${r.system.id} 有 ${input.meta[i]!.errors.length} 个加载或结构错误，结果可能不完整。`, `  Note: ${r.system.id} has ${input.meta[i]!.errors.length} load or schema errors; its numbers may be incomplete.`));
    }
  }
  for (const g of matrixGroups(input.reports)) {
    out.push('', zh(lang, `目录：${catalogHeadline(g.catalog, lang)}`, `Catalog: ${catalogHeadline(g.catalog, lang)}`));
    for (const line of catalogStatement(g.catalog, lang)) out.push(`  ${line}`);
    const ids = g.reports.map((r) => col(input.reports.indexOf(r)));
    const head = [zh(lang, '事项', 'item'), zh(lang, '名称', 'name'), ...ids];
    const body = g.rows.map((row) => [row.unit.item.id, row.unit.item.name + (row.unit.counted ? '' : zh(lang, '（不计入）', ' (not counted)')), ...row.states.map((s) => tr(STATE_MARKS[s], lang))]);
    out.push('', ...alignRows([head, ...body], ['l', 'l', ...ids.map((): Align => 'l')], '  '));
    out.push(zh(lang,
      `  计入统计的 ${g.counted} 项中：每个体系都已覆盖 ${g.everywhere} 项；至少一个体系未覆盖 ${g.counted - g.everywhere} 项；没有任何体系覆盖 ${g.nowhere} 项。`,
      `  Of ${g.counted} counted units: covered in every system ${g.everywhere}; not covered in at least one ${g.counted - g.everywhere}; covered in none ${g.nowhere}.`));
    out.push('  ' + STATES.map((s) => `${tr(STATE_MARKS[s], lang)} = ${tr(STATE_LABELS[s], lang)}`).join(zh(lang, '；', '; ')));
  }
  return out;
}

export function gatesLines(input: GapsRenderInput): string[] {
  const { gates, lang } = input;
  if (!gates) return [];
  const out: string[] = [];
  if (gates.minCoverage) {
    const m = gates.minCoverage;
    if (!m.failing.length) out.push(zh(lang, `✓ 覆盖率门槛 ${m.threshold}%：通过`, `✓ minimum coverage ${m.threshold}%: passed`));
    for (const f of m.failing) {
      out.push(zh(lang,
        `✖ 覆盖率门槛未达到：${f.system} 覆盖率 ${f.pct.toFixed(1)}%（${f.covered}/${f.items}），低于 ${m.threshold}%`,
        `✖ coverage gate failed: ${f.system} is at ${f.pct.toFixed(1)}% (${f.covered}/${f.items}), below ${m.threshold}%`));
    }
  }
  if (gates.baseline) {
    const b = gates.baseline;
    if (!b.regressions.length) out.push(zh(lang, `✓ 基线 ${b.file}：没有事项从已覆盖退回`, `✓ baseline ${b.file}: no covered item was lost`));
    else out.push(zh(lang, `✖ 基线 ${b.file}：${b.regressions.length} 个原已覆盖的事项现在未覆盖`, `✖ baseline ${b.file}: ${b.regressions.length} items covered in the baseline are no longer covered`));
    for (const x of b.regressions) out.push(`    ${x.system}  ${x.id} ${x.name}  → ${tr(STATE_LABELS[x.state], lang)}`);
    for (const n of b.notices) out.push(`  ${zh(lang, '说明：', 'note: ')}${tr(n, lang)}`);
  }
  return out;
}

/** The default report: Chinese, aligned for a terminal. */
export function renderTable(input: GapsRenderInput): string {
  const body = input.reports.length === 1 ? single(detailed(input.reports[0]!), input.meta[0]!, input.lang) : multi(input);
  const gates = gatesLines(input);
  return [...body, ...(gates.length ? ['', ...gates] : [])].join('\n') + '\n';
}
