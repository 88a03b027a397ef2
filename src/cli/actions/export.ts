import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { BoundedReadError, readRegularFile } from '../../util/bounded-read.js';

/** A Word template is a few hundred KiB; 32 MiB leaves room for embedded images and refuses /dev/zero-like inputs. */
const TEMPLATE_MAX_BYTES = 32 * 1024 * 1024;
import path from 'node:path';
import { EXIT, UserError, validateOrExit } from '../common.js';
import type { Config } from '../../config/config.js';
import { t, type Lang, type Text } from '../../i18n/index.js';
import { describeWriteError, writeFileAtomic, WriteError } from '../../util/atomic.js';
import { isIsoDate } from '../../schema/validate.js';
import { ColumnConfigError, resolveColumns } from '../../export/columns.js';
import { buildExportModel } from '../../export/model.js';
import type { ExporterId } from '../../export/types.js';
import { loadExporter } from '../../export/registry.js';
import { checkTarget } from '../../export/write.js';
import { DOCX_LAYOUT_MS_PER_ROW, DOCX_MAX_ROWS, TOC_PAGE_NUMBERS_MAX_ROWS } from '../../export/limits.js';
import type { StandardSystem } from '../../model/types.js';
import type { Catalog } from '../../catalog/types.js';
import type { Assessment } from '../../assess/types.js';
import type { Progress } from '../progress.js';
import { writeSite } from '../write-files.js';
import type { SiteFile } from '../../export/html/index.js';

export interface RunExportInput {
  cwd: string;
  config: Config;
  lang: Lang;
  systemArg?: string;
  xlsx?: string | boolean;
  docx?: string | boolean;
  /** --html [DIR]: a static site in DIR (default `site` under the output folder) */
  html?: string | boolean;
  outDir?: string;
  force: boolean;
  date?: string;
  /** --draft: mark what the 编制说明 still lacks in the document */
  draft?: boolean;
  docxTemplate?: string;
  /** --assess: add the 体系评价 as a 评价 sheet of the workbook (评价时间: --date or document.date) */
  assess?: boolean;
  assessor?: string;
  color: boolean;
  toolVersion: string;
  /** where the steps are shown (src/cli/progress.ts); none by default */
  progress?: Progress;
}



/** The progress line of writing one file; a Word file that lays out its pages says about how long that takes. */
export function writingStep(id: ExporterId, rows: number): Text {
  if (id === 'xlsx') return { zh: `写出 Excel 文件（明细表 ${rows} 项）`, en: `writing the workbook (${rows} rows)` };
  if (rows <= TOC_PAGE_NUMBERS_MAX_ROWS && rows >= 500) {
    const s = Math.ceil((rows * DOCX_LAYOUT_MS_PER_ROW) / 1000);
    return { zh: `生成 Word 文件（明细表 ${rows} 项；为目次排版计算页码，约需 ${s} 秒）`, en: `writing the Word file (${rows} rows; laying out the pages for the 目次's page numbers, about ${s} s)` };
  }
  return { zh: `生成 Word 文件（明细表 ${rows} 项）`, en: `writing the Word file (${rows} rows)` };
}

/**
 * The export command's work: find one system, refuse it when it has validation errors
 * (unless --force), compute coverage and statistics once, let each exporter render
 * the same model, and write each file atomically under the overwrite policy.
 */
export async function runExport(input: RunExportInput): Promise<{ messages: Text[]; files: string[] }> {
  const { cwd, config, lang } = input;
  if (input.date !== undefined && !isIsoDate(input.date)) {
    throw new UserError({ zh: `--date 需要 YYYY-MM-DD 格式、日历上存在的日期，收到 “${input.date}”`, en: `--date takes a date that exists, as YYYY-MM-DD; got "${input.date}"` });
  }
  let columns;
  try {
    columns = resolveColumns(config.export.columns);
  } catch (e) {
    if (e instanceof ColumnConfigError) throw new UserError(e.text, EXIT.USAGE, config.file ? { zh: `见 ${config.file}`, en: `see ${config.file}` } : undefined);
    throw e;
  }

  // which formats: neither flag means both
  const wanted: { id: ExporterId; file: string | boolean }[] = [];
  if (input.xlsx !== undefined) wanted.push({ id: 'xlsx', file: input.xlsx });
  if (input.docx !== undefined) wanted.push({ id: 'docx', file: input.docx });
  if (wanted.length === 0 && input.html === undefined) wanted.push({ id: 'xlsx', file: true }, { id: 'docx', file: true });

  // the docx template: --docx-template, else export.docx_template in .hrss-std.yaml
  let docxStyles: string | undefined;
  const templateRef = input.docxTemplate ? path.resolve(cwd, input.docxTemplate) : config.export.docxTemplate ? path.resolve(config.dir, config.export.docxTemplate) : undefined;
  if (templateRef && wanted.some((w) => w.id === 'docx')) {
    const { readTemplateStyles, TemplateError } = await import('../../export/docx/template.js');
    let data: Buffer;
    try {
      data = readRegularFile(templateRef, TEMPLATE_MAX_BYTES);
    } catch (e) {
      if (e instanceof BoundedReadError) throw new UserError({ zh: `Word 模板：${e.text.zh}`, en: `Word template: ${e.text.en}` });
      throw new UserError({ zh: `无法读取 Word 模板 ${templateRef}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, en: `cannot read the Word template ${templateRef}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
    try {
      docxStyles = readTemplateStyles(new Uint8Array(data));
    } catch (e) {
      if (e instanceof TemplateError) {
        throw new UserError({ zh: `${templateRef} 不是 Word 文件（.docx/.dotx）：${e.message}`, en: `${templateRef} is not a Word file (.docx/.dotx): ${e.message}` },
          EXIT.USAGE, { zh: '在 Word 中另存为 .docx 或 .dotx 后再用', en: 'save it from Word as .docx or .dotx' });
      }
      throw e;
    }
  }

  const progress = input.progress ?? { step() {}, done() {} };
  try {
    return await exportSteps(input, wanted, columns, docxStyles, progress);
  } finally {
    progress.done();
  }
}

async function exportSteps(
  input: RunExportInput,
  wanted: { id: ExporterId; file: string | boolean }[],
  columns: ReturnType<typeof resolveColumns>,
  docxStyles: string | undefined,
  progress: Progress,
): Promise<{ messages: Text[]; files: string[] }> {
  const { cwd, config, lang } = input;
  // load and validate: the same pipeline as `hrss-std validate`
  progress.step({ zh: '读取并校验体系', en: 'reading and checking the system' });
  const result = await validateOrExit(input.systemArg ? [input.systemArg] : [], config, cwd);
  // several systems and only --html: one site with an index of all of them (a province and its cities)
  if (result.systems.length > 1 && wanted.length === 0 && input.html !== undefined) {
    await refuseOnErrors(result, input);
    return exportProvinceSite(result, input, columns);
  }
  if (result.systems.length > 1) {
    const list = result.systems.map((s) => s.file).join(lang === 'zh' ? '、' : ', ');
    throw new UserError({ zh: `找到 ${result.systems.length} 个体系（${list}），一次导出一个`, en: `found ${result.systems.length} systems (${list}); export one at a time` },
      EXIT.USAGE, { zh: '例如：hrss-std export systems/<id>（只导出网站 --html 时可以一次导出多个体系）', en: 'for example: hrss-std export systems/<id> (a site, --html alone, can take several systems)' });
  }
  const checked = result.systems[0]!;
  await refuseOnErrors(result, input);
  const system = checked.system!;
  const catalog = checked.catalog;

  // where the files go
  const outDir = input.outDir ? path.resolve(cwd, input.outDir) : cwd;
  const targets = wanted.map((w) => {
    const ext = `.${w.id}`;
    const file = typeof w.file === 'string' ? path.resolve(outDir, w.file) : path.join(outDir, `${system.id}${ext}`);
    if (path.extname(file).toLowerCase() !== ext) {
      throw new UserError({ zh: `--${w.id} 的文件名应以 ${ext} 结尾：${file}`, en: `the --${w.id} file name should end in ${ext}: ${file}` });
    }
    return { id: w.id, file };
  });
  if (input.outDir) {
    try {
      if (!statSync(outDir, { throwIfNoEntry: false })) mkdirSync(outDir, { recursive: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UserError(describeWriteError(new WriteError(outDir, err.code ?? 'EIO', err.message)));
    }
  }
  const siteDir = input.html === undefined ? undefined : path.resolve(outDir, typeof input.html === 'string' ? input.html : 'site');
  if (siteDir) {
    const { checkSiteDir } = await import('../../export/html/index.js');
    const problem = checkSiteDir(siteDir, input.force);
    if (problem) throw new UserError(problem, EXIT.USAGE, { zh: '换一个目录，或加 --force 仍然写入', en: 'choose another folder, or use --force to write anyway' });
  }
  for (const tgt of targets) {
    // the folder must exist and be a folder: say so plainly rather than fail half-way through a write
    const parent = path.dirname(tgt.file);
    const pst = statSync(parent, { throwIfNoEntry: false });
    if (!pst || !pst.isDirectory()) {
      throw new UserError(describeWriteError(new WriteError(tgt.file, pst ? 'ENOTDIR' : 'ENOENT', '')), EXIT.USAGE,
        { zh: '用 -o 指定一个存在的目录（-o 给出的目录会自动创建）', en: 'name an existing folder with -o (a folder given with -o is created)' });
    }
    const problem = checkTarget(tgt.file, input.force);
    if (problem) throw new UserError(problem.text, EXIT.USAGE, problem.hint);
  }

  // one model for every format
  progress.step({ zh: '计算覆盖情况和统计', en: 'measuring coverage and statistics' });
  let coverage;
  if (catalog) coverage = (await import('../../coverage/coverage.js')).computeCoverage(system, catalog);
  // The files carry no validation counts: warnings such as review-due depend on today's date,
  // and the same input must give the same bytes. The counts go to the terminal instead.
  const { warnings } = result.summary;
  const model = buildExportModel({ system, catalog, coverage, columns, toolVersion: input.toolVersion, date: input.date, draft: input.draft });
  if (input.assess) model.assessment = await assessmentFor(system, catalog, input);

  if (targets.some((t) => t.id === 'docx') && model.rows.length > DOCX_MAX_ROWS) {
    throw new UserError(
      { zh: `明细表有 ${model.rows.length} 项标准，超过 Word 文件的上限 ${DOCX_MAX_ROWS} 项（Word 文件在内存中整体生成，${DOCX_MAX_ROWS} 项约需 1.7 GB 内存）；未写入任何文件`, en: `the table has ${model.rows.length} standards, more than the ${DOCX_MAX_ROWS} a Word file is made for (it is built in memory: ${DOCX_MAX_ROWS} rows take about 1.7 GB); nothing was written` },
      EXIT.USAGE,
      { zh: '只导出 Excel（--xlsx，没有这个上限），或把体系按子体系拆成几个体系分别导出 Word 文件', en: 'export the workbook only (--xlsx has no such limit), or split the system into several by sub-system and export each to Word' },
    );
  }

  const messages: Text[] = [];
  const files: string[] = [];
  for (const tgt of targets) {
    progress.step(writingStep(tgt.id, model.rows.length));
    const exporter = await loadExporter(tgt.id);
    const bytes = await exporter.write(model, { lang, docxStyles, fonts: config.export.fonts });
    try {
      writeFileAtomic(tgt.file, bytes);
    } catch (raw) {
      // a failure while cleaning up after a failed write can surface as a plain errno error
      const code = (raw as NodeJS.ErrnoException).code;
      const e = raw instanceof WriteError ? raw : code ? new WriteError(tgt.file, code, (raw as Error).message) : raw;
      if (e instanceof WriteError) {
        throw new UserError(describeWriteError(e), EXIT.USAGE, e.code === 'EBUSY' || e.code === 'EPERM' || e.code === 'EACCES'
          ? { zh: '若文件正在 Excel/WPS 中打开，请先关闭', en: 'if the file is open in Excel/WPS, close it first' }
          : undefined);
      }
      throw e;
    }
    const rel = path.relative(cwd, tgt.file);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : tgt.file;
    files.push(tgt.file);
    messages.push(tgt.id === 'xlsx'
      ? model.assessment
        ? { zh: `已写入 ${shown}（明细表 ${model.rows.length} 项标准；工作表：结构图、明细表、统计表、覆盖情况、评价、说明）`, en: `wrote ${shown} (${model.rows.length} standards; sheets 结构图, 明细表, 统计表, 覆盖情况, 评价, 说明)` }
        : { zh: `已写入 ${shown}（明细表 ${model.rows.length} 项标准；工作表：结构图、明细表、统计表、覆盖情况、说明）`, en: `wrote ${shown} (${model.rows.length} standards; sheets 结构图, 明细表, 统计表, 覆盖情况, 说明)` }
      : { zh: `已写入 ${shown}（结构图、明细表 ${model.rows.length} 项、统计表、覆盖情况、编制说明）`, en: `wrote ${shown} (structure, ${model.rows.length}-row table, statistics, coverage, 编制说明)` });
  }
  if (siteDir) {
    progress.step({ zh: '生成网站', en: 'making the site' });
    const { htmlExporter } = await import('../../export/html/index.js');
    const site = htmlExporter.site(model, { lang });
    const shown = writeSiteShown(siteDir, site, cwd);
    files.push(path.join(siteDir, 'index.html'));
    messages.push({ zh: `已写入网站 ${shown}/（${site.length} 个文件；用浏览器打开 ${shown}/index.html）`, en: `wrote the site ${shown}/ (${site.length} files; open ${shown}/index.html in a browser)` });
  }
  if (targets.some((t) => t.id === 'docx') && model.rows.length > TOC_PAGE_NUMBERS_MAX_ROWS) {
    messages.push({ zh: `明细表超过 ${TOC_PAGE_NUMBERS_MAX_ROWS} 项，Word 文件的目次未写页码（排版计算太慢）：Word/WPS 打开时提示更新域，选“是”即填上；LibreOffice 用“工具 → 更新 → 全部更新”`, en: `the table has more than ${TOC_PAGE_NUMBERS_MAX_ROWS} rows, so the Word file's 目次 carries no page numbers (laying out the pages would take too long): Word/WPS offer to update the fields when they open it; in LibreOffice use Tools → Update → Update All` });
  }
  if (warnings > 0) {
    messages.push({ zh: `体系有 ${warnings} 个警告（不影响导出；hrss-std validate 查看）`, en: `the system has ${warnings} warning(s) (exported anyway; see hrss-std validate)` });
  }
  if (model.document.gaps.length > 0) {
    const hasBlock = system.raw.document !== undefined;
    if (!hasBlock) messages.push({ zh: `编制说明尚缺 ${model.document.gaps.length} 项内容；在 system.yaml 中写 document: 块（编制单位、编制日期、编制依据等）后，hrss-std validate 按 document-incomplete 列出位置`, en: `the 编制说明 lacks ${model.document.gaps.length} item(s); add a document: block to system.yaml (organisation, date, basis, ...) and hrss-std validate lists them under document-incomplete` });
    else messages.push(input.draft
      ? { zh: `草稿：编制说明尚缺 ${model.document.gaps.length} 项内容，已在 Word 文件中以红字标出（hrss-std validate 按 document-incomplete 列出位置）`, en: `draft: the 编制说明 lacks ${model.document.gaps.length} item(s), marked in red in the Word file (hrss-std validate lists them under document-incomplete)` }
      : { zh: `编制说明尚缺 ${model.document.gaps.length} 项内容，文件中未写这些部分（hrss-std validate 按 document-incomplete 列出位置；--draft 在文件中标出）`, en: `the 编制说明 lacks ${model.document.gaps.length} item(s), left out of the file (hrss-std validate lists them under document-incomplete; --draft marks them)` });
  }
  if (catalog?.origin.builtin) {
    messages.push({ zh: `注意：覆盖情况是对照内置目录 ${catalog.id}（${catalog.title}）计算的，它不是官方完整清单；有官方清单时用 hrss-std catalog import 从 Excel/CSV 生成目录文件，并在 system.yaml 写 catalog: 该文件`, en: `note: coverage is measured against the built-in catalog ${catalog.id} (${catalog.title}), not the official complete list; import the official list with hrss-std catalog import (Excel/CSV) and name the file in system.yaml catalog:` });
  }
  if (!catalog) {
    messages.push({ zh: '注意：体系没有服务事项目录（catalog:），未做覆盖分析', en: 'note: the system names no service catalog (catalog:); no coverage analysis' });
  }
  return { messages, files };
}

type Validated = Awaited<ReturnType<typeof validateOrExit>>;

/** Print the validation errors and refuse to export (unless --force): an exported table would carry them into the deliverable. */
async function refuseOnErrors(result: Validated, input: RunExportInput): Promise<void> {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return;
  const { lang } = input;
  const { formatterFor } = await import('../../report/index.js');
  const report = formatterFor('stylish')!.format({
    diagnostics: errors,
    summary: { ...result.summary, warnings: 0, infos: 0 },
    lang,
    color: input.color,
    toolVersion: input.toolVersion,
  });
  process.stderr.write(report);
  const unreadable = result.systems.find((s) => !s.system);
  if (unreadable) {
    throw new UserError({ zh: `${unreadable.file} 无法读取或解析，不能导出`, en: `${unreadable.file} cannot be read or parsed; nothing to export` }, result.ioError ? EXIT.USAGE : EXIT.FINDINGS);
  }
  // name the systems that have the errors (an include's error belongs to the system that includes it)
  const errorFiles = new Set(errors.map((d) => d.file));
  const withErrors = result.systems.filter((s) => s.files.some((f) => errorFiles.has(f)));
  const files = (withErrors.length ? withErrors : result.systems).map((s) => s.file).join(lang === 'zh' ? '、' : ', ');
  if (!input.force) {
    throw new UserError(
      { zh: `体系 ${files} 有 ${errors.length} 个校验错误（见上），不导出：按错误的体系编制的标准体系表会把错误带进交付文件`, en: `${files}: ${errors.length} validation error(s) (above); not exporting: the table would carry them into the deliverable` },
      EXIT.FINDINGS,
      { zh: '修正后重试（hrss-std validate 查看详情），或加 --force 仍然导出', en: 'fix them and try again (hrss-std validate shows them), or use --force to export anyway' },
    );
  }
  process.stderr.write(`hrss-std: ${t({ zh: `有 ${errors.length} 个校验错误，按 --force 仍然导出`, en: `${errors.length} validation error(s); exporting anyway (--force)` }, lang)}\n`);
}

/** `export --html DIR` of several systems: DIR/index.html with every system and the item × system matrix, DIR/<id>/ per system. */
async function exportProvinceSite(result: Validated, input: RunExportInput, columns: ReturnType<typeof resolveColumns>): Promise<{ messages: Text[]; files: string[] }> {
  const { cwd, lang } = input;
  const outDir = input.outDir ? path.resolve(cwd, input.outDir) : cwd;
  const siteDir = path.resolve(outDir, typeof input.html === 'string' ? input.html : 'site');
  const { buildProvinceSite, checkSiteDir } = await import('../../export/html/index.js');
  const problem = checkSiteDir(siteDir, input.force);
  if (problem) throw new UserError(problem, EXIT.USAGE, { zh: '换一个目录，或加 --force 仍然写入', en: 'choose another folder, or use --force to write anyway' });
  const { computeCoverage } = await import('../../coverage/coverage.js');
  const { matrixGroups } = await import('../../gaps/matrix.js');
  const models = [];
  const reports = [];
  for (const c of result.systems) {
    const coverage = c.catalog ? computeCoverage(c.system!, c.catalog) : undefined;
    if (coverage) reports.push(coverage);
    const model = buildExportModel({ system: c.system!, catalog: c.catalog, coverage, columns, toolVersion: input.toolVersion, date: input.date, draft: input.draft });
    if (input.assess) model.assessment = await assessmentFor(c.system!, c.catalog, input);
    models.push(model);
  }
  const site = buildProvinceSite(models, matrixGroups(reports), lang);
  const shown = writeSiteShown(siteDir, site, cwd);
  return {
    messages: [{ zh: `已写入网站 ${shown}/（${models.length} 个体系，${site.length} 个文件；用浏览器打开 ${shown}/index.html）`, en: `wrote the site ${shown}/ (${models.length} systems, ${site.length} files; open ${shown}/index.html in a browser)` }],
    files: [path.join(siteDir, 'index.html')],
  };
}

/** The same assessment as hrss-std assess: the 评价时间 is --date or a full document.date, never the data's latest date. */
async function assessmentFor(system: StandardSystem, catalog: Catalog | undefined, input: RunExportInput): Promise<Assessment> {
  const { config } = input;
  const { assessSystem } = await import('../../assess/assess.js');
  const { DEFAULT_BASIC_SCORE } = await import('../../assess/definitions.js');
  const { knownStandards } = await import('../../data/known.js');
  const { kindVocabulary } = await import('../../model/kind.js');
  const { isIsoDate } = await import('../../schema/validate.js');
  const docDate = system.document?.date;
  const date = input.date ?? (docDate && isIsoDate(docDate) ? docDate : undefined);
  return assessSystem({
    system, catalog, known: knownStandards(), vocab: kindVocabulary(config.kinds), requiredKinds: config.requiredKinds, reviewYears: config.reviewYears,
    ruleSeverities: config.rules, date, dateSource: input.date ? 'option' : date ? 'document' : undefined,
    settings: { thresholds: config.assess.thresholds, weights: config.assess.weights, basicScore: config.assess.basicScore ?? DEFAULT_BASIC_SCORE },
    file: system.file.display, assessor: input.assessor, toolVersion: input.toolVersion,
  });
}

/** Write a site's files (a write error becomes a message) and say where, relative to cwd when below it. */
function writeSiteShown(siteDir: string, site: SiteFile[], cwd: string): string {
  try {
    writeSite(siteDir, site);
  } catch (raw) {
    const err = raw as NodeJS.ErrnoException;
    throw new UserError(describeWriteError(raw instanceof WriteError ? raw : new WriteError(siteDir, err.code ?? 'EIO', err.message)));
  }
  const rel = path.relative(cwd, siteDir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : siteDir;
}
