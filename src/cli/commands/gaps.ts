import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireSystems, configOrExit, emit, EXIT, resolveLang, UserError, version, type GlobalOptions, requireFormat } from '../common.js';

interface GapsOptions extends GlobalOptions {
  format: string;
  output?: string;
  minCoverage?: string;
  minKindCoverage?: string;
  minObjectCoverage?: string;
  minInstitutionCoverage?: string;
  baseline?: string;
  writeBaseline?: string;
  catalog?: string;
}

const FORMATS = ['table', 'json', 'markdown', 'csv'] as const;

export function register(program: Command): void {
  program
    .command('gaps')
    .description('服务事项覆盖分析（业务全覆盖）：哪些事项有现行标准、仅有规划或没有标准 / coverage of the service catalog')
    .argument('[systems...]', '体系文件或目录；默认为 systems/*/system.yaml')
    .option('-f, --format <name>', '输出格式：table | json | markdown | csv', 'table')
    .option('-o, --output <file>', '把报告写入文件（原子写入；CSV 文件带 BOM，便于 Excel 打开）')
    .option('--min-coverage <P>', '任一体系的覆盖率（按输出的一位小数）低于 P% 时以退出码 3 失败')
    .option('--min-kind-coverage <P>', '任一体系的文件类型齐全率（每个事项都有 required_kinds 所列类型的现行标准，默认服务指南和操作规程）低于 P% 时以退出码 3 失败')
    .option('--min-object-coverage <P>', '任一体系中覆盖率最低的服务对象组（目录事项的 target）低于 P% 时以退出码 3 失败；目录未注明服务对象时也失败')
    .option('--min-institution-coverage <P>', '任一体系的服务机构标准覆盖率（场地环境、设施设备、人员配备及硬件建设、服务提供、内部管理、考核评价、风险防控 8 个方面中有现行标准的比例）低于 P% 时以退出码 3 失败')
    .option('--baseline <file>', '与基线比较：基线中已覆盖的事项不再覆盖、文件类型齐全的事项不再齐全或有标的机构方面不再有标时以退出码 3 失败')
    .option('--write-baseline <file>', '把本次已覆盖的事项写为基线（JSON）')
    .option('--catalog <ref>', '所有体系都按此目录分析（内置 id 或相对当前目录的路径），代替 system.yaml 的 catalog:')
    .addHelpText('after', `
示例 / examples:
  $ hrss-std gaps                                   # 当前目录下所有体系
  $ hrss-std gaps systems/zhanjiang -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ hrss-std gaps --min-coverage 60                 # 覆盖率低于 60% 时失败
  $ hrss-std gaps --write-baseline gaps-baseline.json
  $ hrss-std gaps --baseline gaps-baseline.json     # 只许进、不许退

覆盖率 = 现行标准覆盖的事项数 ÷ 计入统计的事项数 × 100，四舍五入（逢五进一）保留一位小数。
退出码 / exit codes: 0 通过；2 用法、配置、读写错误或体系没有目录；3 覆盖率门槛或基线未通过`)
    .action(async (paths: string[], opts: GapsOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      requireFormat(opts.format, FORMATS);
      const gatesMod = await import('../../gaps/gates.js');
      let threshold: number | undefined;
      if (opts.minCoverage !== undefined) {
        threshold = gatesMod.parseThreshold(opts.minCoverage);
        if (threshold === undefined) {
          throw new UserError({ zh: `--min-coverage 需要 0 到 100 之间的数（如 80 或 72.5），收到 “${opts.minCoverage}”`, en: `--min-coverage takes a number from 0 to 100 (e.g. 80 or 72.5), got "${opts.minCoverage}"` });
        }
      }
      // the gates on the coverages kept apart from item coverage (gaps/section-gates.ts)
      const sectionGates: { gate: import('../../gaps/section-gates.js').SectionGateId; threshold: number }[] = [];
      for (const [gate, flag, value] of [
        ['kind', '--min-kind-coverage', opts.minKindCoverage],
        ['object', '--min-object-coverage', opts.minObjectCoverage],
        ['institution', '--min-institution-coverage', opts.minInstitutionCoverage],
      ] as const) {
        if (value === undefined) continue;
        const th = gatesMod.parseThreshold(value);
        if (th === undefined) {
          throw new UserError({ zh: `${flag} 需要 0 到 100 之间的数（如 80 或 72.5），收到 “${value}”`, en: `${flag} takes a number from 0 to 100 (e.g. 80 or 72.5), got "${value}"` });
        }
        sectionGates.push({ gate, threshold: th });
      }
      const { measureGaps } = await import('../../pipeline/measure.js');
      // JSON lists every system's rows; the other formats list rows only when there is one system.
      const loaded = measureGaps(paths, config, cwd, { catalog: opts.catalog, detail: opts.format === 'json' ? 'all' : 'first' });
      requireSystems(loaded.missing, loaded.found, config);
      // Systems that cannot be measured are reported on stderr; the others are still measured.
      for (const f of loaded.failed) {
        const why = f.reason === 'no-catalog'
          ? (f.diagnostics.length
            ? { zh: `${f.file}：无法加载服务事项目录，不能做覆盖分析`, en: `${f.file}: the service catalog could not be loaded; coverage cannot be measured` }
            : { zh: `${f.file}：体系没有指定服务事项目录，不能做覆盖分析`, en: `${f.file}: the system names no service catalog; coverage cannot be measured` })
          : { zh: `${f.file}：体系文件无法读取或解析`, en: `${f.file}: the system file cannot be read or parsed` };
        process.stderr.write(`hrss-std: ${t(why, lang)}\n`);
        for (const d of f.diagnostics) process.stderr.write(`  ${d.file}:${d.line}:${d.column}  ${t(d.message, lang)}${d.hint ? `（${t(d.hint, lang)}）` : ''}\n`);
        if (f.reason === 'no-catalog' && !f.diagnostics.length) {
          process.stderr.write(`  ${lang === 'zh' ? '提示：' : 'hint: '}${t({ zh: '在 system.yaml 中写 catalog: hrss-basic（或本省目录文件的路径），或在 .hrss-std.yaml 中设置默认 catalog:，或用 --catalog', en: 'add catalog: hrss-basic (or the path of your catalog file) to system.yaml, set a default catalog: in .hrss-std.yaml, or pass --catalog' }, lang)}\n`);
        }
      }
      if (!loaded.systems.length) {
        process.exitCode = EXIT.USAGE;
        return;
      }

      const reports = loaded.systems.map((s) => s.report);
      const gates: import('../../gaps/gates.js').GateResults = { failed: false };
      if (threshold !== undefined) {
        gates.minCoverage = gatesMod.checkMinCoverage(reports, threshold);
        gates.failed ||= gates.minCoverage.failing.length > 0;
      }
      if (opts.baseline) {
        let base;
        try {
          base = gatesMod.readBaseline(opts.baseline);
        } catch (e) {
          if (e instanceof gatesMod.BaselineError) throw new UserError(e.text, EXIT.USAGE, { zh: '用 --write-baseline 生成基线文件', en: 'create one with --write-baseline' });
          throw e;
        }
        gates.baseline = gatesMod.compareBaseline(reports, base, opts.baseline, loaded.systems.map((s) => s.sections));
        gates.failed ||= gates.baseline.regressions.length + gates.baseline.kindRegressions.length + gates.baseline.aspectRegressions.length > 0;
      }
      const anyGate = threshold !== undefined || !!opts.baseline;

      const input = {
        reports,
        meta: loaded.systems.map((s) => ({ file: s.file, errors: s.errors, sections: s.sections })),
        lang,
        gates: anyGate ? gates : undefined,
        toolVersion: version(),
      };
      let text: string;
      if (opts.format === 'json') text = (await import('../../gaps/render/json.js')).renderJson(input);
      else if (opts.format === 'markdown') text = (await import('../../gaps/render/markdown.js')).renderMarkdown(input);
      else if (opts.format === 'csv') text = (opts.output ? '\ufeff' : '') + (await import('../../gaps/render/csv.js')).renderCsv(input);
      else text = (await import('../../gaps/render/table.js')).renderTable(input);
      emit(text, opts.output);

      if (opts.writeBaseline) {
        // A baseline missing a system would silently drop its ratchet: write none until every system can be measured.
        if (loaded.failed.length) {
          process.stderr.write(`hrss-std: ${t({ zh: `有体系无法计量，未写入基线 ${opts.writeBaseline}`, en: `some systems could not be measured; baseline ${opts.writeBaseline} not written` }, lang)}\n`);
        } else emit(gatesMod.baselineText(gatesMod.makeBaseline(reports, loaded.systems.map((s) => s.sections))), opts.writeBaseline);
      }
      // The table on a terminal already shows the gate lines; everywhere else repeat failures on stderr for CI logs.
      if (gates.failed && (opts.format !== 'table' || opts.output)) {
        const { gatesLines } = await import('../../gaps/render/table.js');
        for (const line of gatesLines(input)) if (!line.startsWith('✓')) process.stderr.write(`${line}\n`);
      }
      // These gates report on stderr only, so stdout stays byte-identical to a run without them.
      let sectionFailed = false;
      if (sectionGates.length) {
        const { checkSectionGate } = await import('../../gaps/section-gates.js');
        for (const { gate, threshold: th } of sectionGates) {
          for (const s of loaded.systems) {
            const r = checkSectionGate(gate, s.file, s.sections, th);
            sectionFailed ||= !r.ok;
            process.stderr.write(`${r.ok ? '✓' : '✗'} ${t(r.line, lang)}\n`);
          }
        }
      }
      if (loaded.failed.length) process.exitCode = EXIT.USAGE;
      else if (gates.failed || sectionFailed) process.exitCode = EXIT.GATE;
      else process.exitCode = EXIT.OK;
    });
}
