import type { Config } from '../../config/config.js';
import { EXIT, emit, UserError, requireFormat } from '../common.js';
import type { Lang } from '../../i18n/index.js';
import { diffSides, isEmpty } from '../../authoring/diff/compare.js';
import { formatCsv, formatJson, formatMarkdown, formatText, type DiffReport } from '../../authoring/diff/format.js';
import { DiffSourceError, resolveSide, type Resolved } from '../../authoring/diff/source.js';
import { deliverSignals } from '../../util/tempdir.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;

export interface DiffCommandOptions {
  format: string;
  output?: string;
  system?: string;
  exitCode?: boolean;
}

/** `hrss-std diff A [B]`: B defaults to the working tree (the current folder). */
export async function runDiff(a: string, b: string | undefined, opts: DiffCommandOptions, config: Config, cwd: string, lang: Lang): Promise<number> {
  requireFormat(opts.format, DIFF_FORMATS);
  const sides: Resolved[] = [];
  try {
    try {
      sides.push(resolveSide(a, cwd, config));
      await deliverSignals(); // a signal during the copy of a revision ends the run here, folders removed
      sides.push(resolveSide(b ?? '.', cwd, config));
      await deliverSignals();
    } catch (e) {
      if (e instanceof DiffSourceError) throw new UserError(e.text, EXIT.USAGE, e.hint);
      throw e;
    }
    const [sa, sb] = [sides[0]!.side, sides[1]!.side];
    let systems = diffSides(sa.systems, sb.systems);
    if (opts.system) {
      systems = systems.filter((d) => d.id === opts.system || d.fileA?.includes(opts.system!) || d.fileB?.includes(opts.system!));
      if (!systems.length) throw new UserError({ zh: `两侧都没有体系 “${opts.system}”`, en: `no system "${opts.system}" on either side` });
    }
    const report: DiffReport = { a: sa.label, b: b === undefined ? (lang === 'zh' ? '工作区' : 'working tree') : sb.label, systems };
    for (const f of [...sa.broken, ...sb.broken]) {
      process.stderr.write(lang === 'zh' ? `hrss-std: 警告：${f} 无法完整读取，比较结果可能不全（先运行 hrss-std validate）\n` : `hrss-std: warning: ${f} could not be read completely; the comparison may be incomplete (run hrss-std validate)\n`);
    }
    const text = opts.format === 'json' ? formatJson(report)
      : opts.format === 'markdown' ? formatMarkdown(report, lang)
        : opts.format === 'csv' ? formatCsv(report, lang)
          : formatText(report, lang);
    emit(text, opts.output);
    return opts.exitCode && !systems.every(isEmpty) ? EXIT.FINDINGS : EXIT.OK;
  } finally {
    for (const s of sides) s.cleanup();
  }
}
