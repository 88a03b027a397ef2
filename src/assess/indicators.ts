import type { Catalog, CatalogItem } from '../catalog/types.js';
import { computeCoverage } from '../coverage/coverage.js';
import { computeInstitutionCoverage } from '../coverage/institution.js';
import { computeKindCoverage, computeObjectCoverage } from '../coverage/kinds.js';
import { percent } from '../coverage/round.js';
import type { KnownStandards } from '../data/known.js';
import { resolveLoc } from '../diagnostics/resolve.js';
import type { Finding, SeveritySetting } from '../diagnostics/types.js';
import type { Text } from '../i18n/index.js';
import { locate, type SourceFile } from '../load/source.js';
import type { KindVocabulary } from '../model/kind.js';
import { parsedNumber } from '../model/level.js';
import { allStandards, IN_FORCE, STATUS_LABELS, TO_BE_MADE, walkNodes, type StandardEntry, type StandardSystem, type SubsystemNode } from '../model/types.js';
import { FRAMEWORKS, matchesPart } from '../rules/frameworks.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { RuleContext } from '../rules/types.js';
import { INDICATORS, type IndicatorDef } from './definitions.js';
import type { AssessSettings, Indicator, Place } from './types.js';

export interface AssessInput {
  system: StandardSystem;
  catalog?: Catalog;
  known: KnownStandards;
  vocab: KindVocabulary;
  requiredKinds: readonly string[];
  reviewYears: number;
  /** configured rule severities: a rule set to off makes the indicators that count it na */
  ruleSeverities: Record<string, SeveritySetting>;
  /** 评价时间 YYYY-MM-DD; without it the date-dependent indicators are na */
  date?: string;
  settings: AssessSettings;
}

/**
 * Rules see the 评价时间 as "today". Without one they get a date after any real one, which
 * switches off their checks against today (a future year in a number, a review recorded after
 * today); the indicators that need the date are na and say so.
 */
const NO_DATE = '9999-12-31';

const zh = (zhText: string, en: string): Text => ({ zh: zhText, en });

function rowPlace(e: StandardEntry, what: Text, hint?: Text, key?: string): Place {
  const { line } = locate(e.file, e.raw, key !== undefined && key in e.raw ? key : undefined);
  return { file: e.file.display, line, what, ...(hint ? { hint } : {}) };
}

function nodePlace(n: SubsystemNode, what: Text, hint?: Text): Place {
  return { file: n.file.display, line: locate(n.file, n.raw).line, what, ...(hint ? { hint } : {}) };
}

/** The line of the `subsystems:` key of system.yaml (the key itself, not its first item). */
function subsystemsPlace(system: StandardSystem, what: Text, hint: Text): Place {
  const key = 'subsystems' in system.raw ? 'subsystems' : undefined;
  return { file: system.file.display, line: locate(system.file, system.raw, key, key ? 'key' : undefined).line, what, hint };
}

function keyPlace(file: SourceFile, node: object, key: string | undefined, what: Text, hint?: Text): Place {
  return { file: file.display, line: locate(file, node, key).line, what, ...(hint ? { hint } : {}) };
}

const label = (e: StandardEntry) => `${e.number ? e.number + ' ' : ''}《${e.title}》`;
const rowText = (e: StandardEntry): Text => ({ zh: `${label(e)}（${STATUS_LABELS[e.status].zh}）`, en: `${label(e)} (${STATUS_LABELS[e.status].en})` });

/** Rule findings, with those suppressed by a disable comment with a reason left out (as validate does). */
function findingsOf(ruleId: string, ctx: RuleContext): Finding[] {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule?.check) return [];
  return rule.check(ctx).filter((f) => {
    const { line } = resolveLoc(f.at);
    const sup = f.at.file.suppressions?.get(line);
    return !(sup && sup.reason && (sup.rules.includes(ruleId) || sup.rules.includes('all')));
  });
}

function findingPlace(f: Finding): Place {
  const { file, line } = resolveLoc(f.at);
  return { file, line, what: f.message, ...(f.hint ? { hint: f.hint } : {}) };
}

interface Draft {
  value?: number;
  part?: number;
  whole?: number;
  note?: Text;
  failing: Place[];
  basis?: Place[];
  advice: Text;
  formula: Text;
}

function finish(def: IndicatorDef, d: Draft, s: AssessSettings): Indicator {
  const configured = s.thresholds[def.id];
  const threshold = configured ?? def.threshold;
  const verdict = d.value === undefined ? 'na' : def.measure === 'percent' ? (d.value >= threshold ? 'pass' : 'fail') : d.value <= threshold ? 'pass' : 'fail';
  return {
    id: def.id, group: def.group, title: def.title, measure: def.measure,
    ...(d.value !== undefined ? { value: d.value } : {}),
    ...(d.part !== undefined ? { part: d.part, whole: d.whole } : {}),
    formula: d.formula, threshold, thresholdSource: configured === undefined ? 'default' : 'config',
    weight: s.weights[def.id] ?? 1, verdict, ...(d.note ? { note: d.note } : {}),
    failing: d.failing, basis: d.basis ?? [], advice: d.advice,
  };
}

/** A ratio indicator: na with `note` when nothing is counted. */
function ratio(part: number, whole: number, emptyNote: Text): Pick<Draft, 'value' | 'part' | 'whole' | 'note'> {
  return whole > 0 ? { value: percent(part, whole), part, whole } : { note: emptyNote };
}

const catalogLines = new WeakMap<Catalog, string[]>();

/**
 * The line of an item in its catalog file. A built-in catalog read from its JSON copy (catalog/load.ts)
 * has no positions: then the line that says `id: <item id>`.
 */
export function itemLine(catalog: Catalog, item: CatalogItem | { id: string; raw: object }): number {
  const at = locate(catalog.file, item.raw).line;
  if (at > 1) return at;
  let lines = catalogLines.get(catalog);
  if (!lines) catalogLines.set(catalog, (lines = catalog.file.text.split('\n')));
  const id = item.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[{,\\s])id:\\s*["']?${id}["']?\\s*($|[,}])`);
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : at;
}

function itemPlace(catalog: Catalog, item: CatalogItem, what: Text, hint?: Text): Place {
  return { file: catalog.file.display, line: itemLine(catalog, item), what, ...(hint ? { hint } : {}) };
}

/** Whether a due date (YYYY, YYYY-MM or YYYY-MM-DD) has passed on `date`: the whole period is over. */
export function duePassed(due: string, date: string): boolean {
  return date.slice(0, due.length) > due;
}

export function computeIndicators(input: AssessInput): Indicator[] {
  const { system, catalog, settings } = input;
  const ctx: RuleContext = { system, catalog, known: input.known, today: input.date ?? NO_DATE, reviewYears: input.reviewYears };
  const rows = allStandards(system);
  const byRaw = new Map<object, StandardEntry>(rows.map((e) => [e.raw, e]));
  const off = (def: IndicatorDef) => (def.rules ?? []).filter((r) => input.ruleSeverities[r] === 'off');
  const noCatalog = zh('体系没有可用的服务事项目录，无法计算', 'the system has no usable catalog');
  const noDate = zh('没有评价时间（--date，或 document.date 写到日）：与日期有关的本项未评价', 'no assessment date (--date, or a full document.date): not assessed');

  const drafts: Record<string, () => Draft> = {
    'framework-parts': () => {
      const formula = zh('有子体系且至少有一行标准（含待制定）的框架部分数 ÷ 所声明框架的部分数 × 100', 'framework parts with a top-level sub-system holding at least one row (planned included) ÷ parts of the declared framework × 100');
      if (system.framework === 'none') return { formula, failing: [], note: zh('体系写明 framework: none，不按框架检查', 'framework: none'), advice: zh('', '') };
      const def = FRAMEWORKS[system.framework];
      const failing: Place[] = [];
      const basis: Place[] = [];
      let present = 0;
      for (const part of def.parts) {
        const node = system.subsystems.find((n) => matchesPart(part, n.title));
        const has = node && walkNodes([node]).some((n) => n.standards.length > 0);
        if (node && has) {
          present++;
          basis.push(nodePlace(node, zh(`${part.clause ?? ''} ${part.title}：子体系 ${node.code} ${node.title}`.trim(), `${part.title}: sub-system ${node.code} ${node.title}`)));
        } else if (node) {
          const p = nodePlace(node, zh(`${part.title}：子体系 ${node.code} ${node.title} 下没有任何标准行`, `${part.title}: sub-system ${node.code} has no rows`),
            zh('列入该部分的现行标准，暂无时写待制定的行（status: planned）', 'list its standards, or planned rows'));
          failing.push(p);
          basis.push(p);
        } else {
          const p = keyPlace(system.file, system.raw, 'framework', zh(`缺少框架部分“${part.title}”（${def.name.zh}${part.clause ? ' ' + part.clause : ''}）`, `part "${part.title}" of ${def.id} missing`),
            zh(`在第一层 subsystems 中添加 code: "${part.code}"、title: ${part.title}`, `add a top-level sub-system code "${part.code}" ${part.title}`));
          failing.push(p);
          basis.push(p);
        }
      }
      return { formula, ...ratio(present, def.parts.length, zh('', '')), failing, basis, advice: zh('补齐框架缺少的部分，并在其中列入标准或待制定的行', 'add the missing parts with their rows') };
    },
    'item-coverage': () => {
      const formula = zh('有现行或即将实施标准的事项数 ÷ 计入统计的事项数 × 100，四舍五入保留一位小数（同 hrss-std gaps）', 'items served by a standard in force ÷ counted items × 100, one decimal (as hrss-std gaps)');
      if (!catalog) return { formula, failing: [], note: noCatalog, advice: zh('', '') };
      const r = computeCoverage(system, catalog);
      const failing: Place[] = [];
      const basis: Place[] = [];
      for (const ic of r.items) {
        if (!ic.counted) continue;
        const name = `${ic.item.id} ${ic.item.name}`;
        if (ic.state === 'covered') {
          const by = ic.rows.find((x) => IN_FORCE.has(x.entry.status))!.entry;
          basis.push(rowPlace(by, zh(`事项 ${name}：已覆盖，${label(by)}`, `item ${name}: covered by ${label(by)}`)));
          continue;
        }
        const first = ic.rows[0]?.entry;
        const named = (l: 'zh' | 'en') => ic.rows.slice(0, 3).map((x) => rowText(x.entry)[l]).join(l === 'zh' ? '、' : ', ') + (ic.rows.length > 3 ? (l === 'zh' ? ` 等 ${ic.rows.length} 项` : ` and ${ic.rows.length - 3} more`) : '');
        const p = first
          ? rowPlace(first, zh(`事项 ${name}：没有现行标准，写到它的只有${named('zh')}`, `item ${name}: no standard in force; only ${named('en')}`),
            ic.state === 'planned' ? zh('推进该标准的制定；已有适用的现行标准时把事项 id 写入其 services', 'make the planned standard, or add the item id to an existing standard\'s services') : zh('改用现行版本并更新该行', 'use the edition in force'))
          : itemPlace(catalog, ic.item, zh(`事项 ${name}：体系中没有任何标准写到它`, `item ${name}: no row names it`),
            zh(`为该事项列入现行标准（services: [${ic.item.id}]），暂无时写待制定的行`, `add a standard with services: [${ic.item.id}], or a planned row`));
        failing.push(p);
        basis.push(p);
      }
      return { formula, ...ratio(r.totals.covered, r.totals.items, zh('目录中没有计入统计的事项', 'no counted items')), failing, basis,
        advice: zh('为未覆盖的事项列入现行标准；只有规划的，落实制定计划', 'cover the items with standards in force; carry out the plans') };
    },
    'kind-coverage': () => {
      const formula = zh(`每种应有类型（${input.requiredKinds.map((k) => input.vocab.titles[k] ?? k).join('、')}）都有现行或即将实施标准的事项数 ÷ 计入统计的事项数 × 100；类型按行的 kind:，未写时只按名称结尾“服务指南”“操作规程”“服务规范”判断`, `items with a standard in force of every required kind (${input.requiredKinds.join(', ')}) ÷ counted items × 100; kind as stated, else only by the title endings 服务指南/操作规程/服务规范`);
      if (!catalog) return { formula, failing: [], note: noCatalog, advice: zh('', '') };
      const k = computeKindCoverage(system, catalog, input.vocab, input.requiredKinds);
      const items = new Map(computeCoverage(system, catalog).items.map((ic) => [ic.item.id, ic]));
      const failing: Place[] = [];
      const basis: Place[] = [];
      for (const i of k.items) {
        const missing = k.required.filter((id) => !i.kinds[id]!.length).map((id) => k.titles[id] ?? id);
        const ic = items.get(i.id)!;
        if (!missing.length) {
          const ref = i.kinds[k.required[0]!]![0]!;
          basis.push({ file: ref.file, line: ref.line, what: zh(`事项 ${i.id} ${i.name}：类型齐全`, `item ${i.id} ${i.name}: complete`) });
          continue;
        }
        const inForce = ic.rows.find((r) => IN_FORCE.has(r.entry.status))?.entry;
        const what = zh(`事项 ${i.id} ${i.name}：缺${missing.join('、')}`, `item ${i.id} ${i.name}: lacks ${missing.join(', ')}`);
        const p = inForce
          ? rowPlace(inForce, what, zh(`若 ${label(inForce)} 就是所缺类型，在该行写 kind:；否则为该事项编制${missing.join('、')}`, `if ${label(inForce)} is of the missing kind, state kind:; else write the ${missing.join(', ')}`))
          : itemPlace(catalog, ic.item, what, zh(`为该事项编制${missing.join('、')}（列入体系时写 kind: 与 services: [${i.id}]）`, `write the ${missing.join(', ')} (kind: and services: [${i.id}])`));
        failing.push(p);
        basis.push(p);
      }
      return { formula, ...ratio(k.total.complete, k.total.items, zh('目录中没有计入统计的事项', 'no counted items')), failing, basis,
        advice: zh('逐项编制服务指南和操作规程（人社部发〔2023〕62号）；已有的在行中写明 kind:', 'write a guide and a procedure per item; state kind: on existing ones') };
    },
    'object-coverage': () => {
      const formula = zh('按目录事项的服务对象（target）分组，每组已覆盖事项数 ÷ 组内事项数 × 100，取最低的一组', 'per service object (catalog target): covered ÷ items × 100; the lowest group');
      if (!catalog) return { formula, failing: [], note: noCatalog, advice: zh('', '') };
      const groups = computeObjectCoverage(system, catalog);
      if (!groups.some((g) => g.target !== '')) {
        return { formula, failing: [], note: zh('目录未注明服务对象（target），无法按服务对象分组；可用 catalog import 读入“服务对象”列', 'the catalog names no service objects (target)'), advice: zh('', '') };
      }
      const failing: Place[] = [];
      const basis: Place[] = [];
      let lowest: { pct: number; covered: number; items: number } | undefined;
      for (const g of groups) {
        const name = g.target || '（未注明）';
        if (!lowest || g.percent < lowest.pct) lowest = { pct: g.percent, covered: g.covered, items: g.items.length };
        for (const i of g.items) {
          const item = catalog.items.get(i.id) ?? catalog.projectsById.get(i.id);
          const p: Place = item
            ? { file: catalog.file.display, line: itemLine(catalog, item), what: zh(`服务对象“${name}”（${g.covered}/${g.items.length}）：事项 ${i.id} ${i.name}${i.covered ? ' 已覆盖' : ' 未覆盖'}`, `object "${name}": item ${i.id} ${i.covered ? 'covered' : 'not covered'}`) }
            : { file: catalog.file.display, line: 1, what: zh(`事项 ${i.id}`, `item ${i.id}`) };
          basis.push(p);
          if (!i.covered) failing.push({ ...p, hint: zh(`为该事项列入现行标准（services: [${i.id}]）`, `add a standard with services: [${i.id}]`) });
        }
      }
      return { formula, value: lowest!.pct, part: lowest!.covered, whole: lowest!.items, failing, basis,
        advice: zh('覆盖率最低的服务对象组优先补齐标准', 'cover the lowest group first') };
    },
    'institution-coverage': () => {
      const formula = zh('有现行或即将实施标准的方面数 ÷ 8 × 100；某方面有标＝至少一行的文件类型（kind）属于该方面（映射见 docs/assess.md）', 'aspects with a standard in force of their kinds ÷ 8 × 100 (mapping in docs/assess.md)');
      const aspects = computeInstitutionCoverage(system, input.vocab);
      const failing: Place[] = [];
      const basis: Place[] = [];
      for (const a of aspects) {
        const kinds = a.kinds.map((k) => input.vocab.titles[k] ?? k).join('、');
        if (a.covered) {
          for (const r of a.rows) basis.push({ file: r.file, line: r.line, what: zh(`${a.title}：${r.number ? r.number + ' ' : ''}《${r.title}》`, `${a.id}: ${r.number ?? ''} ${r.title}`) });
          continue;
        }
        // where such standards go: the 服务保障 part of a GB/T 24421 system, else the system's sub-system list
        const support = system.framework === 'gbt24421' ? system.subsystems.find((n) => n.title.includes('服务保障')) : undefined;
        const p = support ? nodePlace(support, zh(`${a.title}：没有文件类型为${kinds}的现行标准`, `${a.id}: no standard in force of kind ${a.kinds.join(', ')}`),
          zh(`在本子体系中列入${a.title}方面的标准并写 kind:（${a.kinds.join(' / ')}）；已有的行补写 kind:`, `add standards for it here with kind: ${a.kinds.join(' / ')}, or state kind: on existing rows`)) : subsystemsPlace(system,
          zh(`${a.title}：没有文件类型为${kinds}的现行标准`, `${a.id}: no standard in force of kind ${a.kinds.join(', ')}`),
          zh(`在相应子体系中列入${a.title}方面的标准并写 kind:（${a.kinds.join(' / ')}）；已有的行补写 kind:`, `add standards for it with kind: ${a.kinds.join(' / ')}, or state kind: on existing rows`));
        failing.push(p);
        basis.push(p);
      }
      const covered = aspects.filter((a) => a.covered).length;
      return { formula, ...ratio(covered, aspects.length, zh('', '')), failing, basis,
        advice: zh('为服务机构的场地环境、设施设备、人员配备及管理、评价、风险防控建立或列入标准，并写明 kind:', 'add institution standards and state their kind:') };
    },
    'number-valid': () => {
      const formula = zh('编号可解析且为规范写法的标准行数 ÷ 写了编号的标准行数 × 100（规则 number-format、number-canonical）', 'rows whose number parses and is canonical ÷ rows with a number × 100 (number-format, number-canonical)');
      const withNumber = rows.filter((e) => e.number);
      const bad = new Map<object, Place>();
      for (const id of ['number-format', 'number-canonical']) {
        for (const f of findingsOf(id, ctx)) if (f.at.key === 'number' && f.at.node && !bad.has(f.at.node)) bad.set(f.at.node, findingPlace(f));
      }
      const failing = withNumber.filter((e) => bad.has(e.raw)).map((e) => bad.get(e.raw)!);
      return { formula, ...ratio(withNumber.length - failing.length, withNumber.length, zh('没有写编号的标准行', 'no row has a number')), failing,
        basis: withNumber.map((e) => bad.get(e.raw) ?? rowPlace(e, zh(`${e.number}`, `${e.number}`), undefined, 'number')),
        advice: zh('按提示改正编号（hrss-std validate --fix 可改正写法）', 'correct the numbers (hrss-std validate --fix corrects the form)') };
    },
    'required-fields': () => {
      const formula = zh('必填信息齐全的标准行数 ÷ 全部标准行数 × 100；必填：现行/即将实施——编号、发布日期、实施日期；待制定/制定中/待修订——宜定级别（level）、计划完成时间（due）、承担单位（undertaker）；被代替/废止——编号', 'complete rows ÷ all rows × 100; required: in force — number, published, effective; to be made — level, due, undertaker; replaced/withdrawn — number');
      const failing: Place[] = [];
      const basis: Place[] = [];
      for (const e of rows) {
        const need: [string, string, unknown][] = IN_FORCE.has(e.status)
          ? [['number', '编号', e.number], ['published', '发布日期', e.published], ['effective', '实施日期', e.effective]]
          : TO_BE_MADE.has(e.status) ? [['level', '宜定级别', e.level], ['due', '计划完成时间', e.due], ['undertaker', '承担单位', e.undertaker]] : [['number', '编号', e.number]];
        const missing = need.filter(([, , v]) => !v);
        if (!missing.length) {
          basis.push(rowPlace(e, rowText(e)));
          continue;
        }
        const p = rowPlace(e, zh(`${rowText(e).zh}缺${missing.map(([, t]) => t).join('、')}`, `${rowText(e).en} lacks ${missing.map(([k]) => k).join(', ')}`),
          zh(`补写 ${missing.map(([k]) => `${k}:`).join('、')}`, `add ${missing.map(([k]) => `${k}:`).join(', ')}`));
        failing.push(p);
        basis.push(p);
      }
      return { formula, ...ratio(rows.length - failing.length, rows.length, zh('体系没有标准行', 'no rows')), failing, basis,
        advice: zh('现行标准对照封面补写发布、实施日期；待制定的标准写明计划完成时间和承担单位', 'add the dates from the cover; give planned rows a due date and an undertaker') };
    },
    'code-hierarchy': () => {
      const formula = zh('写了体系表编号、编号延续上级且不重复的子体系和标准行数 ÷ 子体系和标准行总数 × 100（规则 code-hierarchy、duplicate-code）', 'nodes and rows with a code that extends the parent\'s and is unique ÷ all nodes and rows × 100');
      const bad = new Map<object, Place>();
      for (const id of ['duplicate-code', 'code-hierarchy']) for (const f of findingsOf(id, ctx)) if (f.at.node && !bad.has(f.at.node)) bad.set(f.at.node, findingPlace(f));
      const nodes = walkNodes(system.subsystems);
      const failing: Place[] = [];
      const basis: Place[] = [];
      const check = (raw: object, code: string | undefined, place: (what: Text, hint?: Text) => Place, what: Text) => {
        const p = !code ? place(zh(`${what.zh}没有体系表编号（code）`, `${what.en} has no code`), zh('写 code:', 'add code:')) : bad.get(raw);
        if (p) failing.push(p);
        basis.push(p ?? place(zh(`${code} ${what.zh}`, `${code} ${what.en}`)));
      };
      for (const n of nodes) check(n.raw, n.code, (w, h) => nodePlace(n, w, h), zh(`子体系“${n.title}”`, `sub-system "${n.title}"`));
      for (const e of rows) check(e.raw, e.code, (w, h) => rowPlace(e, w, h, 'code'), zh(`标准${label(e)}`, `row ${label(e)}`));
      return { formula, ...ratio(basis.length - failing.length, basis.length, zh('体系没有子体系和标准行', 'nothing to number')), failing, basis,
        advice: zh('按所属子体系编号（子体系延续上级编号，标准行为“子体系编号-序号”），并消除重复', 'number by sub-system and remove duplicates') };
    },
    'suppression-reasons': () => {
      const formula = zh('写了理由（-- 之后）的禁用注释数 ÷ 体系文件中全部禁用注释数 × 100', 'disable comments with a reason ÷ all disable comments × 100');
      const failing: Place[] = [];
      const basis: Place[] = [];
      for (const f of system.files) {
        for (const s of [...(f.suppressions?.values() ?? [])].sort((a, b) => a.line - b.line)) {
          const p: Place = { file: f.display, line: s.line, what: zh(`禁用 ${s.rules.join('、')}${s.reason ? `：${s.reason}` : '，没有写理由'}`, `disables ${s.rules.join(', ')}${s.reason ? `: ${s.reason}` : ', no reason'}`) };
          if (!s.reason) failing.push({ ...p, hint: zh('写成 # hrss-std-disable-next-line <规则> -- <理由>', 'write # hrss-std-disable-next-line <rule> -- <reason>') });
          basis.push(p);
        }
      }
      return { formula, ...ratio(basis.length - failing.length, basis.length, zh('体系文件中没有禁用注释', 'no disable comments')), failing, basis,
        advice: zh('为每处禁用注释写明理由，或删去它并改正问题', 'give each disable comment a reason, or fix the problem') };
    },
    duplicates: () => ({
      formula: zh('同一编号（按规范写法比较）出现不止一次的标准行数（规则 duplicate-number）', 'rows whose number (canonical) occurs more than once (duplicate-number)'),
      ...countOf(findingsOf('duplicate-number', ctx)),
      advice: zh('每项标准只保留一行，合并它们的 services', 'keep one row per standard and merge the services'),
    }),
    'replaced-listed': () => ({
      formula: zh('列为现行或即将实施、而本体系中已有其新版本或代替它的标准（或本行写了 replaced_by）的行数（规则 status-replaced 中不依据外部资料的部分）', 'rows in force that a newer edition or a replacing row of this system supersedes, or that state replaced_by (status-replaced, apart from the known data)'),
      ...countOf(findingsOf('status-replaced', ctx).filter((f) => !upstream(f, input.known, byRaw))),
      advice: zh('旧版本改为 status: replaced 并写 replaced_by，或删去', 'set the old edition to replaced with replaced_by, or remove it'),
    }),
    'missing-references': () => {
      const formula = zh('references 中引用、而体系中没有的标准数（规则 missing-reference）', 'references not in the system (missing-reference)');
      if (!rows.some((e) => e.references.length)) return { formula, failing: [], note: zh('体系中没有写 references（规范性引用文件）的行，本项无从检查', 'no row lists references'), advice: zh('', '') };
      return { formula, ...countOf(findingsOf('missing-reference', ctx)), advice: zh('把被引用的标准列入体系（多在基础通用或相应子体系中）', 'add the referenced standards') };
    },
    priority: () => ({
      formula: zh('没有写采用理由的团体/企业标准行，加上服务的事项已有现行国家/行业/地方标准的团体/企业标准行（规则 priority）', 'group/enterprise rows without justification, plus those serving items a national/industry/local standard already serves (priority)'),
      ...countOf(findingsOf('priority', ctx)),
      advice: zh('在 justification 中写明采用理由，或改用已有的国家、行业、地方标准', 'give a justification, or use the existing standard'),
    }),
    conflicts: () => ({
      formula: zh('名称与已知资料不符、级别与编号不符、年代号与日期不符、日期先后颠倒的问题数（规则 title-mismatch、level-mismatch、year-mismatch、date-order）', 'title, level, year or date contradictions (title-mismatch, level-mismatch, year-mismatch, date-order)'),
      // level-mismatch also reports a row with neither number nor level: a missing field (必填信息), not a contradiction
      ...countOf(['title-mismatch', 'level-mismatch', 'year-mismatch', 'date-order'].flatMap((id) => findingsOf(id, ctx)
        .filter((f) => id !== 'level-mismatch' || (f.at.node && byRaw.get(f.at.node)?.number)))),
      advice: zh('对照标准文本封面改正写错的一项', 'correct the wrong field from the cover of the standard'),
    }),
    'share-current': () => {
      const inForce = rows.filter((e) => IN_FORCE.has(e.status));
      const failing = rows.filter((e) => !IN_FORCE.has(e.status)).map((e) => rowPlace(e, rowText(e), TO_BE_MADE.has(e.status)
        ? zh('按计划制定或修订；发布后写编号、日期并改 status: current', 'make or revise it; once published add number and dates, status: current')
        : zh('已被代替或废止：列入其现行替代标准，本行保留为记录或移出体系表', 'replaced or withdrawn: list its successor; keep this row as a record or remove it'), 'status'));
      return {
        formula: zh('状态为现行或即将实施的标准行数 ÷ 体系中全部标准行数 × 100（GB/T 13016 标准统计表的“现有数 ÷ 应有数”）', 'rows in force ÷ all rows × 100 (existing ÷ needed, as in the GB/T 13016 statistics table)'),
        ...ratio(inForce.length, rows.length, zh('体系没有标准行', 'no rows')), failing,
        basis: rows.map((e) => rowPlace(e, rowText(e), undefined, 'status')),
        advice: zh('推进待制定、制定中、待修订标准的工作；被代替或废止的行核实后更新或移出', 'carry out the planned work; update or remove lapsed rows'),
      };
    },
    'review-period': () => {
      const formula = zh(`未超过复审周期（${input.reviewYears} 年，自最近复审日期或发布日期起，均无时自编号年代号起）的现行标准数 ÷ 现行标准数 × 100（规则 review-due，按评价时间）`, `current rows within the ${input.reviewYears}-year review period ÷ current rows × 100 (review-due, at the assessment date)`);
      if (!input.date) return { formula, failing: [], note: noDate, advice: zh('', '') };
      const current = rows.filter((e) => e.status === 'current');
      const due = new Map<object, Place>();
      for (const f of findingsOf('review-due', ctx)) if (f.at.node) due.set(f.at.node, findingPlace(f));
      const failing = current.filter((e) => due.has(e.raw)).map((e) => due.get(e.raw)!);
      return { formula, ...ratio(current.length - failing.length, current.length, zh('没有现行标准', 'no current rows')), failing,
        basis: current.map((e) => due.get(e.raw) ?? rowPlace(e, rowText(e))),
        advice: zh('组织复审并在行中记录 reviewed:；需修订的改为 status: revising', 'review them and record reviewed:; set revising where needed') };
    },
    'planned-overdue': () => {
      const formula = zh('待制定、制定中、待修订且计划完成时间（due）早于评价时间的标准行数（due 只写年或年月时，该年或该月结束后才算逾期）', 'rows to be made whose due date is before the assessment date (a year or month is over only after it ends)');
      if (!input.date) return { formula, failing: [], note: noDate, advice: zh('', '') };
      const date = input.date;
      const failing = rows.filter((e) => TO_BE_MADE.has(e.status) && e.due && duePassed(e.due, date))
        .map((e) => rowPlace(e, zh(`${rowText(e).zh}计划于 ${e.due} 完成，评价时已过期`, `${rowText(e).en} was due ${e.due}`),
          zh('更新状态（已发布的写编号和日期）或修订计划完成时间', 'update the status, or revise due:'), 'due'));
      const noDue = rows.filter((e) => TO_BE_MADE.has(e.status) && !e.due).length;
      return { formula, value: failing.length, failing, advice: zh('落实或修订逾期的制定计划', 'carry out or revise the overdue plans'),
        ...(noDue ? { note: zh(`另有 ${noDue} 行待制定的标准没有写计划完成时间，无从判断（见“必填信息完整率”）`, `${noDue} rows to be made have no due date (see required fields)`) } : {}) };
    },
    'replaced-upstream': () => ({
      formula: zh('列为现行或即将实施、而内置已知标准资料（data/known-standards.yaml，注明来源）记载已被代替或废止的行数（规则 status-replaced 的这一部分）', 'rows in force that the built-in known data records as replaced or withdrawn (that part of status-replaced)'),
      ...countOf(findingsOf('status-replaced', ctx).filter((f) => upstream(f, input.known, byRaw))),
      note: zh('只能发现内置资料收录的标准；资料未收录的标准不在此列', 'only standards in the built-in data can be checked'),
      advice: zh('改用新版本（更新编号、名称和日期），或把该行改为被代替/废止', 'use the new edition, or mark the row replaced/withdrawn'),
    }),
  };

  return INDICATORS.map((def) => {
    const offRules = off(def);
    if (offRules.length) {
      return finish(def, { formula: drafts[def.id]!().formula, failing: [], advice: zh('', ''),
        note: zh(`规则 ${offRules.join('、')} 已在 .hrss-std.yaml 中关闭，本项未评价`, `rule ${offRules.join(', ')} is off in .hrss-std.yaml`) }, settings);
    }
    return finish(def, drafts[def.id]!(), settings);
  });
}

function countOf(findings: Finding[]): Pick<Draft, 'value' | 'failing'> {
  const failing = findings.map(findingPlace).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { value: failing.length, failing };
}

/** A status-replaced finding that rests on the built-in known data (replaced or withdrawn by its publisher). */
function upstream(f: Finding, known: KnownStandards, byRaw: Map<object, StandardEntry>): boolean {
  const e = f.at.node ? byRaw.get(f.at.node) : undefined;
  if (!e || e.replacedBy) return false;
  const n = parsedNumber(e)?.number;
  const k = n ? known.byNumber.get(n.canonical) : undefined;
  return k?.status === 'replaced' || k?.status === 'withdrawn';
}
