import { META_FORMAT, META_SHEET } from '../../export/xlsx/meta.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { checkXlsx, describeXlsxLimit } from '../../util/xlsx-limits.js';
import type { Catalog } from '../../catalog/types.js';
import type { Text } from '../../i18n/index.js';
import type { Field } from './headers.js';
import { readWorkbook, type Grid } from './sheet.js';
import { readTable, type TableResult } from './table.js';

export type { ImportProblem, OutNode, OutStandard } from './table.js';

/** Sheet names tried first when --sheet is not given. */
const PREFERRED = [/^标准明细表$/, /^明细表$/, /明细/, /体系表/];

export class ImportError extends Error {
  constructor(readonly text: Text, readonly hint?: Text) {
    super(text.en);
  }
}

/** Largest workbook file read (bytes); the zip directory is checked separately in sheet.ts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  sheet?: string;
  extraHeaders?: Map<string, Field>;
  catalog?: Catalog;
  /**
   * Chooses the catalog once the workbook is read, from what its hidden metadata sheet says (an
   * export of this tool records the system's catalog there); overrides `catalog` when given.
   */
  catalogFor?: (meta: WorkbookMeta | undefined) => Catalog | undefined;
}

/** What an exported workbook's hidden `_hrss_std` sheet records about its system (export/xlsx/meta.ts). */
export type WorkbookMeta = Record<string, string>;

export interface ImportResult extends TableResult {
  sheet: string;
  meta?: WorkbookMeta;
}

/** The pairs of the hidden metadata sheet, when the workbook has one this tool wrote. */
function readMeta(wb: { names: string[]; grid: (name: string) => Grid }): WorkbookMeta | undefined {
  if (!wb.names.includes(META_SHEET)) return undefined;
  const g = wb.grid(META_SHEET);
  const meta: WorkbookMeta = {};
  for (let r = 1; r <= g.rowCount; r++) {
    const k = g.rows[r]?.[1]?.text.trim();
    if (k && !Object.hasOwn(meta, k)) meta[k] = g.rows[r]?.[2]?.text.trim() ?? '';
  }
  return meta.format === META_FORMAT ? meta : undefined;
}

/** Names and ids of a catalog's items and projects, for services cells written with names. */
function serviceLookup(catalog: Catalog): { names: Map<string, string>; ids: Set<string> } {
  const names = new Map<string, string>();
  const ids = new Set<string>();
  for (const p of catalog.projects) {
    ids.add(p.id);
    names.set(p.name, p.id);
    for (const i of p.items) {
      ids.add(i.id);
      names.set(i.name, i.id);
      for (const a of i.aliases) names.set(a, i.id);
    }
  }
  for (const i of catalog.unassigned) {
    ids.add(i.id);
    names.set(i.name, i.id);
  }
  return { names, ids };
}

/** Read a 标准明细表 workbook into the YAML tree, with every cell that could not be mapped. */
export async function importWorkbook(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  if (!existsSync(file)) throw new ImportError({ zh: `文件不存在：${file}`, en: `file not found: ${file}` });
  // A FIFO or device reports size 0 and never ends: only regular files are read, up to a limit.
  const st = statSync(file);
  if (!st.isFile()) {
    throw new ImportError({ zh: `不是普通文件，未读取：${file}`, en: `not a regular file; not read: ${file}` },
      { zh: '导入只读取 .xlsx 普通文件（不读取管道、设备或目录）', en: 'import reads regular .xlsx files only (no pipes, devices or folders)' });
  }
  if (st.size > MAX_IMPORT_BYTES) {
    throw new ImportError({ zh: `文件过大（${st.size} 字节，上限 ${MAX_IMPORT_BYTES} 字节）：${file}`, en: `file too large (${st.size} bytes; the limit is ${MAX_IMPORT_BYTES}): ${file}` });
  }
  // Sizes, rows and merges are checked on the zip before exceljs expands anything.
  const buf = readFileSync(file);
  const limit = buf.subarray(0, 2).toString('latin1') === 'PK' ? checkXlsx(buf) : undefined;
  if (limit) {
    throw new ImportError({ zh: `${file}：${describeXlsxLimit(limit).zh}`, en: `${file}: ${describeXlsxLimit(limit).en}` });
  }
  let wb: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    wb = await readWorkbook(buf);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new ImportError({ zh: `文件不存在：${file}`, en: `file not found: ${file}` });
    throw new ImportError(
      { zh: `无法读取 Excel 文件 ${file}：${err.message}`, en: `cannot read the Excel file ${file}: ${err.message}` },
      { zh: '只支持 .xlsx；.xls 或 .et 文件请先在 Excel/WPS 中另存为 .xlsx', en: 'only .xlsx is read; save .xls/.et files as .xlsx first' },
    );
  }
  const meta = readMeta(wb);
  const catalog = opts.catalogFor ? opts.catalogFor(meta) : opts.catalog;
  const lookup = catalog ? serviceLookup(catalog) : undefined;
  // The export names the workbook "<system title> 标准体系表": the title of a round trip.
  const rootTitle = wb.title?.replace(/\s*标准体系表$/, '').trim() || undefined;
  const tableOpts = { extraHeaders: opts.extraHeaders, serviceNames: lookup?.names, serviceIds: lookup?.ids, rootTitle };
  const withTitle = (r: TableResult): TableResult & { meta?: WorkbookMeta } => ({ ...r, title: r.title ?? rootTitle, meta });
  if (opts.sheet !== undefined) {
    if (!wb.names.includes(opts.sheet)) {
      throw new ImportError(
        { zh: `工作簿中没有名为 “${opts.sheet}” 的工作表`, en: `no sheet named "${opts.sheet}"` },
        { zh: `可用：${wb.names.join('、')}`, en: `available: ${wb.names.join(', ')}` },
      );
    }
    return { sheet: opts.sheet, ...withTitle(readTable(wb.grid(opts.sheet), tableOpts)) };
  }
  const ordered = [
    ...PREFERRED.flatMap((re) => wb.names.filter((n) => re.test(n))),
    ...wb.names,
  ].filter((n, i, a) => a.indexOf(n) === i && n !== META_SHEET);
  let firstTry: ImportResult | undefined;
  for (const name of ordered) {
    const r = { sheet: name, ...withTitle(readTable(wb.grid(name), tableOpts)) };
    if (r.headerRow > 0) return r;
    firstTry ??= r;
  }
  const why = firstTry?.problems[0]?.message;
  throw new ImportError(
    { zh: `没有找到标准明细表：各工作表中都没有可识别的表头行${why ? `（${firstTry!.sheet}：${why.zh}）` : ''}`, en: `no 标准明细表 found: no sheet has a header row it can read${why ? ` (${firstTry!.sheet}: ${why.en})` : ''}` },
    { zh: `工作表：${wb.names.join('、')}；可用 --sheet 指定，或把表头改为上述名称`, en: `sheets: ${wb.names.join(', ')}; choose one with --sheet, or rename the headers as above` },
  );
}
