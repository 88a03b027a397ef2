import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { t } from '../i18n/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { hintLabel } from './text.js';
import { summaryLine } from './summary.js';

const SEV = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '信息', en: 'info' },
};

/** Is this code point drawn two columns wide in a terminal (CJK, Hangul, full-width forms, most emoji)? */
function isWide(c: number): boolean {
  return c >= 0x1100 && (
    c <= 0x115f ||
    (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Display width: CJK characters take two terminal columns; combining marks and zero-width characters none. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

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
