import { isDeepStrictEqual } from 'node:util';
import jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { planFixes, type Edit } from './plan.js';

/** Replace each edit's range; edits are sorted and do not overlap. */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The data the fixed file must parse to: the original with each fixed value replaced. */
function expected(data: unknown, edits: Edit[]): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const e of edits) {
    if (!e.path || e.path.length === 0) continue;
    let cur = copy as Record<string | number, unknown>;
    for (const k of e.path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
    cur[e.path[e.path.length - 1]!] = e.to;
  }
  return copy;
}

/** Both parsers (yaml, and js-yaml as the loader uses it) must read the new text as `want`. */
function readsAs(text: string, want: unknown): boolean {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length || !isDeepStrictEqual(doc.toJS(), want)) return false;
  try {
    return isDeepStrictEqual(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }), want);
  } catch {
    return false;
  }
}

export interface FixResult {
  text: string;
  applied: Edit[];
  /** fixes found but not applied because the result would not read back as intended */
  skipped: Edit[];
  syntaxError?: string;
}

/**
 * Apply every safe fix to one file's text. The result either parses to the intended data (the
 * original with only the fixed values changed) or the fix is left out: nothing else can change.
 */
export function fixText(text: string): FixResult {
  const plan = planFixes(text);
  if (plan.syntaxError) return { text, applied: [], skipped: [], syntaxError: plan.syntaxError };
  if (plan.edits.length === 0) return { text, applied: [], skipped: [] };
  const all = applyEdits(text, plan.edits);
  if (readsAs(all, expected(plan.data, plan.edits))) return { text: all, applied: plan.edits, skipped: [] };
  // Rare: find the edits that are safe on their own, then check them together.
  const good = plan.edits.filter((e) => readsAs(applyEdits(text, [e]), expected(plan.data, [e])));
  const bad = plan.edits.filter((e) => !good.includes(e));
  const combined = applyEdits(text, good);
  if (good.length && readsAs(combined, expected(plan.data, good))) return { text: combined, applied: good, skipped: bad };
  return { text, applied: [], skipped: plan.edits };
}
