import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_CATALOGS, loadCatalog } from '../../catalog/load.js';
import type { Catalog } from '../../catalog/types.js';
import type { Config } from '../../config/config.js';
import { EXIT, emit, UserError } from '../common.js';
import { t, type Lang, type Text } from '../../i18n/index.js';
import { displayPath } from '../../load/source.js';
import { schemaModeline } from '../../authoring/modeline.js';
import { writeSystemYaml } from '../../authoring/yaml-writer.js';
import { customHeaders } from '../../authoring/import/headers.js';
import { ImportError, importWorkbook, type ImportProblem, type OutNode, type WorkbookMeta } from '../../authoring/import/index.js';

export interface ImportCommandOptions {
  sheet?: string;
  output?: string;
  id?: string;
  title?: string;
  framework?: string;
  catalog?: string;
  force?: boolean;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const FRAMEWORKS = ['gbt24421', 'zhanjiang-7', 'none'];

/** `-o systems/x/` (or an existing folder, or a name without .yaml) means `systems/x/system.yaml`. */
function targetFile(output: string, cwd: string): string {
  const abs = path.resolve(cwd, output);
  const isDir = /[\\/]$/.test(output) || (existsSync(abs) && statSync(abs).isDirectory()) || !/\.ya?ml$/i.test(output);
  return isDir ? path.join(abs, 'system.yaml') : abs;
}

function slug(s: string): string | undefined {
  const v = s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ID.test(v) ? v : undefined;
}

export function formatProblem(p: ImportProblem, lang: Lang): string {
  return `${p.sheet}${p.cell ? `!${p.cell}` : ''}: ${t(p.message, lang)}`;
}

function countNodes(nodes: OutNode[]): number {
  return nodes.reduce((n, x) => n + 1 + countNodes(x.subsystems), 0);
}

export async function runImport(file: string, opts: ImportCommandOptions, config: Config, cwd: string, lang: Lang): Promise<number> {
  if (opts.framework !== undefined && !FRAMEWORKS.includes(opts.framework)) {
    throw new UserError({ zh: `未知的体系框架 “${opts.framework}”；可用：${FRAMEWORKS.join('、')}`, en: `unknown framework "${opts.framework}"; available: ${FRAMEWORKS.join(', ')}` });
  }
  const target = opts.output ? targetFile(opts.output, cwd) : undefined;
  const id = opts.id ?? (target ? slug(path.basename(path.dirname(target))) : undefined) ?? slug(path.basename(file, path.extname(file))) ?? 'imported';
  if (!ID.test(id)) {
    throw new UserError({ zh: `体系标识 “${id}” 无效：只能用小写字母、数字和连字符`, en: `invalid system id "${id}": lower-case letters, digits and hyphens only` });
  }
  if (target && existsSync(target) && !opts.force) {
    throw new UserError({ zh: `${displayPath(target, cwd)} 已存在，未覆盖`, en: `${displayPath(target, cwd)} exists; not overwritten` }, EXIT.USAGE,
      { zh: '换一个输出目录，或加 --force 覆盖', en: 'choose another folder, or add --force to replace it' });
  }

  // The catalog turns service names into ids; without one, id-like tokens are kept as written.
  // Which one: --catalog, else the one an exported workbook records, else .hrss-std.yaml's, else the built-in one.
  // `write` is how system.yaml names it (relative to the new file), so `gaps` works right after import.
  const relToTarget = (abs: string) => (target ? path.relative(path.dirname(target), abs).split(path.sep).join('/') : abs);
  let chosen: { ref: string; base: string; write: string } = opts.catalog
    ? { ref: opts.catalog, base: cwd, write: BUILTIN_CATALOGS[opts.catalog] || !target ? opts.catalog : relToTarget(path.resolve(cwd, opts.catalog)) }
    : config.catalog
      ? { ref: config.catalog, base: config.dir, write: BUILTIN_CATALOGS[config.catalog] || !target ? config.catalog : relToTarget(path.resolve(config.dir, config.catalog)) }
      : { ref: 'hrss-basic', base: cwd, write: 'hrss-basic' };
  const notes: Text[] = [];
  let meta: WorkbookMeta | undefined;
  const catalogFor = (m: WorkbookMeta | undefined): Catalog | undefined => {
    meta = m;
    const recorded = m?.catalog;
    if (!opts.catalog && recorded) {
      if (BUILTIN_CATALOGS[recorded]) chosen = { ref: recorded, base: cwd, write: recorded };
      else {
        // the path was relative to the exported system's file: look beside the new file, then from here
        const bases = [target ? path.dirname(target) : undefined, cwd, config.dir].filter((x): x is string => !!x);
        const base = bases.find((d) => existsSync(path.resolve(d, recorded)));
        if (base) chosen = { ref: recorded, base, write: target ? relToTarget(path.resolve(base, recorded)) : recorded };
        else notes.push({ zh: `工作簿记录的服务事项目录 “${recorded}” 在新体系文件旁和当前目录都找不到，改用 ${chosen.ref}；请在 system.yaml 中改正 catalog:`, en: `the workbook records the catalog "${recorded}", found neither beside the new system file nor here; using ${chosen.ref}; correct catalog: in system.yaml` });
      }
    }
    const loaded = loadCatalog(chosen.ref, chosen.base, { limits: config.limits, cwd });
    if (!loaded.catalog && opts.catalog) {
      throw new UserError({ zh: `无法使用服务事项目录 “${opts.catalog}”`, en: `cannot use the catalog "${opts.catalog}"` });
    }
    return loaded.catalog;
  };

  let result;
  try {
    result = await importWorkbook(path.resolve(cwd, file), { sheet: opts.sheet, extraHeaders: customHeaders(config.export.columns), catalogFor });
  } catch (e) {
    if (e instanceof ImportError) throw new UserError(e.text, EXIT.USAGE, e.hint);
    throw e;
  }

  const title = opts.title ?? result.title ?? path.basename(file, path.extname(file));
  const writeCatalog = chosen.write;
  // what an exported workbook records about its system comes back too (--framework wins)
  const recordedFramework = meta?.framework && FRAMEWORKS.includes(meta.framework) ? meta.framework : undefined;
  const framework = opts.framework ?? recordedFramework;
  const region = meta && (meta['region.name'] || meta['region.code']) ? { name: meta['region.name'] || undefined, code: meta['region.code'] || undefined } : undefined;
  const comments: string[] = [];
  if (target) comments.push(schemaModeline(path.dirname(target), config.file ? config.dir : cwd, 'system'));
  // File and sheet names are the user's: a line break in one must not start a YAML line.
  const oneLine = (x: string) => JSON.stringify(x.replace(CONTROL_OR_BREAK, ' ')).slice(1, -1);
  comments.push(`由 hrss-std import 从 ${oneLine(path.basename(file))}（工作表 ${oneLine(result.sheet)}）导入`);
  const yamlText = writeSystemYaml(
    { id, title, framework, region, catalog: writeCatalog, comments },
    { standards: result.standards, subsystems: result.subsystems },
  );
  if (target) mkdirSync(path.dirname(target), { recursive: true });
  emit(yamlText, target);

  for (const p of result.problems) process.stderr.write(formatProblem(p, lang) + '\n');
  for (const n of notes) process.stderr.write(`hrss-std: ${t(n, lang)}\n`);
  const subCount = countNodes(result.subsystems);
  const summary = {
    zh: `已导入 ${result.rows} 条标准、${subCount} 个子体系${target ? ` → ${displayPath(target, cwd)}` : ''}；${result.problems.length ? `${result.problems.length} 处无法识别（见上）` : '全部单元格均已识别'}`,
    en: `imported ${result.rows} standard(s) in ${subCount} sub-system(s)${target ? ` → ${displayPath(target, cwd)}` : ''}; ${result.problems.length ? `${result.problems.length} cell(s) not mapped (above)` : 'every cell mapped'}`,
  };
  process.stderr.write(t(summary, lang) + '\n');
  if (target) process.stderr.write(t({ zh: '下一步：hrss-std validate', en: 'next: hrss-std validate' }, lang) + '\n');
  process.stderr.write(t({
    zh: `读取 ${result.rowsRead} 行，写出 ${result.rows} 条标准、${subCount} 个子体系，报告 ${result.problems.length} 处单元格`,
    en: `rows read ${result.rowsRead}, standards written ${result.rows}, sub-systems written ${subCount}, cells reported ${result.problems.length}`,
  }, lang) + '\n');
  return result.problems.length ? EXIT.FINDINGS : EXIT.OK;
}
