import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { configOrExit, EXIT, resolveLang, useColor, version, type GlobalOptions } from '../common.js';
import { createProgress, progressMode } from '../progress.js';

interface ExportOptions extends GlobalOptions {
  xlsx?: string | boolean;
  docx?: string | boolean;
  html?: string | boolean;
  outDir?: string;
  force?: boolean;
  date?: string;
  draft?: boolean;
  docxTemplate?: string;
  assess?: boolean;
  assessor?: string;
  progress?: boolean;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('导出标准体系表（结构图、明细表、统计表、覆盖情况、编制说明）为 Excel 和 Word / export the 标准体系表 as .xlsx and .docx')
    .argument('[system]', '体系文件或目录；当前目录下只有一个体系时可省略')
    .option('--xlsx [file]', '写 Excel 文件（默认 <体系id>.xlsx）')
    .option('--docx [file]', '写 Word 文件（默认 <体系id>.docx）')
    .option('--html [dir]', '写静态网站（结构图、可筛选的明细表、服务事项页、标准页、覆盖图表；默认目录 site/），可直接从磁盘打开')
    .option('-o, --out-dir <dir>', '输出目录（默认当前目录；不存在时创建）；相对的 FILE 也放在这里')
    .option('--docx-template <file>', '使用该 Word 文件（.docx/.dotx）的样式（字体、标题）')
    .option('--date <YYYY-MM-DD>', '文件上的日期（默认取数据中最晚的发布/实施/复审日期，不取系统时钟）')
    .option('--draft', '草稿：在 Word 文件中以红字标出编制说明尚缺的内容（正式文件不写这些部分）')
    .option('--assess', '在 Excel 文件中加“评价”工作表（同 hrss-std assess；评价时间取 --date 或 document.date）')
    .option('--assessor <name>', '评价人员（与 --assess 同用）')
    .option('--force', '体系有校验错误时仍导出；覆盖不是本工具生成的同名文件或有锁文件的文件')
    .option('--progress', '在 stderr 上逐步显示进度（终端上默认显示，CI 中和重定向时默认不显示）')
    .option('--no-progress', '不显示进度')
    .addHelpText('after', `
示例 / examples:
  $ hrss-std export --xlsx --docx                 # 当前目录下唯一的体系 → <id>.xlsx 和 <id>.docx
  $ hrss-std export systems/zhanjiang -o out/     # 两种都写到 out/
  $ hrss-std export --xlsx 标准体系表.xlsx
  $ hrss-std export --docx --docx-template 本局模板.dotx
  $ hrss-std export --html site/                  # 静态网站，打开 site/index.html

同一输入生成的文件逐字节相同。只覆盖本工具生成过的文件（文件属性中有 hrss-std 标记），否则需加 --force。
退出码 / exit codes: 0 已导出；1 体系有校验错误（未导出，加 --force 可强制导出）；2 用法、配置或读写错误`)
    .action(async (systemArg: string | undefined, opts: ExportOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      const { runExport } = await import('../actions/export.js');
      const done = await runExport({
        cwd,
        config,
        lang,
        systemArg,
        xlsx: opts.xlsx,
        docx: opts.docx,
        html: opts.html,
        outDir: opts.outDir,
        force: !!opts.force,
        date: opts.date,
        draft: !!opts.draft,
        docxTemplate: opts.docxTemplate,
        assess: !!opts.assess,
        assessor: opts.assessor,
        color: useColor(process.stderr, g),
        toolVersion: version(),
        progress: createProgress(process.stderr, progressMode(process.stderr, opts.progress), lang),
      });
      for (const line of done.messages) process.stdout.write(`${t(line, lang)}\n`);
      process.exitCode = EXIT.OK;
    });
}

