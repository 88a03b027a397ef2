import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { github } from './github.js';
import { withVisibleControls } from './controls.js';

/** Every report format. Add one: a file in this folder exporting a Formatter, one line here. */
export const FORMATTERS: Formatter[] = [stylish, json, sarif, junit, github];

/** Formats read by people on a terminal or in a CI log: their texts get control characters made visible. */
const SHOWN_RAW = new Set(['stylish', 'github']);

export function formatterFor(name: string): Formatter | undefined {
  const f = FORMATTERS.find((x) => x.name === name);
  if (!f || !SHOWN_RAW.has(f.name)) return f;
  return { ...f, format: (input) => f.format({ ...input, diagnostics: input.diagnostics.map(withVisibleControls) }) };
}
