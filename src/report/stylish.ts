import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { t } from '../i18n/index.js';
import type { Diagnostic } from '../diagnostics/types.js';

const SEV = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** Display width: CJK characters take two terminal columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** ESLint-style: grouped by file, aligned `line:col severity message rule`, hint below, summary line. */
export const stylish: Formatter = {
  name: 'stylish',
  description: { zh: '按文件分组、对齐的可读输出（默认）', en: 'readable output grouped by file (default)' },
  format({ diagnostics, summary, lang, color }) {
    const c = new Chalk({ level: color ? 1 : 0 });
    const out: string[] = [];
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      let list = byFile.get(d.file);
      if (!list) byFile.set(d.file, (list = []));
      list.push(d);
    }
    for (const [file, ds] of byFile) {
      out.push('', c.underline(file));
      const rows = ds.map((d) => ({
        pos: `${d.line}:${d.column}`,
        sev: t(SEV[d.severity], lang),
        msg: t(d.message, lang),
        d,
      }));
      const wPos = Math.max(...rows.map((r) => r.pos.length));
      const wSev = Math.max(...rows.map((r) => displayWidth(r.sev)));
      const wMsg = Math.min(80, Math.max(...rows.map((r) => displayWidth(r.msg))));
      for (const r of rows) {
        const sevColored = r.d.severity === 'error' ? c.red(pad(r.sev, wSev)) : r.d.severity === 'warning' ? c.yellow(pad(r.sev, wSev)) : c.blue(pad(r.sev, wSev));
        out.push(`  ${c.dim(r.pos.padStart(wPos))}  ${sevColored}  ${pad(r.msg, wMsg)}  ${c.dim(r.d.rule)}`);
        const indent = ' '.repeat(2 + wPos + 2 + wSev + 2);
        if (r.d.hint) out.push(`${indent}${c.dim((lang === 'zh' ? '提示：' : 'hint: ') + t(r.d.hint, lang))}`);
        for (const rel of r.d.related ?? []) {
          out.push(`${indent}${c.dim(`↳ ${rel.file}:${rel.line}:${rel.column} ${t(rel.message, lang)}`)}`);
        }
      }
    }
    const { errors, warnings, infos, files, systems, suppressed } = summary;
    const total = errors + warnings + infos;
    out.push('');
    const sup = suppressed ? (lang === 'zh' ? `，已按注释豁免 ${suppressed} 个` : `, ${suppressed} suppressed by comments`) : '';
    if (total === 0) {
      out.push(c.green(lang === 'zh'
        ? `✓ 未发现问题（${systems} 个体系，${files} 个文件${sup}）`
        : `✓ no problems (${systems} system${systems === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'}${sup})`));
    } else {
      const line = lang === 'zh'
        ? `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示；${systems} 个体系，${files} 个文件${sup}）`
        : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info; ${systems} system${systems === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'}${sup})`;
      out.push(errors ? c.red.bold(line) : c.yellow.bold(line));
    }
    return out.join('\n').replace(/^\n/, '') + '\n';
  },
};
