import { catalogHeadline, catalogStatement } from '../../catalog/describe.js';
import type { Lang } from '../../i18n/index.js';
import { formatPct, ROUNDING } from '../../coverage/round.js';
import { MD_MARKS, STATE_LABELS, STATE_MEANING, STATES, UNIT_NOTE } from '../labels.js';
import { matrixGroups } from '../matrix.js';
import type { CoverageReport, Rollup } from '../../coverage/types.js';
import {
  areaName, detailed, indirectText, levelCells, levelHeaders, projectLabel, projectLevelRows, rowLevel, rowNumber, rowPlace, rowStatus, serviceIdLoc, splitRows, tr,
  type GapsRenderInput,
} from './common.js';
import type { StandardEntry } from '../../model/types.js';
import { gatesLines } from './table.js';
import type { CoverageSections } from '../../coverage/sections.js';
import {
  aspectCount, aspectsCovered, groupSize, incompleteItems, institutionFormula, kindFormula, kindNames, kindTitle, objectFormula, objectsInline, ratio, refText,
  SECTION_TITLES, targetName,
} from './sections.js';

const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);
/** Table cells: no pipes or line breaks may leak into the Markdown table. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** Text from the data put on one line: a line break in a title must not start a heading or end a quote. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

/** Gate lines as a list; indented lines (the regressions) nest under their gate. */
const mdGates = (lines: string[]) => lines.map((g) => (/^\s/.test(g) ? `  - ${g.trim()}` : `- ${g}`));

function table(head: string[], rows: string[][], rightFrom: number): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (i >= rightFrom ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function rollups(first: string[], rows: Rollup[], left: (r: Rollup) => string[], lang: Lang): string[] {
  const head = [...first, zh(lang, '事项', 'items'), zh(lang, '已覆盖', 'covered'), zh(lang, '仅规划', 'planned'), zh(lang, '仅失效', 'lapsed'),
    zh(lang, '未覆盖', 'none'), zh(lang, '覆盖率', 'coverage'), ...levelHeaders(lang)];
  return table(head, rows.map((r) => [...left(r), String(r.items), String(r.covered), String(r.planned), String(r.lapsed), String(r.uncovered),
    formatPct(r.coveragePct, r.items) + (r.items ? '%' : ''), ...levelCells(r.levels)]), first.length);
}

function catalogQuote(r: CoverageReport['catalog'], lang: Lang): string[] {
  // A list, because consecutive quoted lines would run together into one paragraph.
  return [`> ${zh(lang, '目录', 'Catalog')}${zh(lang, '：', ': ')}${oneLine(catalogHeadline(r, lang))}`, '>', ...catalogStatement(r, lang).map((l) => `> - ${oneLine(l)}`)];
}

/** The three coverages of one system, each its own heading and formula; rows behind each figure in <details>. */
function sections(s: CoverageSections, lang: Lang): string[] {
  const out: string[] = [];
  const k = s.kinds;
  out.push(`### ${tr(SECTION_TITLES.kinds, lang)}`, '');
  out.push(zh(lang, `应有类型：${kindNames(s, lang)}。类型齐全的事项 **${ratio(k.total.complete, k.total.items, k.total.percent, lang)}**；`, `Required kinds: ${kindNames(s, lang)}. Items with every kind **${ratio(k.total.complete, k.total.items, k.total.percent, lang)}**; `)
    + k.required.map((id) => zh(lang, `有${kindTitle(s, id, lang)} ${k.total.perKind[id] ?? 0} 项`, `with ${id} ${k.total.perKind[id] ?? 0}`)).join(zh(lang, '，', ', ')) + zh(lang, '。', '.'), '');
  out.push(`${kindFormula(s, lang)}${zh(lang, '。', '.')}`, '');
  out.push(...table([zh(lang, '项目', 'project'), zh(lang, '名称', 'name'), zh(lang, '事项', 'items'), zh(lang, '齐全', 'complete'), ...k.required.map((id) => kindTitle(s, id, lang))],
    k.projects.map((p) => [p.projectId, p.name, String(p.items), String(p.complete), ...k.required.map((id) => String(p.perKind[id] ?? 0))]), 2), '');
  const missing = incompleteItems(s);
  if (missing.length) {
    out.push(`<details><summary>${zh(lang, `缺少应有类型的事项（${missing.length}）`, `Items lacking a required kind (${missing.length})`)}</summary>`, '');
    for (const m of missing) out.push(`- ${code(m.id)} ${m.name}：${zh(lang, '缺', 'lacks')} ${m.missing.map((id) => kindTitle(s, id, lang)).join(zh(lang, '、', ', '))}`);
    out.push('', '</details>', '');
  }
  const having = k.items.filter((i) => k.required.some((id) => i.kinds[id]!.length));
  if (having.length) {
    out.push(`<details><summary>${zh(lang, `有应有类型标准的事项及依据行（${having.length}）`, `Items with a required kind, and the rows (${having.length})`)}</summary>`, '');
    for (const i of having) {
      const parts = k.required.filter((id) => i.kinds[id]!.length).map((id) => `${kindTitle(s, id, lang)}：${i.kinds[id]!.map((r) => code(`${r.file}:${r.line}`)).join(zh(lang, '、', ', '))}`);
      out.push(`- ${code(i.id)} ${i.name}${i.complete ? ' ✅' : ''}：${parts.join(zh(lang, '；', '; '))}`);
    }
    out.push('', '</details>', '');
  }

  out.push(`### ${tr(SECTION_TITLES.objects, lang)}`, '');
  out.push(...table([zh(lang, '服务对象', 'object'), zh(lang, '事项', 'items'), zh(lang, '已覆盖', 'covered'), zh(lang, '覆盖率', 'coverage')],
    s.objects.map((g) => [targetName(g.target, lang), String(groupSize(g)), String(g.covered), formatPct(g.percent, groupSize(g)) + (groupSize(g) ? '%' : '')]), 1), '');
  if (s.objects.length === 1) out.push(zh(lang, '只有一组：与事项覆盖相同，未覆盖的事项见上文。', 'One group only: the same as item coverage; the items not covered are listed above.'), '');
  else {
    for (const g of s.objects) {
      const gaps = g.items.filter((i) => !i.covered);
      if (gaps.length) out.push(`- ${targetName(g.target, lang)}${zh(lang, '：未覆盖 ', ': not covered ')}${gaps.map((i) => `${code(i.id)} ${i.name}`).join(zh(lang, '、', ', '))}`);
    }
    out.push('');
  }
  out.push(`${objectFormula(lang)}${zh(lang, '。', '.')}`, '');

  out.push(`### ${tr(SECTION_TITLES.institution, lang)}`, '');
  out.push(zh(lang, `有标的方面 **${aspectsCovered(s)}/${s.institution.length}**。`, `Aspects covered **${aspectsCovered(s)}/${s.institution.length}**.`), '');
  out.push(...table([zh(lang, '方面', 'aspect'), zh(lang, '有标', 'covered'), zh(lang, '标准数', 'rows'), zh(lang, '计入的文件类型', 'kinds counted')],
    s.institution.map((a) => [zh(lang, a.title, a.id), a.covered ? '✅' : '❌', String(aspectCount(a)), a.kinds.map((id) => kindTitle(s, id, lang)).join(zh(lang, '、', ', '))]), 2), '');
  const withRows = s.institution.filter((a) => a.rows.length);
  if (withRows.length) {
    out.push(`<details><summary>${zh(lang, '各方面的依据行', 'The rows behind each aspect')}</summary>`, '');
    for (const a of withRows) {
      out.push(`- ${zh(lang, a.title, a.id)}`);
      for (const r of a.rows) out.push(`  - ${code(`${r.file}:${r.line}`)} ${r.number ?? zh(lang, '（无编号）', '(no number)')} ${r.title}`);
    }
    out.push('', '</details>', '');
  }
  out.push(`${institutionFormula(lang)}${zh(lang, '。', '.')}`, '');
  return out;
}

function single(r: CoverageReport, meta: GapsRenderInput['meta'][number], input: GapsRenderInput): string[] {
  const { lang } = input;
  const t = r.totals;
  const out: string[] = [];
  out.push(`## ${zh(lang, '服务事项覆盖', 'Service coverage')}：${oneLine(r.system.title)}（${code(r.system.id)}）`, '');
  out.push(...catalogQuote(r.catalog, lang), '');
  if (meta.errors.length) out.push(zh(lang, `> ⚠️ 该体系有 ${meta.errors.length} 个加载或结构错误，结果可能不完整；请运行 \`hrss-std validate\`。`, `> ⚠️ ${meta.errors.length} load or schema errors; the numbers may be incomplete. Run \`hrss-std validate\`.`), '');
  const gates = gatesLines(input);
  if (gates.length) out.push(...mdGates(gates), '');
  out.push(...table(
    [zh(lang, '计入统计', 'counted'), zh(lang, '已覆盖', 'covered'), zh(lang, '覆盖率', 'coverage'), zh(lang, '仅有规划', 'planned only'), zh(lang, '仅有失效标准', 'lapsed only'), zh(lang, '未覆盖', 'not covered')],
    [[String(t.items), String(t.covered), `**${formatPct(t.coveragePct, t.items)}${t.items ? '%' : ''}**`, String(t.planned), String(t.lapsed), String(t.uncovered)]], 0), '');
  const lines = [`${tr(ROUNDING, lang)}${zh(lang, '。', '.')}`];
  if (t.covered) lines.push(zh(lang, `已覆盖的 ${t.covered} 项中 ${t.coveredDirect} 项有标准直接写明该事项 id，${t.covered - t.coveredDirect} 项只经项目 id 或 also 关联覆盖。`, `Of ${t.covered} covered, ${t.coveredDirect} are named by their own id and ${t.covered - t.coveredDirect} only through a project id or an also link.`));
  const u = r.unassignedTotals;
  if (u.items) lines.push(zh(lang, `另有不属任何项目的事项 ${u.items} 项（不计入统计）：已覆盖 ${u.covered}。`, `Unassigned items (not counted): ${u.items}; covered ${u.covered}.`));
  out.push(lines.join(zh(lang, '', ' ')), '');
  out.push(STATES.map((s) => `${MD_MARKS[s]} ${tr(STATE_LABELS[s], lang)}：${tr(STATE_MEANING[s], lang)}`).join(zh(lang, '；', '; ')), '');

  const gaps = r.items.filter((i) => i.counted && i.state === 'uncovered');
  out.push(`### ${MD_MARKS.uncovered} ${zh(lang, '未覆盖的事项', 'Not covered')}（${gaps.length}）`, '');
  if (!gaps.length) out.push(zh(lang, '无。', 'None.'));
  for (const g of gaps) out.push(oneLine(`- ${code(g.item.id)} ${g.item.name}${g.unit === 'project' ? zh(lang, '（项目未列事项）', ' (project with no items)') : zh(lang, `（${projectLabel(g, r)}）`, ` (${projectLabel(g, r)})`)}`));
  out.push('');
  const planned = r.items.filter((i) => i.counted && i.state !== 'covered' && i.state !== 'uncovered');
  if (planned.length) {
    out.push(`### ${zh(lang, '只有规划或失效标准的事项', 'Planned or lapsed only')}（${planned.length}）`, '');
    out.push(`<details><summary>${zh(lang, `展开 ${planned.length} 项`, `show ${planned.length}`)}</summary>`, '');
    for (const g of planned) out.push(`- ${MD_MARKS[g.state]} ${code(g.item.id)} ${oneLine(g.item.name)}：${tr(STATE_LABELS[g.state], lang)}`);
    out.push('', '</details>', '');
  }
  out.push(`### ${zh(lang, '按服务项目', 'By project')}`, '');
  out.push(...rollups([zh(lang, '项目', 'project'), zh(lang, '名称', 'name'), zh(lang, '领域', 'area')], r.byProject, (x) => [x.key, x.name, r.catalog.projectsById.get(x.key)?.area ?? ''], lang), '');
  out.push(`### ${zh(lang, '按领域', 'By area')}`, '');
  out.push(...rollups([zh(lang, '领域', 'area')], r.byArea, (x) => [areaName(x, lang)], lang), '');
  out.push(`### ${zh(lang, '按顶层子体系', 'By top-level sub-system')}`, '');
  out.push(zh(lang, '该子体系自身的标准所涉及的事项，以及仅凭这些标准得到的状态。级别列：已覆盖事项中有该级别现行标准的事项数。', 'The units each sub-system\'s own rows reach, in the state those rows give. Level columns: covered units served by a standard in force of that level.'), '');
  out.push(...rollups([zh(lang, '子体系', 'code'), zh(lang, '名称', 'name')], r.bySubsystem, (x) => [x.key || '—', x.name], lang), '');
  if (r.unknownIds.length) {
    out.push(`### ${zh(lang, 'services 中不在目录里的 id', 'services ids not in the catalog')}（${r.unknownIds.length}）`, '');
    for (const x of r.unknownIds) out.push(`- ${code(x.id)} ${zh(lang, '于', 'at')} ${code(serviceIdLoc(x.entry, x.id))}`);
    out.push('');
  }
  if (meta.sections) out.push(...sections(meta.sections, lang));
  out.push(`<details><summary>${zh(lang, `事项明细（${r.items.length} 项）`, `All items (${r.items.length})`)}</summary>`, '');
  const rowText = (e: StandardEntry) => `${rowNumber(e, lang)} ${e.title}（${rowLevel(e, lang)}，${rowStatus(e, lang)}，${rowPlace(e)}）`;
  const rows = r.items.map((ic) => [
    ic.item.id,
    ic.item.name + (ic.unit === 'item' ? '' : `（${tr(UNIT_NOTE[ic.unit], lang)}）`),
    ic.projectId ?? '',
    `${MD_MARKS[ic.state]} ${tr(STATE_LABELS[ic.state], lang)}`,
    [...splitRows(ic).direct.map((s) => rowText(s.entry)), indirectText(ic, lang)].filter(Boolean).join('<br>'),
  ]);
  out.push(...table([zh(lang, '事项', 'item'), zh(lang, '名称', 'name'), zh(lang, '项目', 'project'), zh(lang, '状态', 'state'),
    zh(lang, '写明该事项的标准（级别，状态，体系表编号）', 'rows naming the item (level, status, code)')], rows, 99));
  const projectRows = r.catalog.projects.map((p) => [p, projectLevelRows(r, p.id)] as const).filter(([, rs]) => rs.length);
  if (projectRows.length) {
    out.push('', `**${zh(lang, '项目级标准（services 写的是项目 id，对该项目每个事项都计入）', 'Project-level rows (services name the project id; they count for each of its items)')}**`, '');
    for (const [p, rs] of projectRows) out.push(`- ${code(p.id)} ${oneLine(p.name)}：${oneLine(rs.map(rowText).join('；'))}`);
  }
  out.push('', '</details>');
  return out;
}

function multi(input: GapsRenderInput): string[] {
  const { lang } = input;
  const out: string[] = [];
  out.push(`## ${zh(lang, '服务事项覆盖矩阵', 'Service coverage matrix')}（${input.reports.length} ${zh(lang, '个体系', 'systems')}）`, '');
  const gates = gatesLines(input);
  if (gates.length) out.push(...mdGates(gates), '');
  out.push(...rollups([zh(lang, '体系', 'system'), zh(lang, '名称', 'title'), zh(lang, '目录', 'catalog')],
    input.reports.map((r) => ({ ...r.totals, key: r.system.id, name: r.system.title })),
    (x) => [code(x.key), x.name, input.reports.find((r) => r.system.id === x.key)!.catalog.id], lang), '');
  out.push(`${tr(ROUNDING, lang)}${zh(lang, '。', '.')}`, '');
  for (const g of matrixGroups(input.reports)) {
    out.push(...catalogQuote(g.catalog, lang), '');
    out.push(zh(lang,
      `计入统计的 ${g.counted} 项中：每个体系都已覆盖 **${g.everywhere}** 项；至少一个体系未覆盖 ${g.counted - g.everywhere} 项；没有任何体系覆盖 ${g.nowhere} 项。`,
      `Of ${g.counted} counted units: covered in every system **${g.everywhere}**; not covered in at least one ${g.counted - g.everywhere}; covered in none ${g.nowhere}.`), '');
    out.push(STATES.map((s) => `${MD_MARKS[s]} ${tr(STATE_LABELS[s], lang)}`).join(' · '), '');
    out.push(...table([zh(lang, '事项', 'item'), zh(lang, '名称', 'name'), ...g.reports.map((r) => r.system.id)],
      g.rows.map((row) => [row.unit.item.id, row.unit.item.name + (row.unit.counted ? '' : zh(lang, '（不计入）', ' (not counted)')), ...row.states.map((s) => MD_MARKS[s])]), 99), '');
  }
  if (input.meta.every((m) => m.sections)) {
    out.push(`### ${zh(lang, '文件类型、机构与服务对象覆盖（均与事项覆盖率分开计算）', 'Kind, institution and service-object coverage (each apart from item coverage)')}`, '');
    out.push(...table([zh(lang, '体系', 'system'), zh(lang, '文件类型齐全', 'kind coverage'), zh(lang, '机构有标方面', 'aspects'), zh(lang, '服务对象覆盖', 'service objects')],
      input.reports.map((r, i) => {
        const sec = input.meta[i]!.sections!;
        return [code(r.system.id), ratio(sec.kinds.total.complete, sec.kinds.total.items, sec.kinds.total.percent, lang), `${aspectsCovered(sec)}/${sec.institution.length}`, objectsInline(sec, lang)];
      }), 1), '');
    out.push(`${kindFormula(input.meta[0]!.sections!, lang)}${zh(lang, '。', '.')}`, '');
  }
  return out;
}

/** For a pull-request comment or $GITHUB_STEP_SUMMARY. */
export function renderMarkdown(input: GapsRenderInput): string {
  const body = input.reports.length === 1 ? single(detailed(input.reports[0]!), input.meta[0]!, input) : multi(input);
  // each entry is one line of Markdown: a line break that came in with the data (a title, a
  // catalog name) must not start a heading or end a quote or table
  return body.map(oneLine).join('\n').replace(/\n+$/, '') + '\n';
}
