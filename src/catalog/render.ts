import type { Lang } from '../i18n/index.js';
import { alignRows } from '../util/text-table.js';
import { catalogHeadline, catalogStatement, countCatalog } from './describe.js';
import type { Catalog, CatalogItem, CatalogProject, Confidence } from './types.js';

const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);
const CONF: Record<Confidence, { zh: string; en: string }> = {
  confirmed: { zh: '已核实', en: 'confirmed' },
  partial: { zh: '部分核实', en: 'partial' },
  inferred: { zh: '推断', en: 'inferred' },
};
const conf = (c: Confidence | undefined, lang: Lang) => (c ? (lang === 'zh' ? `${c}（${CONF[c].zh}）` : c) : zh(lang, '未标注', 'unstated'));

function areaText(p: CatalogProject, lang: Lang): string {
  if (!p.area) return '';
  const c = p.areaConfidence && p.areaConfidence !== 'confirmed' ? zh(lang, `（${CONF[p.areaConfidence].zh}）`, ` (${p.areaConfidence})`) : '';
  return zh(lang, `〔领域：${p.area}${c}〕`, `[area: ${p.area}${c}]`);
}

/** Heading lines: what the catalog is, what it holds, and its own note. */
export function catalogIntro(c: Catalog, lang: Lang): string[] {
  const out = [zh(lang, `服务事项目录：${catalogHeadline(c, lang)}`, `Service catalog: ${catalogHeadline(c, lang)}`)];
  if (c.origin.builtin) out.push(zh(lang, `文件：${c.file.display}`, `file: ${c.file.display}`));
  for (const l of catalogStatement(c, lang)) out.push(`  ${l}`);
  if (c.note) out.push(zh(lang, `目录说明：${c.note}`, `catalog note: ${c.note}`));
  return out;
}

/** `hrss-std catalog list`: every project and item with its source and confidence. */
export function renderCatalogList(c: Catalog, lang: Lang): string {
  const out = catalogIntro(c, lang);
  const items = (list: CatalogItem[]) =>
    alignRows(list.map((i) => [i.id, i.name, conf(i.confidence, lang), zh(lang, `来源：${i.source ?? '（未写）'}`, `source: ${i.source ?? '(none)'}`)]), ['l', 'l', 'l', 'l'], '    ');
  for (const p of c.projects) {
    out.push('', [`  ${p.id}`, p.name, areaText(p, lang), p.source ? zh(lang, `来源：${p.source}`, `source: ${p.source}`) : ''].filter(Boolean).join('  '));
    if (!p.items.length) out.push(zh(lang, `    （未列事项：覆盖分析中按 1 项计，标准的 services 写项目 id ${p.id} 即可）`, `    (no items: measured as one unit; name ${p.id} in services)`));
    out.push(...items(p.items));
  }
  if (c.unassigned.length) {
    out.push('', zh(lang, '  不属任何项目的事项（列出，不计入覆盖统计）', '  Items in no project (listed, not counted in coverage)'));
    out.push(...items(c.unassigned));
  }
  return out.join('\n') + '\n';
}

function itemFields(i: CatalogItem, c: Catalog, lang: Lang): string[][] {
  const p = i.project ? c.projectsById.get(i.project) : undefined;
  const rows: string[][] = [
    [zh(lang, '类型', 'kind'), p ? zh(lang, '服务事项', 'item') : zh(lang, '服务事项（不属任何项目，不计入覆盖统计）', 'item (in no project; not counted)')],
  ];
  if (p) rows.push([zh(lang, '所属项目', 'project'), `${p.id} ${p.name}${p.area ? zh(lang, `（领域：${p.area}）`, ` (area: ${p.area})`) : ''}`]);
  if (i.also.length) {
    rows.push([zh(lang, '亦服务项目（also）', 'also serves'), i.also.map((a) => `${a} ${c.projectsById.get(a)?.name ?? '?'}`).join(zh(lang, '、', ', '))]);
  }
  if (i.aliases.length) rows.push([zh(lang, '别名', 'aliases'), i.aliases.join(zh(lang, '、', ', '))]);
  rows.push([zh(lang, '来源', 'source'), i.source ?? zh(lang, '（未写）', '(none)')]);
  rows.push([zh(lang, '可信度', 'confidence'), conf(i.confidence, lang)]);
  if (i.target) rows.push([zh(lang, '服务对象', 'target'), i.target]);
  if (i.basis) rows.push([zh(lang, '执行标准/规范性文件', 'basis'), i.basis]);
  if (i.standards.length) rows.push([zh(lang, '目录记载的相关标准', 'related standards (catalog)'), i.standards.join(zh(lang, '、', ', '))]);
  if (i.note) rows.push([zh(lang, '备注', 'note'), i.note]);
  return rows;
}

/** `hrss-std catalog show ID`: one project (with its items) or one item, every field. */
export function renderCatalogShow(c: Catalog, id: string, lang: Lang): string | undefined {
  const p = c.projectsById.get(id);
  const out: string[] = [];
  if (p) {
    out.push(`${p.id}  ${p.name}`);
    const rows: string[][] = [[zh(lang, '类型', 'kind'), zh(lang, '服务项目', 'project')]];
    if (p.area) rows.push([zh(lang, '领域', 'area'), `${p.area}${p.areaConfidence ? zh(lang, `，可信度 ${conf(p.areaConfidence, lang)}`, `, confidence ${p.areaConfidence}`) : ''}`]);
    rows.push([zh(lang, '来源', 'source'), p.source ?? zh(lang, '（未写）', '(none)')]);
    if (p.standards.length) rows.push([zh(lang, '目录记载的相关标准', 'related standards (catalog)'), p.standards.join(zh(lang, '、', ', '))]);
    if (p.note) rows.push([zh(lang, '备注', 'note'), p.note]);
    rows.push([zh(lang, '事项', 'items'), p.items.length ? String(p.items.length) : zh(lang, '未列事项（覆盖分析中按 1 项计）', 'none (measured as one unit)')]);
    out.push(...alignRows(rows, ['l', 'l'], '  '));
    if (p.items.length) out.push('', ...alignRows(p.items.map((i) => [i.id, i.name, conf(i.confidence, lang)]), ['l', 'l', 'l'], '  '));
    const alsoHere = [...c.items.values()].filter((i) => i.also.includes(p.id));
    if (alsoHere.length) {
      out.push('', zh(lang, '  其他项目中亦服务本项目的事项（also）：', '  Items of other projects that also serve this one:'));
      out.push(...alignRows(alsoHere.map((i) => [i.id, i.name]), ['l', 'l'], '    '));
    }
    return out.join('\n') + '\n';
  }
  const i = c.items.get(id);
  if (!i) return undefined;
  out.push(`${i.id}  ${i.name}`, ...alignRows(itemFields(i, c, lang), ['l', 'l'], '  '));
  return out.join('\n') + '\n';
}

/** The catalog as JSON, with the counts hrss-std recounts from the file. */
export function renderCatalogJson(c: Catalog): string {
  const item = (i: CatalogItem) => ({
    id: i.id, name: i.name, project: i.project ?? null, source: i.source ?? null, confidence: i.confidence ?? null,
    also: i.also, aliases: i.aliases, target: i.target ?? null, basis: i.basis ?? null, standards: i.standards, note: i.note ?? null,
  });
  return JSON.stringify({
    id: c.id, title: c.title, edition: c.edition ?? null, builtin: c.origin.builtin, file: c.file.display, note: c.note ?? null,
    counts: countCatalog(c),
    projects: c.projects.map((p) => ({
      id: p.id, name: p.name, area: p.area ?? null, areaConfidence: p.areaConfidence ?? null, source: p.source ?? null, note: p.note ?? null,
      standards: p.standards, items: p.items.map(item),
    })),
    unassignedItems: c.unassigned.map(item),
  }, null, 2) + '\n';
}
