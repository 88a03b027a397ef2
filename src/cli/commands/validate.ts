import type { Command } from 'commander';
import { validateOrExit, configOrExit, emit, EXIT, resolveLang, useColor, version, UserError, type GlobalOptions } from '../common.js';

interface ValidateOptions extends GlobalOptions {
  format: string;
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('校验标准体系（结构、编号、状态与日期、重复、优先采用规则等） / validate standard systems')
    .argument('[paths...]', '体系文件或目录；默认为 systems/*/system.yaml')
    .option('-f, --format <name>', '输出格式：stylish | json | sarif | junit | github', 'stylish')
    .option('-o, --output <file>', '把报告写入文件（原子写入）')
    .option('--max-warnings <n>', '警告数超过 n 时以退出码 1 失败')
    .option('-q, --quiet', '只报告错误')
    .option('--fix', '先自动修复安全的问题（标准编号写法、中文枚举值、空白），再校验 / apply safe fixes first')
    .option('--fix-dry-run', '只显示 --fix 会做的修改（统一 diff），不写文件 / print the fixes as a diff')
    .addHelpText('after', `
示例 / examples:
  $ hrss-std validate                         # 当前目录下所有 systems/*/system.yaml
  $ hrss-std validate systems/zhanjiang       # 一个体系
  $ hrss-std validate -f sarif -o report.sarif
  $ hrss-std validate -f github --max-warnings 0   # GitHub Actions 注释
  $ hrss-std validate --fix-dry-run           # 查看可自动修复的内容（diff）/ preview safe fixes

退出码 / exit codes: 0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或读写错误`)
    .action(async (paths: string[], opts: ValidateOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      const { formatterFor, FORMATTERS } = await import('../../report/index.js');
      const formatter = formatterFor(opts.format);
      if (!formatter) {
        throw new UserError({
          zh: `未知的输出格式 “${opts.format}”；可用：${FORMATTERS.map((f) => f.name).join('、')}`,
          en: `unknown format "${opts.format}"; available: ${FORMATTERS.map((f) => f.name).join(', ')}`,
        });
      }
      let maxWarnings: number | undefined;
      if (opts.maxWarnings !== undefined) {
        maxWarnings = Number(opts.maxWarnings);
        if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
          throw new UserError({ zh: '--max-warnings 需要非负整数', en: '--max-warnings takes a whole number ≥ 0' });
        }
      }
      if (opts.fix || opts.fixDryRun) {
        const { runFix } = await import('../actions/fix.js');
        if (runFix(paths, config, cwd, lang, !!opts.fixDryRun)) return;
      }
      const result = await validateOrExit(paths, config, cwd, { keepModels: false });
      const diagnostics = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      const text = formatter.format({
        diagnostics,
        summary: result.summary,
        lang,
        color: !opts.output && useColor(process.stdout, g),
        toolVersion: version(), maxWarnings, files: result.systems.flatMap((s) => s.files),
      });
      emit(text, opts.output);
      if (result.ioError) process.exitCode = EXIT.USAGE;
      else if (result.summary.errors > 0) process.exitCode = EXIT.FINDINGS;
      else if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) process.exitCode = EXIT.FINDINGS;
      else process.exitCode = EXIT.OK;
    });
}
