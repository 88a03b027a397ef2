
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
 * parsed object itself. Filled once while parsing; no second parse.
 *
 * Two stores: js-yaml's listener (yaml.ts) sets a NodePos per object; the fast path
 * (fast-yaml.ts) appends flat records to one number array and maps each object to its
 * record, so parsing a large file allocates no position objects at all.
 */
export class PositionIndex {
  private readonly map = new WeakMap<object, NodePos>();
  /**
   * fast-path records: [start, count, then (keyStart, valueStart) × count for a mapping or
   * item × count for a sequence]; an Int32Array keeps them out of the garbage-collected heap
   */
  private rec = new Int32Array(0);
  private recLength = 0;
  private readonly recOf = new Map<object, number>();
  /** key order of the mappings whose keys Object.keys would reorder (integer-like keys come first there) */
  private readonly keyLists = new Map<number, string[]>();
  /**
   * Set when the fast path read a copy of the text with CRLF line ends turned into LF: the
   * original text, and (built on first use) where in the copy each CR was taken out. Offsets
   * handed out are always offsets in the original text.
   */
  private crlfText?: string;
  private crAt?: Int32Array;

  /** The records that follow describe `original` with every CRLF read as LF. */
  readFromLfCopy(original: string): void {
    this.crlfText = original;
  }

  /** An offset in the LF copy → the offset in the original text. */
  private toOriginal(k: number): number {
    if (this.crlfText === undefined) return k;
    let cr = this.crAt;
    if (!cr) {
      const t = this.crlfText;
      const at: number[] = [];
      for (let o = t.indexOf('\r\n'); o !== -1; o = t.indexOf('\r\n', o + 2)) at.push(o - at.length);
      cr = this.crAt = Int32Array.from(at);
    }
    // CRs taken out before the character at k (one sits just before each LF that had one)
    let lo = 0;
    let hi = cr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cr[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return k + lo;
  }

  /** Room for about `n` record numbers, so the fast path rarely grows the array. */
  reserve(n: number): void {
    if (this.rec.length - this.recLength >= n) return;
    const grown = new Int32Array(Math.max(n + this.recLength, this.rec.length * 2));
    grown.set(this.rec.subarray(0, this.recLength));
    this.rec = grown;
  }

  set(obj: object, pos: NodePos): void {
    if (!this.map.has(obj)) this.map.set(obj, pos);
  }

  /** Append a fast-path record for `obj`: the positions `scratch[from…to)` (pairs for a mapping). */
  record(obj: object, start: number, scratch: number[], from: number, to: number, keys?: string[]): void {
    const at = this.recLength;
    this.reserve(2 + to - from);
    const rec = this.rec;
    rec[at] = start;
    rec[at + 1] = Array.isArray(obj) ? to - from : (to - from) >> 1;
    let w = at + 2;
    for (let i = from; i < to; i++) rec[w++] = scratch[i]!;
    this.recLength = w;
    this.recOf.set(obj, at);
    if (keys) this.keyLists.set(at, keys);
  }

  has(obj: object): boolean {
    return this.map.has(obj) || this.recOf.has(obj);
  }

  get(obj: object): NodePos | undefined {
    const r = this.recOf.get(obj);
    if (r === undefined) return this.map.get(obj);
    const rec = this.rec;
    const count = rec[r + 1]!;
    const at = (i: number) => this.toOriginal(rec[i]!);
    if (Array.isArray(obj)) return { start: at(r), items: Array.from({ length: count }, (_, i) => at(r + 2 + i)) };
    const keyStarts: number[] = [];
    const valueStarts: number[] = [];
    for (let i = 0; i < count; i++) {
      keyStarts.push(at(r + 2 + 2 * i));
      valueStarts.push(at(r + 3 + 2 * i));
    }
    return { start: at(r), keys: this.keyLists.get(r) ?? Object.keys(obj), keyStarts, valueStarts };
  }

  /** Offset of `obj`, or of its key / the key's value. Falls back to the nearest known place. */
  offset(obj: object | undefined, key?: string | number, part: 'key' | 'value' = 'value'): number | undefined {
    if (!obj) return undefined;
    const r = this.recOf.get(obj);
    if (r !== undefined) return this.toOriginal(this.recordOffset(obj, r, key, part));
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

  private recordOffset(obj: object, r: number, key: string | number | undefined, part: 'key' | 'value'): number {
    const rec = this.rec;
    const start = rec[r]!;
    if (key === undefined) return start;
    const count = rec[r + 1]!;
    if (Array.isArray(obj)) {
      // the same answers as pos.items[key] ?? pos.start
      return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < count ? rec[r + 2 + key]! : start;
    }
    const i = (this.keyLists.get(r) ?? Object.keys(obj)).indexOf(String(key));
    if (i < 0 || i >= count) return start;
    return rec[r + (part === 'key' ? 2 : 3) + 2 * i]!;
  }
}
