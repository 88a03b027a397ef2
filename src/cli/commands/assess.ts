import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireSystems, configOrExit, emit, EXIT, resolveLang, UserError, version, type GlobalOptions, requireFormat } from '../common.js';

interface AssessOptions extends GlobalOptions {
  format: string;
  output?: string;
  assessor?: string;
  date?: string;
  docx?: string | boolean;
  force?: boolean;
  baseline?: string;
}

const FORMATS = ['table', 'json', 'markdown'] as const;

export function register(program: Command): void {
  program
    .command('assess')
    .description('标准体系评价（完整性、规范性、协调性、有效性）：各项指标、结论、存在问题和处理建议 / assess the standard system')
    .argument('[systems...]', '体系文件或目录；默认为 systems/*/system.yaml')
    .option('-f, --format <name>', '输出格式：table | json | markdown', 'table')
    .option('-o, --output <file>', '把报告写入文件（原子写入）')
    .option('--assessor <name>', '评价人员（写入报告；不给出时报告写“未注明”）')
    .option('--docx [file]', '把评价报告写成 Word 文件（默认 <体系id>-评价报告.docx；多个体系时给出目录或不给）；同时给 -o 时另写文本报告')
    .option('--baseline <file>', '与以前的评价（assess -f json 的输出）比较：各项指标变好、变差或不变')
    .option('--force', '覆盖不是 hrss-std 写的同名 .docx')
    .option('--date <YYYY-MM-DD>', '评价时间；不给出时取 system.yaml 的 document.date（须写到日），都没有时与日期有关的指标不评价')
    .addHelpText('after', `
示例 / examples:
  $ hrss-std assess systems/zhanjiang --date 2026-12-04 --assessor 张三
  $ hrss-std assess -f markdown -o 评价报告.md --date 2026-12-04
  $ hrss-std assess -f json --date 2026-12-04 > assessment.json
  $ hrss-std assess --date 2027-06-30 --baseline assessment.json   # 与上次评价比较
  $ hrss-std assess systems/zhanjiang --docx 评价报告.docx --date 2026-12-04 --assessor 张三

指标、默认门槛及理由见 docs/assess.md；门槛和权重在 .hrss-std.yaml 的 assess: 中设置。
评价时间从不取当天日期：同样的输入得到同样的报告。
退出码 / exit codes: 0 已输出评价（无论结论如何）；2 用法、配置、读写错误或体系无法读取`)
    .action(async (paths: string[], opts: AssessOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      requireFormat(opts.format, FORMATS);
      const { isIsoDate } = await import('../../schema/validate.js');
      if (opts.date !== undefined && !isIsoDate(opts.date)) {
        throw new UserError({ zh: `--date 需要 YYYY-MM-DD 形式的日期，收到 “${opts.date}”`, en: `--date takes a date YYYY-MM-DD, got "${opts.date}"` });
      }
      if (opts.assessor !== undefined && !opts.assessor.trim()) {
        throw new UserError({ zh: '--assessor 不能为空', en: '--assessor must not be empty' });
      }
      const { assessSystems } = await import('../../pipeline/assess.js');
      const run = assessSystems(paths, config, cwd, { assessor: opts.assessor?.trim(), date: opts.date, toolVersion: version() });
      requireSystems(run.missing, run.found, config);
      for (const f of run.failed) {
        process.stderr.write(`hrss-std: ${t({ zh: `${f.file}：体系文件无法读取或解析，未评价`, en: `${f.file}: the system file cannot be read or parsed; not assessed` }, lang)}\n`);
        for (const d of f.diagnostics) process.stderr.write(`  ${d.file}:${d.line}:${d.column}  ${t(d.message, lang)}${d.hint ? `（${t(d.hint, lang)}）` : ''}\n`);
      }
      if (!run.assessments.length) {
        process.exitCode = EXIT.USAGE;
        return;
      }
      if (opts.baseline) {
        const { readEarlier, compareWith, BaselineFormatError } = await import('../../assess/trend.js');
        const { readRegularFile, BoundedReadError } = await import('../../util/bounded-read.js');
        let earlier;
        try {
          earlier = readEarlier(JSON.parse(readRegularFile(opts.baseline, 64 * 1024 * 1024).toString('utf8')), opts.baseline);
        } catch (e) {
          if (e instanceof BaselineFormatError) throw new UserError(e.text, EXIT.USAGE, { zh: '用 hrss-std assess -f json -o 文件 保存一次评价作为基线', en: 'save an assessment with hrss-std assess -f json -o FILE' });
          if (e instanceof BoundedReadError) throw new UserError({ zh: `基线文件：${e.text.zh}`, en: `baseline: ${e.text.en}` });
          if (e instanceof SyntaxError) throw new UserError({ zh: `基线文件 ${opts.baseline} 不是有效的 JSON：${e.message}`, en: `baseline ${opts.baseline} is not valid JSON: ${e.message}` });
          const code = (e as NodeJS.ErrnoException).code;
          if (code) throw new UserError({ zh: `无法读取基线文件 ${opts.baseline}（${code}）`, en: `cannot read the baseline ${opts.baseline} (${code})` });
          throw e;
        }
        for (const { assessment } of run.assessments) {
          const before = earlier.find((s) => s.id === assessment.system.id);
          if (before) assessment.trend = compareWith(assessment, before);
          else process.stderr.write(`hrss-std: ${t({ zh: `基线 ${opts.baseline} 中没有体系 ${assessment.system.id}，未比较`, en: `the baseline ${opts.baseline} has no system ${assessment.system.id}; not compared` }, lang)}\n`);
        }
      }
      if (opts.docx !== undefined) {
        await writeDocx(run.assessments.map((x) => x.assessment), opts.docx, !!opts.force, cwd, lang);
        // the text report too only when -o names a file for it (stdout carries the "written" lines)
        if (!opts.output) {
          process.exitCode = run.failed.length ? EXIT.USAGE : EXIT.OK;
          return;
        }
      }
      const input = { assessments: run.assessments.map((x) => ({ assessment: x.assessment, loadErrors: x.loadErrors.length })), lang, toolVersion: version() };
      let text: string;
      if (opts.format === 'json') text = (await import('../../assess/render/json.js')).renderJson(input);
      else if (opts.format === 'markdown') text = (await import('../../assess/render/markdown.js')).renderMarkdown(input);
      else text = (await import('../../assess/render/table.js')).renderTable(input);
      emit(text, opts.output);
      process.exitCode = run.failed.length ? EXIT.USAGE : EXIT.OK;
    });
}

/**
 * One 评价报告 .docx per system: `file` for one system (default <id>-评价报告.docx), or a folder
 * (default the working directory) holding <id>-评价报告.docx for several. Written atomically; an
 * existing file not written by hrss-std is kept unless --force.
 */
async function writeDocx(as: import('../../assess/types.js').Assessment[], target: string | boolean, force: boolean, cwd: string, lang: 'zh' | 'en'): Promise<void> {
  const path = await import('node:path');
  const { statSync } = await import('node:fs');
  const named = typeof target === 'string' ? path.resolve(cwd, target) : undefined;
  const isDir = named !== undefined && (statSync(named, { throwIfNoEntry: false })?.isDirectory() ?? false);
  if (as.length > 1 && named && !isDir) {
    throw new UserError({ zh: `有 ${as.length} 个体系：--docx 需要给出目录（每个体系写一个 <体系id>-评价报告.docx）`, en: `${as.length} systems: --docx takes a folder (one <id>-评价报告.docx each)` });
  }
  const files = as.map((a) => (named && !isDir ? named : path.join(named ?? cwd, `${a.system.id}-评价报告.docx`)));
  const { checkTarget } = await import('../../export/write.js');
  for (const f of files) {
    const problem = checkTarget(f, force);
    if (problem) throw new UserError(problem.text, EXIT.USAGE, problem.hint);
  }
  const { assessmentDocx } = await import('../../export/assessment-docx.js');
  const { describeWriteError, writeFileAtomic, WriteError } = await import('../../util/atomic.js');
  for (const [k, a] of as.entries()) {
    const bytes = await assessmentDocx(a, version());
    try {
      writeFileAtomic(files[k]!, bytes);
    } catch (e) {
      if (e instanceof WriteError) throw new UserError(describeWriteError(e), EXIT.USAGE);
      throw e;
    }
    const rel = path.relative(cwd, files[k]!);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : files[k]!;
    process.stdout.write(`${t({ zh: `已写入 ${shown}（评价报告：${a.groups.flatMap((g) => g.indicators).length} 项指标，问题 ${a.problems.length} 条，总体结论：${a.overall.result === 'pass' ? '符合' : a.overall.result === 'basic' ? '基本符合' : a.overall.result === 'fail' ? '不符合' : '未评价'}）`, en: `wrote ${shown} (assessment report: ${a.problems.length} problems)` }, lang)}\n`);
  }
}
