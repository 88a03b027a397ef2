import type { Diagnostic } from '../diagnostics/types.js';
import type { Text } from '../i18n/index.js';

/**
 * Characters a terminal or a CI log would act on instead of showing: C0/C1 controls (ESC starts
 * colour and cursor sequences, BEL rings, CR overwrites the line) and the bidirectional controls
 * that reorder what is shown (Trojan Source). Line feeds (and CRLF) stay: formatters lay out lines themselves; a lone CR is escaped.
 */
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** `\u001b`-style visible escapes for the characters above; other text unchanged. */
export function visibleControls(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function text(x: Text): Text {
  return { zh: visibleControls(x.zh), en: visibleControls(x.en) };
}

/** A diagnostic whose texts and paths (they quote values from the user's files) show controls as escapes. */
export function withVisibleControls(d: Diagnostic): Diagnostic {
  return {
    ...d,
    file: visibleControls(d.file),
    message: text(d.message),
    hint: d.hint && text(d.hint),
    related: d.related?.map((r) => ({ ...r, file: visibleControls(r.file), message: text(r.message) })),
  };
}
