import { STATE_LABELS } from '../../gaps/labels.js';
import type { MatrixGroup } from '../../gaps/matrix.js';
import { t, type Lang } from '../../i18n/index.js';
import type { ExportModel } from '../model.js';
import { SITE_CSS } from './assets.js';
import { buildSite, itemPath, pageShell, slug, type SiteFile } from './site.js';
import { esc } from './svg.js';

/**
 * The site of several systems (a province and its cities): an index page with every system and
 * the item × system matrix (地域全覆盖), and each system's own site in a folder named by its id.
 */
export function buildProvinceSite(models: ExportModel[], matrix: MatrixGroup[], lang: Lang): SiteFile[] {
  const zh = lang === 'zh';
  const folders = systemFolders(models);
  const parent = { href: 'index.html', label: zh ? '全部体系' : 'All systems' };
  const files: SiteFile[] = [
    { path: 'style.css', text: SITE_CSS },
    { path: 'index.html', text: provinceIndex(models, folders, matrix, lang) },
  ];
  models.forEach((m, i) => {
    for (const f of buildSite(m, lang, { parent })) files.push({ path: `${folders[i]}/${f.path}`, text: f.text });
  });
  return files;
}

/** One folder per system, named by its id; a repeated id gets -2, -3… so no system overwrites another. */
function systemFolders(models: ExportModel[]): string[] {
  const used = new Set<string>();
  return models.map((m) => {
    const base = slug(m.system.id);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}

const MARK: Record<string, string> = { covered: '✔', planned: '◔', lapsed: '✖', uncovered: '○' };

function provinceIndex(models: ExportModel[], folders: string[], matrix: MatrixGroup[], lang: Lang): string {
  const zh = lang === 'zh';
  const title = zh ? `标准体系一览（${models.length} 个体系）` : `Standard systems (${models.length})`;
  const folderOf = new Map(models.map((m, i) => [m.system.id, folders[i]!]));
  const body: string[] = [`<h1>${esc(title)}</h1>`];
  body.push(`<div class="wide"><table><caption>${zh ? '各标准体系' : 'The systems'}</caption><thead><tr><th scope="col">${zh ? '标准体系' : 'System'}</th><th scope="col" class="n">${zh ? '标准数' : 'Standards'}</th><th scope="col">${zh ? '服务事项目录' : 'Catalog'}</th><th scope="col" class="n">${zh ? '服务事项覆盖率（%）' : 'Item coverage (%)'}</th><th scope="col">${zh ? '数据日期' : 'Data date'}</th></tr></thead><tbody>${models
    .map((m, i) => {
      const totals = m.coverage?.totals;
      return `<tr><th scope="row"><a href="${folders[i]}/index.html">${esc(m.system.title)}</a></th><td class="n">${m.rows.length}</td><td>${m.catalog ? esc(m.catalog.title) : '—'}</td><td class="n">${totals ? `${totals.coveragePct}（${totals.covered}/${totals.items}）` : '—'}</td><td>${m.date.basis === 'none' ? (zh ? '未写明' : 'not stated') : esc(m.date.iso)}</td></tr>`;
    })
    .join('')}</tbody></table></div>`);
  for (const g of matrix) {
    const systems = g.reports.map((r) => r.system);
    body.push(`<h2>${zh ? `服务事项覆盖矩阵：${esc(g.catalog.title)}` : `Item × system coverage: ${esc(g.catalog.title)}`}</h2>`);
    body.push(`<p>${zh
      ? `计入统计的 ${g.counted} 项中：每个体系都已覆盖 ${g.everywhere} 项；没有任何体系覆盖 ${g.nowhere} 项。`
      : `Of the ${g.counted} counted items, ${g.everywhere} are covered in every system and ${g.nowhere} in none.`}</p>`);
    body.push(`<p class="legend">${(['covered', 'planned', 'lapsed', 'uncovered'] as const).map((s) => `${MARK[s]} ${esc(t(STATE_LABELS[s], lang))}`).join('　')}</p>`);
    const head = `<tr><th scope="col">${zh ? '事项' : 'Item'}</th><th scope="col">${zh ? '名称' : 'Name'}</th>${systems.map((s) => `<th scope="col">${esc(s.title)}</th>`).join('')}</tr>`;
    const rows = g.rows.map((r) => {
      const cells = r.states.map((st, i) => {
        const folder = folderOf.get(systems[i]!.id);
        const label = `${MARK[st]} ${esc(t(STATE_LABELS[st], lang))}`;
        return `<td class="state-cell">${folder ? `<a href="${folder}/${itemPath(r.unit.item.id)}">${label}</a>` : label}</td>`;
      });
      return `<tr><th scope="row">${esc(r.unit.item.id)}</th><td>${esc(r.unit.item.name)}${r.unit.counted ? '' : zh ? '（不计入统计）' : ' (not counted)'}</td>${cells.join('')}</tr>`;
    });
    body.push(`<div class="wide"><table><caption>${zh ? '事项 × 体系' : 'Item × system'}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`);
  }
  const first = models[0]!;
  return pageShell({
    lang,
    toolVersion: first.toolVersion,
    up: '',
    title,
    siteTitle: title,
    nav: [['index.html', zh ? '全部体系' : 'All systems'], ...models.map((m, i): [string, string] => [`${folders[i]}/index.html`, m.system.title])],
    current: 'index.html',
    body: body.join('\n'),
    footer: '',
  });
}
