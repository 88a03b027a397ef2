import type { Diagnostic, Finding, Loc, Severity } from './types.js';
import { locate } from '../load/source.js';
import type { Text } from '../i18n/index.js';
import { detach } from '../util/text.js';

export function resolveLoc(at: Loc): { file: string; line: number; column: number } {
  const { line, column } = locate(at.file, at.node, at.key, at.part, at.offset);
  return { file: at.file.display, line, column };
}

function detachText(t: Text): Text {
  return { zh: detach(t.zh), en: detach(t.en) };
}

function detachData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? detach(v) : v;
  return out;
}

export function toDiagnostic(rule: string, severity: Severity, f: Finding): Diagnostic {
  const d: Diagnostic = { rule, severity, ...resolveLoc(f.at), message: detachText(f.message) };
  if (f.hint) d.hint = detachText(f.hint);
  if (f.related?.length) d.related = f.related.map((r) => ({ ...resolveLoc(r.at), message: detachText(r.message) }));
  if (f.data) d.data = detachData(f.data);
  return d;
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1
      : a.line - b.line || a.column - b.column || SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export interface Summary {
  files: number;
  systems: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

export function summarize(ds: Diagnostic[], files: number, systems: number, suppressed: number): Summary {
  let errors = 0, warnings = 0, infos = 0;
  for (const d of ds) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { files, systems, errors, warnings, infos, suppressed };
}
