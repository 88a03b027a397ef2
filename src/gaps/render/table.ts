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
import type { CoverageSections } from '../../coverage/sections.js';
import {
  aspectCount, aspectsCovered, groupSize, incompleteItems, institutionFormula, kindFormula, kindNames, kindTitle, objectFormula, objectsInline, ratio, refText,
  SECTION_TITLES, targetName,
} from './sections.js';

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

/** How many rows an aspect lists in the terminal before "… n more" (JSON and Markdown list all). */
const ASPECT_ROWS = 5;

/** The three coverages of one system, each under its own heading with its own formula. */
function sectionsBlock(s: CoverageSections, lang: Lang): string[] {
  const out: string[] = [];
  const k = s.kinds;
  out.push(tr(SECTION_TITLES.kinds, lang));
  out.push(zh(lang, `  应有类型：${kindNames(s, lang)}（.hrss-std.yaml 的 required_kinds）`, `  Required kinds: ${kindNames(s, lang)} (required_kinds in .hrss-std.yaml)`));
  out.push(...alignRows([
    [zh(lang, '类型齐全的事项', 'items with every kind'), ratio(k.total.complete, k.total.items, k.total.percent, lang)],
    ...k.required.map((id) => [zh(lang, `有${kindTitle(s, id, lang)}的事项`, `items with ${id}`), `${k.total.perKind[id] ?? 0}/${k.total.items}`]),
  ], ['l', 'r'], '  '));
  out.push(`  ${kindFormula(s, lang)}${zh(lang, '。', '.')}`);
  out.push(...alignRows([
    [zh(lang, '项目', 'project'), zh(lang, '名称', 'name'), zh(lang, '事项', 'items'), zh(lang, '齐全', 'complete'), ...k.required.map((id) => kindTitle(s, id, lang))],
    ...k.projects.map((p) => [p.projectId, p.name, String(p.items), String(p.complete), ...k.required.map((id) => String(p.perKind[id] ?? 0))]),
  ], ['l', 'l', 'r', 'r', ...k.required.map((): Align => 'r')], '  '));
  const missing = incompleteItems(s);
  out.push(zh(lang, `  缺少应有类型的事项（${missing.length}）`, `  Items lacking a required kind (${missing.length})`));
  out.push(...alignRows(missing.map((m) => [m.id, m.name, zh(lang, `缺：${m.missing.map((id) => kindTitle(s, id, lang)).join('、')}`, `lacks: ${m.missing.join(', ')}`)]), ['l', 'l', 'l'], '    '));

  out.push('', tr(SECTION_TITLES.objects, lang));
  out.push(...alignRows([
    [zh(lang, '服务对象', 'object'), zh(lang, '事项', 'items'), zh(lang, '已覆盖', 'covered'), zh(lang, '覆盖率', 'coverage')],
    ...s.objects.map((g) => [targetName(g.target, lang), String(groupSize(g)), String(g.covered), formatPct(g.percent, groupSize(g)) + (groupSize(g) ? '%' : '')]),
  ], ['l', 'r', 'r', 'r'], '  '));
  // One group only (the catalog names no 服务对象, or one): it is the item coverage above, listed there.
  if (s.objects.length === 1) {
    out.push(zh(lang, '  只有一组：与上文事项覆盖相同，未覆盖的事项见上文。', '  One group only: the same as item coverage above, which lists the items not covered.'));
  } else {
    for (const g of s.objects) {
      const gaps = g.items.filter((i) => !i.covered);
      if (!gaps.length) continue;
      out.push(zh(lang, `  ${targetName(g.target, lang)}：未覆盖 ${gaps.length} 项`, `  ${targetName(g.target, lang)}: ${gaps.length} not covered`));
      out.push(...alignRows(gaps.map((i) => [i.id, i.name]), ['l', 'l'], '    '));
    }
  }
  out.push(`  ${objectFormula(lang)}${zh(lang, '。', '.')}`);

  out.push('', tr(SECTION_TITLES.institution, lang));
  out.push(zh(lang, `  有标的方面：${aspectsCovered(s)}/${s.institution.length}`, `  Aspects covered: ${aspectsCovered(s)}/${s.institution.length}`));
  const lines: ({ cells: string[] } | { text: string })[] = [];
  for (const a of s.institution) {
    lines.push({ cells: [zh(lang, a.title, a.id), a.covered ? zh(lang, '有', 'yes') : zh(lang, '无', 'no'), String(aspectCount(a)), a.kinds.map((id) => kindTitle(s, id, lang)).join(zh(lang, '、', ', '))] });
    for (const r of a.rows.slice(0, ASPECT_ROWS)) lines.push({ text: refText(r, lang) });
    if (a.rows.length > ASPECT_ROWS) lines.push({ text: zh(lang, `……另 ${a.rows.length - ASPECT_ROWS} 项（-f json 列出全部）`, `… ${a.rows.length - ASPECT_ROWS} more (-f json lists all)`) });
  }
  const aligned = alignRows([[zh(lang, '方面', 'aspect'), zh(lang, '有标', 'covered'), zh(lang, '标准数', 'rows'), zh(lang, '计入的文件类型', 'kinds counted')], ...lines.flatMap((l) => ('cells' in l ? [l.cells] : []))], ['l', 'l', 'r', 'l'], '  ');
  out.push(aligned[0]!);
  let n = 1;
  for (const l of lines) out.push('cells' in l ? aligned[n++]! : `      ${l.text}`);
  out.push(`  ${institutionFormula(lang)}${zh(lang, '。', '.')}`);
  return out;
}

/** The three coverages side by side, one line per system. */
function sectionsMulti(input: GapsRenderInput): string[] {
  const { lang } = input;
  if (!input.meta.every((m) => m.sections)) return [];
  const rows = input.reports.map((r, i) => {
    const s = input.meta[i]!.sections!;
    return [r.system.id, ratio(s.kinds.total.complete, s.kinds.total.items, s.kinds.total.percent, lang), `${aspectsCovered(s)}/${s.institution.length}`, objectsInline(s, lang)];
  });
  return ['', zh(lang, '文件类型、机构与服务对象覆盖（按体系；均与事项覆盖率分开计算）', 'Kind, institution and service-object coverage (by system; each counted apart from item coverage)'),
    ...alignRows([[zh(lang, '体系', 'system'), zh(lang, '文件类型齐全', 'kind coverage'), zh(lang, '机构有标方面', 'aspects'), zh(lang, '服务对象覆盖', 'service objects')], ...rows], ['l', 'r', 'r', 'l'], '  '),
    `  ${kindFormula(input.meta[0]!.sections!, lang)}${zh(lang, '。', '.')}`];
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
  if (meta.sections) out.push('', ...sectionsBlock(meta.sections, lang));
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
  out.push(...sectionsMulti(input));
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
    // kind and institution figures are ratcheted only when the baseline records them (written by this version)
    if (b.kindRegressions.length) {
      out.push(zh(lang, `✖ 基线 ${b.file}：${b.kindRegressions.length} 个原文件类型齐全的事项现在不齐全`, `✖ baseline ${b.file}: ${b.kindRegressions.length} items complete in kinds in the baseline no longer are`));
      const titles = (system: string) => input.meta[input.reports.findIndex((r) => r.system.id === system)]?.sections?.kinds.titles ?? {};
      for (const x of b.kindRegressions) out.push(`    ${x.system}  ${x.id} ${x.name}  → ${zh(lang, '缺 ', 'lacks ')}${x.missing.map((k) => (lang === 'zh' ? titles(x.system)[k] ?? k : k)).join(zh(lang, '、', ', '))}`);
    }
    if (b.aspectRegressions.length) {
      out.push(zh(lang, `✖ 基线 ${b.file}：${b.aspectRegressions.length} 个原有标的机构方面现在没有现行标准`, `✖ baseline ${b.file}: ${b.aspectRegressions.length} institution aspects covered in the baseline no longer are`));
      for (const x of b.aspectRegressions) out.push(`    ${x.system}  ${zh(lang, x.title, x.id)}`);
    }
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
