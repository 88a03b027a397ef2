import type { Command } from 'commander';
import { configOrExit, resolveLang, type GlobalOptions } from '../common.js';

interface DiffOptions extends GlobalOptions {
  format: string;
  output?: string;
  system?: string;
  exitCode?: boolean;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('比较两个版本的标准体系（新增、删除、移动、改号、状态变化、覆盖变化） / compare two versions of a standard system')
    .argument('<a>', '旧版本：体系目录、system.yaml 或 git 修订版本（如 HEAD~1、main） / old version: path or git revision')
    .argument('[b]', '新版本：同上；省略时为当前工作区 / new version (default: working tree)')
    .option('-f, --format <name>', '输出格式 / format: text | markdown（合并请求评论）| json | csv（修订记录）', 'text')
    .option('-o, --output <file>', '把结果写入文件（原子写入） / write to a file')
    .option('--system <id>', '只比较这个体系（体系标识或路径的一部分） / only this system')
    .option('--exit-code', '有差异时以退出码 1 结束（同 git diff --exit-code） / exit 1 when there are differences')
    .addHelpText('after', `
说明 / notes:
  标准按编号对应；编号不同时依次按同一标准的新版本（代号+顺序号相同）、相同名称、相同体系表编号（一侧没有编号）
  对应，对应上而编号不同的记为“改号”。路径与修订版本同名时按路径处理。
  Rows are matched by standard number, then by series (a new edition), by title, and by 标准体系表编号
  when one side has no number; a matched row whose number differs is "renumbered". A name that is both
  an existing path and a revision is taken as the path.

示例 / examples:
  $ hrss-std diff HEAD~1 HEAD
  $ hrss-std diff main                               # main 与当前工作区比较
  $ hrss-std diff origin/main HEAD -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ hrss-std diff old/systems/zj systems/zj -f json
  $ hrss-std diff v2024.1 v2025.1 -f csv -o 修订记录.csv

退出码 / exit codes: 0 完成（加 --exit-code 时：无差异）；1 有差异（仅 --exit-code）；2 参数、路径或修订版本错误`)
    .action(async (a: string, b: string | undefined, opts: DiffOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      const { runDiff } = await import('../actions/diff.js');
      process.exitCode = await runDiff(a, b, opts, config, cwd, lang);
    });
}
