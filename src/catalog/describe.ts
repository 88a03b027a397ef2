import type { Lang } from '../i18n/index.js';
import type { Catalog, Confidence } from './types.js';

export interface CatalogCounts {
  projects: number;
  /** items listed under projects */
  items: number;
  projectsWithoutItems: number;
  /** units gaps counts: items plus one per item-less project */
  counted: number;
  unassigned: number;
  byConfidence: Record<Confidence | 'unstated', number>;
  /** `counts.official_items_expected` of the file, when it states one */
  officialExpected?: number;
  /** `counts.items` of the file when it disagrees with what the file holds */
  statedItemsMismatch?: number;
}

/** Count what the catalog actually holds (the `counts:` block is only what its author wrote). */
export function countCatalog(c: Catalog): CatalogCounts {
  const byConfidence = { confirmed: 0, partial: 0, inferred: 0, unstated: 0 };
  let items = 0;
  let empty = 0;
  for (const p of c.projects) {
    if (p.items.length === 0) empty++;
    for (const i of p.items) {
      items++;
      byConfidence[i.confidence ?? 'unstated']++;
    }
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  const officialExpected = num(c.counts?.official_items_expected);
  const stated = num(c.counts?.items);
  return {
    projects: c.projects.length,
    items,
    projectsWithoutItems: empty,
    counted: items + empty,
    unassigned: c.unassigned.length,
    byConfidence,
    officialExpected,
    statedItemsMismatch: stated !== undefined && stated !== items ? stated : undefined,
  };
}

/** Where the catalog comes from, in one line. */
export function catalogHeadline(c: Catalog, lang: Lang): string {
  const ed = c.edition ? (lang === 'zh' ? `，版本 ${c.edition}` : `, edition ${c.edition}`) : '';
  const origin = c.origin.builtin ? (lang === 'zh' ? '内置目录' : 'built-in') : c.file.display;
  return lang === 'zh' ? `${c.id}《${c.title}》${ed}，${origin}` : `${c.id} "${c.title}"${ed}, ${origin}`;
}

/**
 * What the catalog holds and what it is not, in plain words. Never pads: the
 * numbers are counted from the file, and a stated official total is compared
 * with them.
 */
export function catalogStatement(c: Catalog, lang: Lang): string[] {
  const n = countCatalog(c);
  const out: string[] = [];
  const conf = (['confirmed', 'partial', 'inferred', 'unstated'] as const)
    .filter((k) => n.byConfidence[k] > 0)
    .map((k) => `${k === 'unstated' ? (lang === 'zh' ? '未标注' : 'unstated') : k} ${n.byConfidence[k]}`)
    .join(lang === 'zh' ? '，' : ', ');
  if (lang === 'zh') {
    out.push(`收录 ${n.projects} 个服务项目、${n.items} 个服务事项` +
      (n.projectsWithoutItems ? `；${n.projectsWithoutItems} 个项目未列事项，各按 1 项计` : '') +
      `；计入统计 ${n.counted} 项。`);
    if (n.unassigned) out.push(`另有 ${n.unassigned} 个不属任何项目的事项，单独列出，不计入统计。`);
    if (n.items) out.push(`事项可信度：${conf}。`);
    if (n.officialExpected !== undefined && n.officialExpected !== n.items) {
      out.push(`官方清单应有 ${n.officialExpected} 个服务事项，本目录只有 ${n.items} 个，不是官方清单；覆盖率只对本目录收录的事项有效。`);
      out.push('可用 hrss-std catalog import 把本省或人社部的官方清单（Excel/CSV）转换为目录，再在 catalog: 中引用。');
    }
    if (n.statedItemsMismatch !== undefined) out.push(`注意：目录 counts.items 写的是 ${n.statedItemsMismatch}，实际收录 ${n.items}。`);
  } else {
    out.push(`${n.projects} projects and ${n.items} items` +
      (n.projectsWithoutItems ? `; ${n.projectsWithoutItems} projects list no items and count as one unit each` : '') +
      `; ${n.counted} counted units.`);
    if (n.unassigned) out.push(`${n.unassigned} further item${n.unassigned === 1 ? ' belongs' : 's belong'} to no project: listed, not counted.`);
    if (n.items) out.push(`Item confidence: ${conf}.`);
    if (n.officialExpected !== undefined && n.officialExpected !== n.items) {
      out.push(`The official list has ${n.officialExpected} items; this catalog holds ${n.items} and is not that list, so coverage is coverage of this catalog only.`);
      out.push('Turn your official list (Excel/CSV) into a catalog with hrss-std catalog import and name it in catalog:.');
    }
    if (n.statedItemsMismatch !== undefined) out.push(`Note: the catalog's counts.items says ${n.statedItemsMismatch}; it holds ${n.items}.`);
  }
  return out;
}
