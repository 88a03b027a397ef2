import { isUtf8 } from 'node:buffer';
import { noteInput } from '../util/inputs.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PositionIndex } from './positions.js';

/** A text file read for validation, with what is needed to turn offsets into line:column. */
export interface SourceFile {
  /** absolute path */
  abs: string;
  /** path shown to the user: relative to cwd when inside it, forward slashes */
  display: string;
  text: string;
  /** start offset of every line (computed on first use) */
  /** offset of each line's first character (built on first use; typed array: off the JS heap) */
  lineStarts?: Int32Array;
  /** filled by the YAML loader */
  positions?: PositionIndex;
  /** `# hrss-std-disable-next-line` comments by 1-based line of the suppressed finding */
  suppressions?: Map<number, { rules: string[]; reason: string; line: number }>;
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  const shown = rel && rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).join('/');
}

export class InputError extends Error {
  constructor(
    readonly kind: 'not-found' | 'unreadable' | 'directory' | 'too-large' | 'encoding' | 'binary',
    readonly file: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(`${kind}: ${file}`);
  }
}

/**
 * Read a UTF-8 file. A BOM is dropped; CRLF is kept (line counting handles it).
 * Anything that is not valid UTF-8 is refused with a guess at its encoding,
 * because GBK/GB18030 files from office PCs are common and silently
 * mis-decoding them would corrupt every Chinese title.
 */
export function readSource(abs: string, opts: { maxBytes: number; cwd?: string }): SourceFile {
  let size: number;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) throw new InputError('directory', abs);
    // a FIFO or device would block the read forever or never end
    if (!st.isFile()) throw new InputError('unreadable', abs, { code: 'not a regular file' });
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'not-found' : 'unreadable', abs, { code });
  }
  if (size > opts.maxBytes) throw new InputError('too-large', abs, { size, max: opts.maxBytes });
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (e) {
    throw new InputError('unreadable', abs, { code: (e as NodeJS.ErrnoException).code });
  }
  noteInput(abs);
  const text = decodeText(buf, abs);
  return { abs, display: displayPath(abs, opts.cwd), text };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(buf: Buffer, file: string): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new InputError('encoding', file, { encoding: 'UTF-16' });
  }
  // NUL bytes do not occur in YAML text; a file with them is binary (or UTF-16 without BOM).
  const probe = buf.subarray(0, Math.min(buf.length, 8192));
  if (probe.includes(0)) throw new InputError('binary', file);
  // Invalid UTF-8 decodes to U+FFFD, so only a text containing one needs the strict check.
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') && !isUtf8(buf)) throw new InputError('encoding', file, { encoding: guessLegacyEncoding(buf) });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function guessLegacyEncoding(buf: Buffer): string {
  try {
    const s = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    // Mostly CJK ideographs when read as GB18030 → that is what it is.
    const cjk = s.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
    if (cjk > 0) return 'GBK/GB18030';
  } catch {
    /* not GB18030 either */
  }
  return 'unknown (not UTF-8)';
}

export function lineStarts(file: SourceFile): Int32Array {
  if (file.lineStarts) return file.lineStarts;
  const text = file.text;
  let starts = lineScratch;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      lineScratch = starts = grown;
    }
    starts[n++] = i + 1;
  }
  return (file.lineStarts = starts.slice(0, n));
}

/** reused by lineStarts() (index 0 is always 0), so each file allocates only its exact-size copy */
let lineScratch = new Int32Array(4096);

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineColumn(file: SourceFile, offset: number): { line: number; column: number } {
  const starts = lineStarts(file);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** line:column of a node (or one of its keys) from the positions the YAML loader recorded. */
export function locate(file: SourceFile, node?: object, key?: string | number, part?: 'key' | 'value', offset?: number) {
  const off = offset ?? file.positions?.offset(node, key, part) ?? 0;
  return lineColumn(file, off);
}
