import { Command, CommanderError } from 'commander';
import { detectLang, t } from '../i18n/index.js';
import { EXIT, UserError, version } from './common.js';
import { register as validate } from './commands/validate.js';
import { register as rules } from './commands/rules.js';
import { register as init } from './commands/init.js';
import { register as importCmd } from './commands/import.js';
import { register as diff } from './commands/diff.js';
import { register as completion } from './commands/completion.js';
import { register as gaps } from './commands/gaps.js';
import { register as assess } from './commands/assess.js';
import { register as catalog } from './commands/catalog.js';
import { register as exportCmd } from './commands/export.js';
import { register as serve } from './commands/serve.js';

/**
 * Every command registers itself from its own module; heavy work (exceljs,
 * docx, ajv) is imported inside the action, so `--version` and `--help` stay fast.
 */
const COMMANDS: ((program: Command) => void)[] = [validate, rules, init, importCmd, diff, completion, gaps, assess, catalog, exportCmd, serve];

/** The program with every command. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('hrss-std')
    .description('人社领域公共服务标准体系表工具：校验、覆盖分析、导出 Excel/Word\nStandard-system tables for HRSS public services: validate, gaps, export')
    .version(version(), '-V, --version', '显示版本 / show the version')
    .option('--lang <zh|en>', '消息语言（默认中文） / message language')
    .option('-c, --config <file>', '配置文件（默认向上查找 .hrss-std.yaml）')
    .option('--no-color', '不使用颜色')
    .helpOption('-h, --help', '显示帮助 / show help')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const c of program.commands) c.exitOverride().helpOption('-h, --help', '显示帮助 / show help');
  return program;
}

/**
 * A reader that stops early (`hrss-std validate … | head -1`) closes the pipe: the next write
 * fails with EPIPE, which Node raises as an unhandled 'error' event with a stack trace. That is
 * the reader's choice, not a fault: stop quietly with the exit code decided so far (0 if none).
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK);
    throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (e) {
    const lang = detectLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined);
    if (e instanceof CommanderError) {
      // help and version are exits with code 0; everything else is a usage error
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof UserError) {
      process.stderr.write(`hrss-std: ${t(e.text, lang)}\n`);
      if (e.hint) process.stderr.write(`  ${lang === 'zh' ? '提示：' : 'hint: '}${t(e.hint, lang)}\n`);
      return e.exitCode;
    }
    // A bug, not a user fault: say so briefly; the stack only on request.
    const err = e as Error;
    process.stderr.write(
      lang === 'zh'
        ? `hrss-std: 内部错误：${err?.message ?? String(e)}\n  这是 hrss-std 的缺陷，请附上输入文件报告。设置 HRSS_STD_DEBUG=1 可显示调用栈。\n`
        : `hrss-std: internal error: ${err?.message ?? String(e)}\n  This is a bug in hrss-std; please report it with the input. Set HRSS_STD_DEBUG=1 for the stack.\n`,
    );
    if (process.env.HRSS_STD_DEBUG) process.stderr.write(`${err?.stack}\n`);
    return EXIT.USAGE;
  }
}
