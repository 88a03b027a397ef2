import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { t } from '../i18n/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { hintLabel } from './text.js';
import { summaryLine } from './summary.js';
import { displayWidth } from '../util/display-width.js';

export { displayWidth };

const SEV = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '信息', en: 'info' },
};

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const widest = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), 0);

/** ESLint-style: grouped by file, aligned `line:col severity message rule`, hint below, summary line. */
export const stylish: Formatter = {
  name: 'stylish',
  description: { zh: '按文件分组、对齐的可读输出（默认）', en: 'readable output grouped by file (default)' },
  format({ diagnostics, summary, lang, color, maxWarnings }) {
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
        // one line per finding: a stray line break from the input must not break the layout
        msg: t(d.message, lang).replace(/\r?\n/g, ' '),
        d,
      }));
      const wPos = widest(rows.map((r) => r.pos.length));
      const wSev = widest(rows.map((r) => displayWidth(r.sev)));
      const wMsg = Math.min(80, widest(rows.map((r) => displayWidth(r.msg))));
      const indent = ' '.repeat(2 + wPos + 2 + wSev + 2);
      for (const r of rows) {
        const sev = pad(r.sev, wSev);
        const sevColored = r.d.severity === 'error' ? c.red(sev) : r.d.severity === 'warning' ? c.yellow(sev) : c.blue(sev);
        out.push(`  ${c.dim(r.pos.padStart(wPos))}  ${sevColored}  ${pad(r.msg, wMsg)}  ${c.dim(r.d.rule)}`);
        if (r.d.hint) out.push(`${indent}${c.dim(hintLabel(lang) + t(r.d.hint, lang).replace(/\r?\n/g, ' '))}`);
        for (const rel of r.d.related ?? []) {
          out.push(`${indent}${c.dim(`↳ ${rel.file}:${rel.line}:${rel.column} ${t(rel.message, lang)}`)}`);
        }
      }
    }
    out.push('');
    const total = summary.errors + summary.warnings + summary.infos;
    const line = summaryLine(summary, lang, maxWarnings);
    const over = maxWarnings !== undefined && summary.warnings > maxWarnings;
    out.push(total === 0 ? c.green(line) : summary.errors || over ? c.red.bold(line) : c.yellow.bold(line));
    return out.join('\n').replace(/^\n/, '') + '\n';
  },
};
