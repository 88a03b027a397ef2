import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { github } from './github.js';

/** Every report format. Add one: a file in this folder exporting a Formatter, one line here. */
export const FORMATTERS: Formatter[] = [stylish, json, sarif, junit, github];

export function formatterFor(name: string): Formatter | undefined {
  return FORMATTERS.find((f) => f.name === name);
}
