import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Text } from '../../i18n/index.js';
import type { ExportModel } from '../model.js';
import { buildSite, type Site, type SiteFile } from './site.js';

export { buildSite, makeSite, searchKey, itemPath, standardPath, TABLE_WINDOW, type Site, type SiteFile } from './site.js';

/**
 * The HTML exporter: unlike .xlsx/.docx it writes a folder of plain files, so its interface
 * returns the files (path + text) and the command writes them (cli/write-files.ts).
 */
export interface SiteExporter {
  id: 'html';
  site(model: ExportModel, opts: { lang: Lang }): SiteFile[];
}

export const htmlExporter: SiteExporter = { id: 'html', site: (model, opts) => buildSite(model, opts.lang) };

/**
 * May the site go into `dir`? An empty or missing folder: yes; a folder whose index.html this
 * tool wrote (generator meta): yes; anything else only with --force, so a typo does not scatter
 * pages into someone's folder.
 */
export function checkSiteDir(dir: string, force: boolean): Text | undefined {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (!st.isDirectory()) return { zh: `无法写入网站目录 ${dir}：这是一个文件`, en: `cannot write the site into ${dir}: it is a file` };
  if (force || readdirSync(dir).length === 0) return undefined;
  let index = '';
  try {
    index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  } catch { /* no index */ }
  if (/<meta name="generator" content="hrss-std /.test(index)) return undefined;
  return { zh: `目录 ${dir} 不是空目录，也不是本工具生成的网站，不写入`, en: `${dir} is neither empty nor a site this tool wrote; not writing into it` };
}

export { buildProvinceSite } from './province.js';
