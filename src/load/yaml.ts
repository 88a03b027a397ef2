import yaml from 'js-yaml';
import { PositionIndex } from './positions.js';
import type { SourceFile } from './source.js';

export interface ParseLimits {
  maxAliases: number;
  maxDepth: number;
}

export class YamlSyntaxError extends Error {
  constructor(
    readonly reason: 'syntax' | 'duplicate-key' | 'too-deep' | 'too-many-aliases',
    readonly offset: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

interface Frame {
  open: number;
  children: Frame[];
  result?: unknown;
}

const WS = new Set([' ', '\t', '\r', '\n']);

/** The offset where a node's text really begins: js-yaml reports the position before blanks and comments. */
function skipBlank(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (WS.has(c)) i++;
    else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
    } else break;
  }
  return i;
}

/**
 * Parse YAML fast (js-yaml, core schema: dates stay strings) and capture the
 * position of every mapping key, value and sequence item through js-yaml's
 * event listener, so any later finding can be located without re-parsing.
 */
export function parseYaml(file: SourceFile, limits: ParseLimits): unknown {
  const text = file.text;
  const positions = new PositionIndex();
  const stack: Frame[] = [{ open: 0, children: [] }];
  let aliases = 0;
  const listener = (type: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (type === 'open') {
      if (stack.length > limits.maxDepth) {
        throw new YamlSyntaxError('too-deep', state.position, String(limits.maxDepth));
      }
      stack.push({ open: state.position, children: [] });
      return;
    }
    let frame = stack.pop()!;
    frame.result = state.result;
    // js-yaml opens a wrapper and the node itself at the same place: keep one.
    if (frame.children.length === 1 && frame.children[0]!.result === frame.result) frame = frame.children[0]!;
    const r = frame.result;
    if (r !== null && typeof r === 'object') {
      if (positions.has(r)) {
        // the object was seen before: this is an alias (*name) to it
        if (++aliases > limits.maxAliases) {
          throw new YamlSyntaxError('too-many-aliases', frame.open, String(limits.maxAliases));
        }
      } else {
        record(text, positions, frame, r);
      }
    }
    stack[stack.length - 1]!.children.push(frame);
  };
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, listener, filename: file.display } as yaml.LoadOptions);
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw e;
    if (e instanceof RangeError) throw new YamlSyntaxError('too-deep', 0, String(limits.maxDepth));
    const ex = e as { reason?: string; mark?: { position: number } };
    const reason = ex.reason ?? String(e);
    throw new YamlSyntaxError(
      /duplicated mapping key/.test(reason) ? 'duplicate-key' : 'syntax',
      ex.mark?.position ?? 0,
      reason,
    );
  }
  file.positions = positions;
  return value;
}

function record(text: string, positions: PositionIndex, frame: Frame, r: object): void {
  const start = skipBlank(text, frame.open);
  if (Array.isArray(r)) {
    positions.set(r, { start, items: frame.children.map((c) => skipBlank(text, c.open)) });
    return;
  }
  const keys: string[] = [];
  const keyStarts: number[] = [];
  const valueStarts: number[] = [];
  const ch = frame.children;
  for (let i = 0; i + 1 < ch.length; i += 2) {
    keys.push(String(ch[i]!.result));
    keyStarts.push(skipBlank(text, ch[i]!.open));
    valueStarts.push(skipValue(text, ch[i + 1]!.open));
  }
  positions.set(r, { start, keys, keyStarts, valueStarts });
}

/** A value's open position is just after the key: skip the ':' separator too. */
function skipValue(text: string, i: number): number {
  i = skipBlank(text, i);
  if (text[i] === ':' && (i + 1 >= text.length || WS.has(text[i + 1]!))) i = skipBlank(text, i + 1);
  return i;
}

const SUPPRESS = /#\s*hrss-std-disable-next-line\s+([A-Za-z0-9_,\s-]*?)(?:\s+--\s*(.*?))?\s*$/;

/** Collect `# hrss-std-disable-next-line <rule>[, <rule>] -- <reason>` comments (cheap: most files have none). */
export function scanSuppressions(file: SourceFile): void {
  if (!file.text.includes('hrss-std-disable')) return;
  const lines = file.text.split('\n');
  const map = new Map<number, { rules: string[]; reason: string; line: number }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('hrss-std-disable-next-line')) continue;
    const m = SUPPRESS.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const rules = m[1]!.split(/[\s,]+/).filter(Boolean);
    // the comment suppresses the next non-comment line
    let target = i + 1;
    while (target < lines.length && /^\s*(#.*)?\r?$/.test(lines[target]!)) target++;
    map.set(target + 1, { rules, reason: (m[2] ?? '').trim(), line: i + 1 });
  }
  file.suppressions = map;
}
