/** Small shared pieces for the domain rules: locations, labels, dates, did-you-mean. */
import { isIsoDate } from '../schema/validate.js';
import { editDistance } from '../util/text.js';
import type { Loc } from '../diagnostics/types.js';
import type { Text } from '../i18n/index.js';
import { STATUS_LABELS, type StandardEntry, type Status, type SubsystemNode } from '../model/types.js';

/** Statuses of rows that stand for a published standard, so they need a (dated) number. */
export const NEEDS_NUMBER: ReadonlySet<Status> = new Set(['current', 'upcoming', 'replaced', 'withdrawn', 'revising']);

/** Where a row's key (its value) is; the row itself when the key is absent. */
export function rowAt(entry: StandardEntry, key?: string): Loc {
  if (key !== undefined && !(key in entry.raw)) return { file: entry.file, node: entry.raw };
  return { file: entry.file, node: entry.raw, key };
}

export function nodeAt(node: SubsystemNode, key?: string): Loc {
  return { file: node.file, node: node.raw, key };
}

/** How a row is named in messages: its 体系表编号 and title, e.g. `101-01《公共就业服务 术语》`. */
export function rowLabel(entry: StandardEntry): string {
  const title = entry.title ? `《${entry.title}》` : '';
  return entry.code ? `${entry.code}${title}` : title || (entry.number ?? '');
}

export function statusText(s: Status): Text {
  return STATUS_LABELS[s];
}


/** True for a real calendar date written YYYY-MM-DD (invalid dates are the schema stage's business). */
export function isDate(s: string | undefined): s is string {
  return s !== undefined && isIsoDate(s);
}

/** `date` moved `years` years later, as YYYY-MM-DD (string order is date order). */
export function addYears(date: string, years: number): string {
  return String(+date.slice(0, 4) + years).padStart(4, '0') + date.slice(4);
}

/** The year of a YYYY-MM-DD date, read from its digits (no substring per row). */
export function yearOf(date: string): number {
  return date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 48 * 1111;
}

export { editDistance };

/** The options closest to `word` (distance ≤ max), best first, at most `limit`. */
export function nearest(word: string, options: Iterable<string>, max: number, limit = 3): string[] {
  const scored: { o: string; d: number }[] = [];
  const w = word.toUpperCase();
  for (const o of options) {
    if (Math.abs(o.length - w.length) > max) continue;
    const d = editDistance(w, o.toUpperCase());
    if (d <= max) scored.push({ o, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.o);
}

/** Related places are capped so a value repeated thousands of times stays O(n) to report. */
export const MAX_RELATED = 5;

/** Up to `max` items of `list` other than the one at `i` (O(max), not O(list)). */
export function othersOf<T>(list: readonly T[], i: number, max = MAX_RELATED): T[] {
  const out: T[] = [];
  for (let j = 0; j < list.length && out.length < max; j++) if (j !== i) out.push(list[j]!);
  return out;
}

/**
 * A YAML fragment written indented inside a rule module (RuleExample): drops the line break after
 * the opening backtick, the indentation common to every line and the blank last line, so
 * yaml`
 *       number: GB/T 33534-2017
 *     `
 * is "number: GB/T 33534-2017\n". The cooked text, not `strings.raw`: the bundle (esbuild, ASCII
 * output) writes Chinese in template literals as \u escapes, which change the raw text.
 */
export function yaml(strings: TemplateStringsArray): string {
  const lines = strings.join('').split('\n');
  if (lines[0]!.trim() === '') lines.shift();
  if (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}
