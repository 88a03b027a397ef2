import type { Command } from 'commander';
import { UserError } from '../common.js';

export function register(program: Command): void {
  program
    .command('completion')
    .description('输出 shell 自动补全脚本（bash、zsh） / print a shell completion script')
    .argument('<shell>', 'bash | zsh')
    .addHelpText('after', `
示例 / examples:
  $ source <(hrss-std completion bash)                # 当前 bash 会话
  $ hrss-std completion bash > ~/.local/share/bash-completion/completions/hrss-std
  $ source <(hrss-std completion zsh)                 # 当前 zsh 会话（需已执行 compinit）
  $ hrss-std completion zsh > "\${fpath[1]}/_hrss-std"  # 永久安装，之后重新打开终端

退出码 / exit codes: 0 完成；2 不支持的 shell`)
    .action(async (shell: string, _opts: unknown, cmd: Command) => {
      const { bashScript, describeProgram, zshScript } = await import('../../authoring/completion.js');
      const spec = describeProgram(cmd.parent ?? program);
      if (shell === 'bash') process.stdout.write(bashScript(spec));
      else if (shell === 'zsh') process.stdout.write(zshScript(spec));
      else throw new UserError({ zh: `不支持的 shell “${shell}”；可用：bash、zsh`, en: `unsupported shell "${shell}"; available: bash, zsh` });
    });
}
