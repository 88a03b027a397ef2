import yaml from 'js-yaml';
import { PositionIndex } from './positions.js';

/**
 * A fast path for the YAML that standard-system files are actually written in: block
 * mappings and sequences indented with spaces, plain and one-line quoted scalars, one-line
 * flow collections, and comments, with LF or CRLF line ends. It builds the same values as
 * js-yaml's `load(text, { schema: CORE_SCHEMA })` and records the same positions as the
 * listener in `yaml.ts`, in one pass over the text and without js-yaml's per-node event overhead.
 *
 * It never reports an error itself: anything outside that subset — anchors, aliases, tags,
 * block scalars, multi-line scalars and flow collections, escapes, tabs, a CR that ends no
 * line, document markers, duplicate keys, odd indentation, non-printable characters — makes it
 * give up (BAIL), and the caller parses the file again with js-yaml, which produces the value or
 * the error exactly as before. tests/load/fast-yaml.test.ts checks values and positions
 * against js-yaml, for every text also with CRLF line ends.
 */
export const BAIL: unique symbol = Symbol('bail');

class Bail {}
const bail = new Bail();

/**
 * One pass for everything the fast path leaves to js-yaml at character level: what js-yaml
 * refuses as non-printable, every surrogate (rare in these files), tabs and CR.
 */
const UNUSUAL = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * The CORE schema's implicit types (null, bool, int, float; js-yaml's lib/schema/json.js lists them
 * in this order), from js-yaml's public `types` export (index.js: "re-export all types in case user
 * wants to create custom schema"; @types/js-yaml does not declare it). undefined when a js-yaml
 * release no longer exports one of them: parseFast then hands every file to js-yaml (slower, the
 * same result) instead of failing every validate. tests/load/fast-yaml.test.ts fails loudly on it.
 */
export function coreImplicitTypes(): yaml.Type[] | undefined {
  const types = (yaml as unknown as { types?: Partial<Record<'null' | 'bool' | 'int' | 'float', yaml.Type>> }).types;
  const list = [types?.null, types?.bool, types?.int, types?.float];
  return list.every((t): t is yaml.Type => t instanceof yaml.Type && typeof t.resolve === 'function' && typeof t.construct === 'function')
    ? list
    : undefined;
}

const IMPLICIT = coreImplicitTypes();

/** Resolve a plain scalar as js-yaml does; only strings starting like a number, null or bool can change. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // 0-9 + - . ~ n N t T f F
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return s;
  for (const type of IMPLICIT!) if (type.resolve!(s)) return type.construct!(s);
  return s;
}

/** Characters that may not start a plain scalar or key here (YAML indicators, some of them allowed by YAML but not by this fast path). */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return (
    c === 45 || c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 ||
    c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96
  );
}

/** Whether a plain scalar may start at `i`: not at an indicator, but "-1", "?x" and ":x" are fine. */
function plainStart(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (!isIndicator(c)) return i < t.length;
  if (c !== 45 && c !== 63 && c !== 58) return false;
  const d = t.charCodeAt(i + 1);
  // followed by a blank or (in flow collections) a flow indicator, it is an indicator
  return !(i + 1 >= t.length || d === 32 || d === 10 || d === 44 || d === 91 || d === 93 || d === 123 || d === 125);
}

/** Blank after an indicator: space, line feed or the end of the text. */
function blankAt(t: string, i: number): boolean {
  return i >= t.length || t.charCodeAt(i) === 32 || t.charCodeAt(i) === 10;
}

/** Offset after blanks and comments (js-yaml reports node positions before them). */
export function skipBlank(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === 35) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
    } else break;
  }
  return i;
}

/** A value's position: after the ':' separator and blanks. */
export function skipValue(text: string, i: number): number {
  i = skipBlank(text, i);
  if (text.charCodeAt(i) === 58 && (i + 1 >= text.length || isWs(text.charCodeAt(i + 1)))) i = skipBlank(text, i + 1);
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Keys and many values repeat on every row (title, level, "current", "P06-06", dates). Reusing
 * the string read last time at the same hash saves a copy, and for keys V8's string-table lookup
 * when the key becomes a property (measured: the parse stage ~20 % faster at 100k rows). The
 * tables live across files, so they only keep strings of up to 12 characters: V8 copies those,
 * while a longer slice would keep its whole file's text alive.
 */
const TABLE_SIZE = 4096;
const MAX_SHARED = 12;
const keyTable: string[] = new Array<string>(TABLE_SIZE).fill('');
const valueTable: string[] = new Array<string>(TABLE_SIZE).fill('');

function sliceShared(table: string[], t: string, s: number, e: number): string {
  const len = e - s;
  if (len > MAX_SHARED || len === 0) return t.slice(s, e);
  const h = (len * 7919 + t.charCodeAt(s) * 31 + t.charCodeAt(e - 1) * 131 + t.charCodeAt(s + (len >> 1)) * 17) & (TABLE_SIZE - 1);
  const c = table[h]!;
  if (c.length === len && t.startsWith(c, s)) return c;
  return (table[h] = t.slice(s, e));
}

/** Deeper than this, the fast path hands over to js-yaml and its depth limit. */
const MAX_FAST_DEPTH = 40;
const MAX_KEY_LENGTH = 1024;

class FastParser {
  readonly n: number;
  /** the current content line: its start, the offset of its first non-blank and its indent (-1 at the end) */
  ls = 0;
  cs = 0;
  ind = -1;
  depth = 0;
  /** the key read by readKey and the offset of its ':' */
  key = '';
  /**
   * Positions of the nodes being built, as a stack: a node pushes its entries (key and value
   * offsets, or item offsets) above its parent's, and hands them to the PositionIndex when it
   * is complete — nothing is allocated per node. `keyScratch` holds the keys beside them.
   */
  scratch: number[] = [];
  keyScratch: string[] = [];
  sp = 0;

  constructor(
    readonly t: string,
    readonly positions: PositionIndex,
    readonly maxDepth: number,
  ) {
    this.n = t.length;
  }

  parse(): unknown {
    this.nextLine(0);
    if (this.ind === -1) throw bail; // empty document: js-yaml's own answer is cheap
    const value = this.node(this.ind, this.cs);
    if (this.ind !== -1) throw bail;
    return value;
  }

  /** Move to the next line with content at or after `p` (a line start), skipping blank and comment lines. */
  nextLine(p: number): void {
    const t = this.t;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.ind = -1;
        return;
      }
      let j = p;
      while (j < n && t.charCodeAt(j) === 32) j++;
      if (j >= n) {
        this.ind = -1;
        return;
      }
      const c = t.charCodeAt(j);
      if (c === 10) {
        p = j + 1;
        continue;
      }
      if (c === 35) {
        const nl = t.indexOf('\n', j);
        if (nl === -1) {
          this.ind = -1;
          return;
        }
        p = nl + 1;
        continue;
      }
      // document markers and directives belong to js-yaml
      if (j === p && (c === 45 || c === 46 || c === 37)) {
        if (c === 37 || (t.startsWith(c === 45 ? '---' : '...', j) && blankAt(t, j + 3))) throw bail;
      }
      this.ls = p;
      this.cs = j;
      this.ind = j - p;
      return;
    }
  }

  /** A block node whose first line is the current line with indent `ind`, starting at `at`. */
  node(ind: number, at: number): unknown {
    if (++this.depth > this.maxDepth) throw bail;
    const t = this.t;
    let value: unknown;
    if (t.charCodeAt(at) === 45 && blankAt(t, at + 1)) {
      if (at !== this.cs) throw bail; // "- - a": a compact nested sequence
      value = this.sequence(ind);
    } else {
      value = this.mapping(ind, at);
    }
    this.depth--;
    return value;
  }

  /** A block mapping whose keys sit at column `col`; its first key starts at `at`. */
  mapping(col: number, at: number): Record<string, unknown> {
    const t = this.t;
    const obj: Record<string, unknown> = {};
    const start = at;
    const base = this.sp;
    let integerKeys = false;
    for (;;) {
      const colon = this.readKey(at);
      if (colon < 0) throw bail;
      const key = this.key;
      integerKeys = this.pushKey(obj, key, at, colon, base) || integerKeys;
      let p = colon + 1;
      while (t.charCodeAt(p) === 32) p++;
      let value: unknown;
      if (p >= this.n || t.charCodeAt(p) === 10 || t.charCodeAt(p) === 35) {
        // the value, if any, is on the following lines
        this.nextLine(this.lineEnd(p) + 1);
        if (this.ind > col) value = this.node(this.ind, this.cs);
        else if (this.ind === col && t.charCodeAt(this.cs) === 45 && blankAt(t, this.cs + 1)) value = this.node(col, this.cs);
        else value = null;
      } else {
        value = this.inline(p);
      }
      obj[key] = value;
      if (this.ind === col) {
        at = this.cs;
        continue;
      }
      if (this.ind > col) throw bail; // a continuation line or bad indentation
      break;
    }
    this.done(obj, start, base, integerKeys);
    return obj;
  }

  /** A block sequence whose dashes sit at column `col`, starting on the current line. */
  sequence(col: number): unknown[] {
    const t = this.t;
    const arr: unknown[] = [];
    const start = this.cs;
    const base = this.sp;
    for (;;) {
      const dash = this.cs;
      const itemStart = skipBlank(t, dash + 1);
      let p = dash + 1;
      while (t.charCodeAt(p) === 32) p++;
      const c = t.charCodeAt(p);
      let item: unknown;
      if (p >= this.n || c === 10 || c === 35) {
        const le = this.lineEnd(p);
        this.nextLine(le + 1);
        if (this.ind > col) {
          this.scratch[this.sp++] = itemStart;
          item = this.node(this.ind, this.cs);
        } else {
          // js-yaml adds an empty item followed by a line break without a listener event, so
          // the slow path records no position for it: record the same
          if (le >= this.n) this.scratch[this.sp++] = itemStart;
          item = null;
          // …and goes on with the next '-' at any indent: leave that to js-yaml
          if (this.ind !== col && this.ind !== -1 && t.charCodeAt(this.cs) === 45 && blankAt(t, this.cs + 1)) throw bail;
        }
        arr.push(item);
        if (this.ind === col && t.charCodeAt(this.cs) === 45 && blankAt(t, this.cs + 1)) continue;
        break;
      }
      this.scratch[this.sp++] = itemStart;
      if (c === 45 && blankAt(t, p + 1)) {
        throw bail;
      } else if (this.readKey(p) >= 0) {
        // "- key: value": a mapping whose keys line up with the first one
        const keyCol = p - this.ls;
        if (++this.depth > this.maxDepth) throw bail;
        item = this.mapping(keyCol, p);
        this.depth--;
      } else {
        item = this.inline(p);
      }
      arr.push(item);
      if (this.ind === col) {
        if (t.charCodeAt(this.cs) === 45 && blankAt(t, this.cs + 1)) continue;
        break; // a key of the mapping this sequence is the value of
      }
      if (this.ind > col) throw bail;
      break;
    }
    this.done(arr, start, base, false);
    return arr;
  }

  /**
   * Record a key of the mapping being built (entries from `base`) with its offset and its value's;
   * keys js-yaml treats specially, or a second time, go to js-yaml. True if it may be integer-like.
   */
  pushKey(obj: Record<string, unknown>, key: string, at: number, colon: number, base: number): boolean {
    if (key === '__proto__' || key === '<<' || this.seen(obj, key, base)) throw bail;
    this.keyScratch[this.sp] = key;
    this.scratch[this.sp++] = at;
    this.scratch[this.sp++] = skipValue(this.t, colon);
    return isDigit(key.charCodeAt(0));
  }

  /** Whether the mapping being built (entries from `base`) has `key` already: a short scan for the usual few keys. */
  seen(obj: Record<string, unknown>, key: string, base: number): boolean {
    if (this.sp - base > 32) return Object.prototype.hasOwnProperty.call(obj, key);
    for (let q = base; q < this.sp; q += 2) if (this.keyScratch[q] === key) return true;
    return false;
  }

  /** Hand a complete node's positions (scratch[base…sp]) to the index and pop them. */
  done(obj: object, start: number, base: number, integerKeys: boolean): void {
    let keys: string[] | undefined;
    // Object.keys lists integer-like keys first: keep the source order for those mappings
    if (integerKeys) {
      keys = [];
      for (let i = base; i < this.sp; i += 2) keys.push(this.keyScratch[i]!);
    }
    this.positions.record(obj, start, this.scratch, base, this.sp, keys);
    this.sp = base;
  }

  lineEnd(p: number): number {
    const nl = this.t.indexOf('\n', p);
    return nl === -1 ? this.n : nl;
  }

  /**
   * If a key (plain or quoted) followed by ': ' starts at `p`, set this.key and return the
   * offset of the ':'; -1 when the line holds no key here. Odd keys bail.
   */
  readKey(p: number): number {
    const t = this.t;
    const n = this.n;
    const c0 = t.charCodeAt(p);
    if (c0 === 34 || c0 === 39) {
      const e = c0 === 34 ? this.doubleQuoted(p) : this.singleQuoted(p);
      const s = this.scalar as string;
      let j = e;
      while (t.charCodeAt(j) === 32) j++;
      if (t.charCodeAt(j) !== 58 || !blankAt(t, j + 1)) return -1;
      this.key = s;
      return j;
    }
    if (!plainStart(t, p)) return -1;
    let j = p;
    for (;;) {
      if (j >= n) return -1;
      const c = t.charCodeAt(j);
      if (c === 10) return -1;
      if (c === 58 && blankAt(t, j + 1)) break;
      if (c === 35 && t.charCodeAt(j - 1) === 32) return -1;
      // flow indicators inside a key: leave such keys to js-yaml
      if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125) throw bail;
      j++;
    }
    let e = j;
    while (t.charCodeAt(e - 1) === 32) e--;
    if (e - p > MAX_KEY_LENGTH) throw bail;
    this.key = String(resolvePlain(sliceShared(keyTable, t, p, e)));
    return j;
  }

  /** the value read by the last doubleQuoted / singleQuoted call */
  scalar: unknown = null;

  /** A one-line double-quoted scalar without escapes; returns the offset after the closing quote. */
  doubleQuoted(p: number): number {
    const t = this.t;
    const n = this.n;
    let j = p + 1;
    for (;;) {
      if (j >= n) throw bail;
      const c = t.charCodeAt(j);
      if (c === 34) break;
      if (c === 92 || c === 10) throw bail;
      j++;
    }
    this.scalar = sliceShared(valueTable, t, p + 1, j);
    return j + 1;
  }

  /** A one-line single-quoted scalar ('' stands for '); returns the offset after the closing quote. */
  singleQuoted(p: number): number {
    const t = this.t;
    const n = this.n;
    let j = p + 1;
    let escaped = false;
    for (;;) {
      if (j >= n) throw bail;
      const c = t.charCodeAt(j);
      if (c === 39) {
        if (t.charCodeAt(j + 1) === 39) {
          escaped = true;
          j += 2;
          continue;
        }
        break;
      }
      if (c === 10) throw bail;
      j++;
    }
    const s = sliceShared(valueTable, t, p + 1, j);
    this.scalar = escaped ? s.replaceAll("''", "'") : s;
    return j + 1;
  }

  /** A value on the rest of the line at `p`; moves to the next content line. */
  inline(p: number): unknown {
    const t = this.t;
    const n = this.n;
    const c = t.charCodeAt(p);
    let e: number;
    let value: unknown;
    if (c === 34) {
      e = this.doubleQuoted(p);
      value = this.scalar;
    } else if (c === 39) {
      e = this.singleQuoted(p);
      value = this.scalar;
    } else if (c === 91 || c === 123) {
      e = this.flowEntry(p);
      value = this.scalar;
    } else {
      if (!plainStart(t, p)) throw bail;
      // a plain scalar: up to a comment or the end of the line
      let j = p;
      let end = -1;
      for (;;) {
        if (j >= n) break;
        const d = t.charCodeAt(j);
        if (d === 10) break;
        if (d === 35 && t.charCodeAt(j - 1) === 32) {
          end = j;
          break;
        }
        if (d === 58 && blankAt(t, j + 1)) throw bail; // "a: b: c", or a key after all
        j++;
      }
      const le = j;
      if (end === -1) end = le;
      while (t.charCodeAt(end - 1) === 32) end--;
      value = resolvePlain(sliceShared(valueTable, t, p, end));
      this.nextLine(end === le ? le + 1 : this.lineEnd(end) + 1);
      return value;
    }
    // after a quoted scalar or a flow sequence only blanks and a comment may follow
    let j = e;
    while (t.charCodeAt(j) === 32) j++;
    if (j < n) {
      const d = t.charCodeAt(j);
      if (d === 35) {
        if (j === e) throw bail;
        j = this.lineEnd(j);
      } else if (d !== 10) throw bail;
    }
    this.nextLine(j + 1);
    return value;
  }

  /** An entry of a one-line flow collection, ending before ',', ']' or '}'; sets this.scalar, returns its end. */
  flowEntry(j: number): number {
    const t = this.t;
    const n = this.n;
    const c = t.charCodeAt(j);
    if (c === 91 || c === 123) {
      if (++this.depth > this.maxDepth) throw bail;
      const r = c === 91 ? this.flowSequence(j) : this.flowMapping(j);
      this.depth--;
      this.scalar = r.value;
      return r.end;
    }
    if (c === 34) return this.doubleQuoted(j);
    if (c === 39) return this.singleQuoted(j);
    if (!plainStart(t, j)) throw bail;
    const s = j;
    for (;;) {
      if (j >= n) throw bail;
      const d = t.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125) break;
      // line breaks, brackets inside a scalar, comments and ':' are left to js-yaml
      if (d === 10 || d === 91 || d === 123 || d === 35 || d === 58) throw bail;
      j++;
    }
    let e = j;
    while (t.charCodeAt(e - 1) === 32) e--;
    this.scalar = resolvePlain(sliceShared(valueTable, t, s, e));
    return j;
  }

  /** After a flow entry: skip spaces; at the closing bracket return -(its offset) - 1, after a ',' the offset of the next entry. */
  flowNext(j: number, close: number): number {
    const t = this.t;
    while (t.charCodeAt(j) === 32) j++;
    const d = t.charCodeAt(j);
    if (d === close) return -j - 1;
    if (d !== 44) throw bail;
    j++;
    while (t.charCodeAt(j) === 32) j++;
    if (t.charCodeAt(j) === close) throw bail; // a trailing comma
    return j;
  }

  /** A one-line flow sequence: [a, "b", 3]. */
  flowSequence(p: number): { value: unknown[]; end: number } {
    const t = this.t;
    const arr: unknown[] = [];
    const base = this.sp;
    let j = p + 1;
    while (t.charCodeAt(j) === 32) j++;
    if (t.charCodeAt(j) !== 93) {
      for (;;) {
        this.scratch[this.sp++] = j;
        j = this.flowEntry(j);
        arr.push(this.scalar);
        j = this.flowNext(j, 93);
        if (j < 0) {
          j = -j - 1;
          break;
        }
      }
    }
    this.done(arr, p, base, false);
    return { value: arr, end: j + 1 };
  }

  /** A one-line flow mapping: { name: 湛江市, code: "440800" }. */
  flowMapping(p: number): { value: Record<string, unknown>; end: number } {
    const t = this.t;
    const n = this.n;
    const obj: Record<string, unknown> = {};
    const base = this.sp;
    let integerKeys = false;
    let j = p + 1;
    while (t.charCodeAt(j) === 32) j++;
    if (t.charCodeAt(j) !== 125) {
      for (;;) {
        const at = j;
        let key: string;
        const c = t.charCodeAt(j);
        if (c === 34 || c === 39) {
          j = c === 34 ? this.doubleQuoted(j) : this.singleQuoted(j);
          key = this.scalar as string;
          while (t.charCodeAt(j) === 32) j++;
          if (t.charCodeAt(j) !== 58) throw bail;
        } else {
          if (!plainStart(t, j)) throw bail;
          for (;;) {
            if (j >= n) throw bail;
            const d = t.charCodeAt(j);
            if (d === 58) break;
            if (d === 10 || d === 44 || d === 91 || d === 93 || d === 123 || d === 125 || d === 35) throw bail;
            j++;
          }
          let e = j;
          while (t.charCodeAt(e - 1) === 32) e--;
          key = String(resolvePlain(sliceShared(keyTable, t, at, e)));
        }
        // j is at the ':'; only "key: value" with a blank after the colon is taken
        if (t.charCodeAt(j + 1) !== 32) throw bail;
        integerKeys = this.pushKey(obj, key, at, j, base) || integerKeys;
        j++;
        while (t.charCodeAt(j) === 32) j++;
        j = this.flowEntry(j);
        obj[key] = this.scalar;
        j = this.flowNext(j, 125);
        if (j < 0) {
          j = -j - 1;
          break;
        }
      }
    }
    this.done(obj, p, base, integerKeys);
    return { value: obj, end: j + 1 };
  }
}

/**
 * Parse `text` on the fast path; BAIL when it holds anything the fast path leaves to js-yaml.
 * On success `positions` holds the same entries js-yaml's listener would have recorded.
 */
export function parseFast(original: string, positions: PositionIndex, maxDepth: number): unknown {
  if (!IMPLICIT) return BAIL;
  let text = original;
  if (original.indexOf('\r') !== -1) {
    // Windows line ends (editors and git on Windows write them): read an LF copy, and let the
    // index turn its offsets back into the original's. A CR that ends no line is js-yaml's.
    text = original.replaceAll('\r\n', '\n');
    if (text.indexOf('\r') !== -1) return BAIL;
    positions.readFromLfCopy(original);
  }
  if (UNUSUAL.test(text)) return BAIL;
  // js-yaml's depth counts more levels than ours (wrappers, scalars): stay well inside its limit
  const depth = Math.min(MAX_FAST_DEPTH, Math.floor(maxDepth / 3));
  // typical files need about one record number per 12 characters; the array grows if not
  positions.reserve(text.length >> 3);
  try {
    return new FastParser(text, positions, depth).parse();
  } catch (e) {
    if (e === bail) return BAIL;
    throw e;
  }
}
