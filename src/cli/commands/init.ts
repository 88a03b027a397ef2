import type { Command } from 'commander';
import { resolveLang, type GlobalOptions } from '../common.js';

export interface InitCommandOptions extends GlobalOptions {
  framework: string;
  id?: string;
  title?: string;
  region?: string;
  regionName?: string;
  owner?: string;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('新建标准体系仓库（体系框架、配置、CI、pre-commit、说明） / scaffold a standards repository')
    .argument('[dir]', '目标目录（默认当前目录；不存在时创建） / target folder', '.')
    .option('--framework <name>', '体系框架 / framework: zhanjiang-7（湛江指南七部分）| gbt24421（服务通用基础/保障/提供）| none', 'zhanjiang-7')
    .option('--id <id>', '体系标识（小写字母、数字、连字符；默认取目录名） / system id')
    .option('--title <title>', '体系名称（默认“<地区>人力资源和社会保障领域公共服务标准体系”） / system title')
    .option('--region <code>', '行政区划代码（GB/T 2260，6 位），如 440800 / region code')
    .option('--region-name <name>', '地区名称（代码不在内置表中时需要），如 湛江市 / region name')
    .option('--owner <name>', '编制单位，如 湛江市人力资源和社会保障局 / owner (编制单位)')
    .addHelpText('after', `
说明 / notes:
  已存在的文件一律不覆盖：跳过并列出（可先删除再运行）。生成的体系可立即通过 validate；
  每个子体系有一行 status: planned 的占位行，请替换为实际的标准。
  Existing files are never overwritten: they are skipped and listed. What init writes validates
  clean at once; each sub-system has one planned placeholder row to replace with real standards.

示例 / examples:
  $ hrss-std init demo
  $ hrss-std init 湛江人社标准 --id zhanjiang --region 440800 --owner 湛江市人力资源和社会保障局
  $ hrss-std init . --framework gbt24421 --title 某市人社公共服务标准体系 --region 440823 --region-name 遂溪县
  $ cd demo && npx hrss-std validate && npx hrss-std export --xlsx

退出码 / exit codes: 0 完成（含跳过已存在的文件）；2 参数或写入错误`)
    .action(async (dir: string, opts: InitCommandOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const lang = resolveLang(g);
      const { runInit } = await import('../actions/init.js');
      process.exitCode = runInit(dir, opts, process.cwd(), lang);
    });
}
