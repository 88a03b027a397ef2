import { lineColumn, type SourceFile } from './source.js';

/** Offsets of one parsed mapping or sequence and of its keys/values or items. */
export interface NodePos {
  start: number;
  /** mappings: key names in source order, with the offsets of each key and its value */
  keys?: string[];
  keyStarts?: number[];
  valueStarts?: number[];
  /** sequences: offset of each item */
  items?: number[];
}

/**
 * Positions of every mapping and sequence of a parsed YAML file, keyed by the
 * parsed object itself. Filled once by the js-yaml listener; no second parse.
 */
export class PositionIndex {
  private readonly map = new WeakMap<object, NodePos>();
  set(obj: object, pos: NodePos): void {
    if (!this.map.has(obj)) this.map.set(obj, pos);
  }
  has(obj: object): boolean {
    return this.map.has(obj);
  }
  get(obj: object): NodePos | undefined {
    return this.map.get(obj);
  }
  /** Offset of `obj`, or of its key / the key's value. Falls back to the nearest known place. */
  offset(obj: object | undefined, key?: string | number, part: 'key' | 'value' = 'value'): number | undefined {
    if (!obj) return undefined;
    const pos = this.map.get(obj);
    if (!pos) return undefined;
    if (key === undefined) return pos.start;
    if (pos.items && typeof key === 'number') return pos.items[key] ?? pos.start;
    if (pos.keys) {
      const i = pos.keys.indexOf(String(key));
      if (i >= 0) return part === 'key' ? pos.keyStarts![i] : pos.valueStarts![i];
    }
    return pos.start;
  }
}

export function locate(file: SourceFile, node?: object, key?: string | number, part?: 'key' | 'value', offset?: number) {
  const off = offset ?? file.positions?.offset(node, key, part) ?? 0;
  return lineColumn(file, off);
}
