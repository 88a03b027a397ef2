import type { Command } from 'commander';
import { configOrExit, resolveLang, type GlobalOptions } from '../common.js';
import type { ImportCommandOptions } from '../actions/import.js';

type ImportOptions = GlobalOptions & ImportCommandOptions;

export function register(program: Command): void {
  program
    .command('import')
    .description('从 Excel 标准明细表导入为 YAML 体系 / import an Excel 标准明细表 into the YAML format')
    .argument('<file.xlsx>', 'Excel 文件（.xlsx） / the workbook')
    .option('--sheet <name>', '工作表名称（默认：名为“明细表”的表，或第一个有表头的表） / sheet name')
    .option('-o, --output <dir|file>', '输出目录（写入其中的 system.yaml）或 .yaml 文件；省略时输出到标准输出 / output folder or .yaml file (default: stdout)')
    .option('--id <id>', '体系标识（默认取输出目录名） / system id')
    .option('--title <title>', '体系名称（默认取表格标题行） / system title')
    .option('--framework <name>', '体系框架 / framework: gbt24421 | zhanjiang-7 | none')
    .option('--catalog <id|path>', '服务事项目录，用于把事项名称换成编号（默认 hrss-basic） / catalog for service names')
    .option('--force', '覆盖已存在的 system.yaml / replace an existing file')
    .addHelpText('after', `
说明 / notes:
  识别常见的手工表格：合并的子体系单元格、子体系标题行、序号不连续、全角编号、中文级别与状态、
  日期单元格或文字日期。无法识别的单元格逐一报告（工作表!单元格），其余照常导入。
  Reads hand-made tables too: merged sub-system cells, heading rows, gaps in 序号, full-width numbers,
  levels and statuses in Chinese, date cells or dates as text. Every cell that cannot be mapped is
  reported by sheet and cell address; the rest is imported.

示例 / examples:
  $ hrss-std import 标准明细表.xlsx -o systems/zhanjiang/
  $ hrss-std import 体系表.xlsx --sheet 明细表 --id demo --title 某市人社标准体系 -o systems/demo/
  $ hrss-std import 体系表.xlsx > system.yaml        # 输出到标准输出

退出码 / exit codes: 0 全部导入；1 已导入但有无法识别的单元格；2 文件、工作表或参数错误`)
    .action(async (file: string, opts: ImportOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      const { runImport } = await import('../actions/import.js');
      process.exitCode = await runImport(file, opts, config, cwd, lang);
    });
}
