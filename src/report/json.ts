import type { Formatter } from './types.js';
import { t } from '../i18n/index.js';

/** Machine-readable: `{ diagnostics: [{rule, severity, file, line, column, message, hint}], summary }`. */
export const json: Formatter = {
  name: 'json',
  description: { zh: 'JSON：diagnostics 数组与 summary', en: 'JSON: a diagnostics array and a summary' },
  format({ diagnostics, summary, lang }) {
    return JSON.stringify({
      diagnostics: diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        file: d.file,
        line: d.line,
        column: d.column,
        message: t(d.message, lang),
        hint: d.hint ? t(d.hint, lang) : null,
        ...(d.related ? { related: d.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: t(r.message, lang) })) } : {}),
        ...(d.data ? { data: d.data } : {}),
      })),
      summary,
    }, null, 2) + '\n';
  },
};
