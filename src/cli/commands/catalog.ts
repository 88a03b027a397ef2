import type { Command } from 'commander';
import type { Config } from '../../config/config.js';
import { t, type Lang } from '../../i18n/index.js';
import { configOrExit, emit, EXIT, resolveLang, UserError, type GlobalOptions, requireFormat } from '../common.js';

interface ListOptions { catalog?: string; format: string }
interface ImportOptions {
  output?: string;
  force?: boolean;
  id?: string;
  title?: string;
  sheet?: string;
  confirmed?: boolean;
}

/** Load the catalog to show, or fail with its located problems (exit 2). */
async function catalogOrExit(option: string | undefined, config: Config, cwd: string, lang: Lang) {
  const { pickCatalog } = await import('../../catalog/pick.js');
  const picked = pickCatalog(option, config, cwd);
  const c = picked.load.catalog;
  if (!c) {
    const { toDiagnostic } = await import('../../diagnostics/resolve.js');
    const lines = picked.load.findings.map((f) => {
      const d = toDiagnostic(f.rule, 'error', f.finding);
      return `\n  ${d.file}:${d.line}:${d.column}  ${t(d.message, lang)}`;
    });
    throw new UserError(
      { zh: `无法使用服务事项目录 “${picked.ref}”${lines.join('')}`, en: `cannot use the catalog "${picked.ref}"${lines.join('')}` },
      EXIT.USAGE,
      { zh: '内置目录：hrss-basic；或写目录 .yaml 文件的路径', en: 'built-in: hrss-basic; or the path of a catalog .yaml file' },
    );
  }
  if (picked.others.length) {
    process.stderr.write(t({
      zh: `说明：本仓库的体系还使用了其他目录（${picked.others.join('、')}），用 --catalog 查看\n`,
      en: `note: systems here also use other catalogs (${picked.others.join(', ')}); see them with --catalog\n`,
    }, lang));
  }
  return c;
}

export function register(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('查看服务事项目录，或把官方清单（Excel/CSV）导入为目录 / show the service catalog, or import an official list');

  catalog
    .command('list', { isDefault: true })
    .description('列出目录的全部服务项目和事项（含来源与可信度） / list projects and items with source and confidence')
    .option('--catalog <ref>', '目录：内置 id 或 .yaml 路径（默认：配置文件或体系中的 catalog:，否则 hrss-basic）')
    .option('-f, --format <name>', 'text | json', 'text')
    .action(async (opts: ListOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      requireFormat(opts.format, ['text', 'json']);
      const c = await catalogOrExit(opts.catalog, config, cwd, lang);
      const r = await import('../../catalog/render.js');
      process.stdout.write(opts.format === 'json' ? r.renderCatalogJson(c) : r.renderCatalogList(c, lang));
    });

  catalog
    .command('show')
    .description('显示一个服务项目或事项的全部信息 / show one project or item')
    .argument('<id>', '项目 id（如 P15）或事项 id（如 P15-01）')
    .option('--catalog <ref>', '目录：内置 id 或 .yaml 路径')
    .action(async (id: string, opts: { catalog?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      const c = await catalogOrExit(opts.catalog, config, cwd, lang);
      const { renderCatalogShow } = await import('../../catalog/render.js');
      const text = renderCatalogShow(c, id, lang);
      if (!text) {
        const near = [...c.projectsById.keys(), ...c.items.keys()].filter((x) => x.toLowerCase().startsWith(id.toLowerCase().slice(0, 3))).slice(0, 8);
        throw new UserError(
          { zh: `目录 ${c.id} 中没有 “${id}”`, en: `no "${id}" in the catalog ${c.id}` },
          EXIT.USAGE,
          near.length
            ? { zh: `相近的 id：${near.join('、')}；全部见 hrss-std catalog list`, en: `similar ids: ${near.join(', ')}; see hrss-std catalog list` }
            : { zh: '全部 id 见 hrss-std catalog list', en: 'see hrss-std catalog list for every id' },
        );
      }
      process.stdout.write(text);
    });

  catalog
    .command('import')
    .description('把官方或本省的服务事项清单（.xlsx/.csv）转换为目录文件 / turn an official list (.xlsx/.csv) into a catalog file')
    .argument('<file>', '.xlsx 或 .csv（UTF-8、带 BOM 的 UTF-8 或 GBK 编码均可）')
    .option('-o, --output <file>', '写入目录文件（原子写入；默认输出到标准输出）')
    .option('--force', '覆盖已存在的输出文件')
    .option('--id <id>', '目录 id（默认取自文件名）')
    .option('--title <title>', '目录名称（默认取表头上方的标题行，否则文件名）')
    .option('--sheet <name|n>', '工作表名称或序号（默认：第一个有表头的工作表）')
    .option('--confirmed', '该表就是官方清单：事项标为 confirmed（默认 partial）')
    .addHelpText('after', `
表头在前 10 行内自动识别（至少两个可识别的列名）：序号、服务项目、服务事项、服务对象、执行标准/规范性文件、领域，
以及可选的 项目编号、事项编号。合并的 服务项目 单元格、空行、全角数字、表头上方的标题行都能处理；
无法读取的行按行号列出（此时退出码为 1），不会被悄悄丢弃。

示例 / examples:
  $ hrss-std catalog import 广东省人社基本公共服务事项清单.xlsx -o catalogs/guangdong.catalog.yaml --id guangdong
  $ hrss-std catalog import list.csv > my.catalog.yaml

退出码 / exit codes: 0 全部导入；1 有无法读取的行（其余已导入）；2 文件、表头或写入错误`)
    .action(async (file: string, opts: ImportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      if (opts.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(opts.id)) {
        throw new UserError({ zh: `--id “${opts.id}” 不合规：只能用字母、数字、点、下划线和连字符，且以字母或数字开头`, en: `--id "${opts.id}" is not valid: letters, digits, dot, underscore and dash, starting with a letter or digit` });
      }
      const imp = await import('../../catalog/import/index.js');
      let outcome;
      try {
        outcome = await imp.importCatalog(file, { sheet: opts.sheet, id: opts.id, title: opts.title, confirmed: !!opts.confirmed, maxBytes: config.limits.maxFileBytes });
      } catch (e) {
        if (e instanceof imp.ImportError) throw new UserError(e.text, EXIT.USAGE, e.hint);
        throw e;
      }
      const { renderImportReport } = await import('../../catalog/import/report.js');
      const report = renderImportReport(outcome, lang, opts.output);
      if (opts.output) {
        const { writeFileAtomic, WriteError, describeWriteError } = await import('../../util/atomic.js');
        try {
          writeFileAtomic(opts.output, outcome.yaml, { overwrite: !!opts.force });
        } catch (e) {
          if (e instanceof WriteError) throw new UserError(describeWriteError(e));
          throw e;
        }
        process.stdout.write(report);
      } else {
        emit(outcome.yaml);
        process.stderr.write(report);
      }
      process.exitCode = outcome.result.notes.some((n) => n.kind === 'unreadable') ? EXIT.FINDINGS : EXIT.OK;
    });
}
