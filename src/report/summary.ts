import type { Summary } from '../diagnostics/resolve.js';
import type { Lang } from '../i18n/index.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line verdict under a report: counts, and why the run fails when only --max-warnings makes it fail. */
export function summaryLine(summary: Summary, lang: Lang, maxWarnings?: number): string {
  const { errors, warnings, infos, files, systems, suppressed } = summary;
  const total = errors + warnings + infos;
  const sup = suppressed ? (lang === 'zh' ? `，已按注释豁免 ${suppressed} 个` : `, ${suppressed} suppressed by comments`) : '';
  let line: string;
  if (total === 0) {
    line = lang === 'zh'
      ? `✓ 未发现问题（${systems} 个体系，${files} 个文件${sup}）`
      : `✓ no problems (${plural(systems, 'system')}, ${plural(files, 'file')}${sup})`;
  } else {
    line = lang === 'zh'
      ? `${errors ? '✖' : '⚠'} ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 条信息；${systems} 个体系，${files} 个文件${sup}）`
      : `${errors ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info; ${plural(systems, 'system')}, ${plural(files, 'file')}${sup})`;
  }
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    line += lang === 'zh'
      ? `\n✖ 警告数 ${warnings} 超过 --max-warnings ${maxWarnings}`
      : `\n✖ ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}`;
  }
  return line;
}
