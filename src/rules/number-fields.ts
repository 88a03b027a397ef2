/**
 * Every standard number written on a row: `number`, each `replaces` item, `replaced_by`, each
 * `references` item, parsed once per row and shared by the number rules (many rules, 100k rows).
 */
import type { Loc } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import type { StandardEntry } from '../model/types.js';
import { parseStandardNumber, type ParseResult } from '../numbers/index.js';

export type NumberKey = 'number' | 'replaces' | 'replaced_by' | 'references';

export interface NumberField {
  key: NumberKey;
  /** as written */
  value: string;
  parse: ParseResult;
  at: Loc;
}

export function numberFields(entry: StandardEntry): NumberField[] {
  let out = entry.numberFields as NumberField[] | undefined;
  if (out) return out;
  out = [];
  const raw = entry.raw;
  const p = parsedNumber(entry);
  if (p && typeof raw.number === 'string') {
    out.push({ key: 'number', value: raw.number, parse: p, at: { file: entry.file, node: raw, key: 'number' } });
  }
  const list = (key: 'replaces' | 'references') => {
    const arr = raw[key];
    if (!Array.isArray(arr)) return;
    arr.forEach((v, i) => {
      if (typeof v === 'string' && v.trim()) {
        out!.push({ key, value: v, parse: parseStandardNumber(v), at: { file: entry.file, node: arr, key: i } });
      }
    });
  };
  list('replaces');
  if (typeof raw.replaced_by === 'string' && raw.replaced_by.trim()) {
    out.push({ key: 'replaced_by', value: raw.replaced_by, parse: parseStandardNumber(raw.replaced_by), at: { file: entry.file, node: raw, key: 'replaced_by' } });
  }
  list('references');
  entry.numberFields = out;
  return out;
}

/** How a field is named in messages. */
export const FIELD_NAMES: Record<NumberKey, { zh: string; en: string }> = {
  number: { zh: '标准编号', en: 'number' },
  replaces: { zh: '代替标准（replaces）', en: 'replaces entry' },
  replaced_by: { zh: '被代替为（replaced_by）', en: 'replaced_by' },
  references: { zh: '规范性引用文件（references）', en: 'references entry' },
};
