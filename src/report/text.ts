import type { Diagnostic } from '../diagnostics/types.js';
import { t, type Lang } from '../i18n/index.js';

/** Message and hint as one plain text, for formats that have a single message field. */
export function messageWithHint(d: Diagnostic, lang: Lang): string {
  const msg = t(d.message, lang);
  return d.hint ? `${msg}\n${hintLabel(lang)}${t(d.hint, lang)}` : msg;
}

export function hintLabel(lang: Lang): string {
  return lang === 'zh' ? '提示：' : 'hint: ';
}

/** `file:line:column message` lines for the other places a finding involves. */
export function relatedLines(d: Diagnostic, lang: Lang): string[] {
  return (d.related ?? []).map((r) => `↳ ${r.file}:${r.line}:${r.column} ${t(r.message, lang)}`);
}

/** Every file a report covers: the checked ones and any a diagnostic names, sorted like the diagnostics. */
export function reportFiles(diagnostics: Diagnostic[], files: string[] = []): string[] {
  const all = new Set(files);
  for (const d of diagnostics) all.add(d.file);
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
