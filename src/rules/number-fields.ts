/**
 * Every standard number written on a row: `number`, each `replaces` item, `replaced_by`, each
 * `references` item, parsed once per row and shared by the number rules (many rules, 100k rows).
 */
import type { Loc } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import type { StandardEntry } from '../model/types.js';
import type { SourceFile } from '../load/source.js';
import { parseStandardNumber, type ParseResult } from '../numbers/index.js';

declare module '../model/types.js' {
  interface StandardEntry {
    /** numberFields() of the row, made on first use (model/build.ts starts it as undefined, for one object shape) */
    numberFields?: readonly NumberField[];
  }
}

export type NumberKey = 'number' | 'replaces' | 'replaced_by' | 'references';

/** One number written on a row. */
export class NumberField {
  constructor(
    readonly key: NumberKey,
    /** as written */
    readonly value: string,
    readonly parse: ParseResult,
    private readonly file: SourceFile,
    private readonly node: object,
    private readonly nodeKey: string | number,
  ) {}

  /** Where the value is written; made on demand, since only findings need it. */
  get at(): Loc {
    return { file: this.file, node: this.node, key: this.nodeKey };
  }
}

export function numberFields(entry: StandardEntry): readonly NumberField[] {
  const memo = entry.numberFields;
  if (memo) return memo;
  const raw = entry.raw;
  const p = parsedNumber(entry);
  const out: NumberField[] = p && typeof raw.number === 'string' ? [new NumberField('number', raw.number, p, entry.file, raw, 'number')] : [];
  addList(out, entry, 'replaces');
  if (typeof raw.replaced_by === 'string' && raw.replaced_by.trim()) {
    out.push(new NumberField('replaced_by', raw.replaced_by, parseStandardNumber(raw.replaced_by), entry.file, raw, 'replaced_by'));
  }
  addList(out, entry, 'references');
  entry.numberFields = out;
  return out;
}

function addList(out: NumberField[], entry: StandardEntry, key: 'replaces' | 'references'): void {
  const arr = entry.raw[key];
  if (!Array.isArray(arr)) return;
  for (let i = 0; i < arr.length; i++) {
    const v: unknown = arr[i];
    if (typeof v === 'string' && v.trim()) out.push(new NumberField(key, v, parseStandardNumber(v), entry.file, arr, i));
  }
}

/** How a field is named in messages. */
export const FIELD_NAMES: Record<NumberKey, { zh: string; en: string }> = {
  number: { zh: '标准编号', en: 'number' },
  replaces: { zh: '代替标准（replaces）', en: 'replaces entry' },
  replaced_by: { zh: '被代替为（replaced_by）', en: 'replaced_by' },
  references: { zh: '规范性引用文件（references）', en: 'references entry' },
};
