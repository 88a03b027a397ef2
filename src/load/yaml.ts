import yaml from 'js-yaml';
import { BAIL, parseFast, skipBlank, skipValue } from './fast-yaml.js';
import { fastPathOn } from '../util/switches.js';
import { PositionIndex } from './positions.js';
import type { SourceFile } from './source.js';

export interface ParseLimits {
  /** nodes that alias references (*name) may repeat, summed over the file */
  maxAliases: number;
  /** nesting depth of YAML nodes */
  maxDepth: number;
}

export type YamlErrorReason = 'syntax' | 'duplicate-key' | 'too-deep' | 'too-many-aliases' | 'recursive-alias';

export class YamlSyntaxError extends Error {
  constructor(
    readonly reason: YamlErrorReason,
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

/**
 * Parse YAML fast (js-yaml, core schema: dates stay strings) and capture the
 * position of every mapping key, value and sequence item through js-yaml's
 * event listener, so any later finding can be located without re-parsing.
 *
 * Guards against hostile or broken input, all reported as YamlSyntaxError:
 * - nesting deeper than `maxDepth` (js-yaml's own depth check, so no stack overflow);
 * - alias bombs: every alias counts the size of the node it repeats, so
 *   `b: [*a, *a, …]` chains that expand exponentially stop at the budget;
 * - an alias inside the node it names (`a: &a [*a]`), which would make a cyclic
 *   object that every later stage would walk forever.
 */
export function parseYaml(file: SourceFile, limits: ParseLimits, opts: { fastPath?: boolean } = {}): unknown {
  const text = file.text;
  // Most files are plain block YAML: the fast path reads them with the same values and
  // positions; anything else (and every error) goes through js-yaml below.
  if (opts.fastPath ?? fastPathOn('yaml')) {
    const fastPositions = new PositionIndex();
    const fast = parseFast(text, fastPositions, limits.maxDepth);
    if (fast !== BAIL) {
      file.positions = fastPositions;
      return fast;
    }
  }
  const positions = new PositionIndex();
  /** expanded size (nodes) of every finished collection, for the alias budget */
  const sizes = new WeakMap<object, number>();
  const stack: Frame[] = [{ open: 0, children: [] }];
  let aliasNodes = 0;
  const listener = (type: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (type === 'open') {
      stack.push({ open: state.position, children: [] });
      return;
    }
    let frame = stack.pop()!;
    frame.result = state.result;
    const parent = stack[stack.length - 1]!;
    // js-yaml opens a wrapper and the node itself at the same place: keep one (already counted).
    if (frame.children.length === 1 && frame.children[0]!.result === frame.result) {
      parent.children.push(frame.children[0]!);
      return;
    }
    const r = frame.result;
    const start = skipValue(text, frame.open);
    if (frame.children.length === 0 && text[start] === '*') {
      // an alias (*name): it repeats a node defined earlier
      let size = 1;
      if (r !== null && typeof r === 'object') {
        const known = sizes.get(r);
        // still being built: the alias is inside the node it names
        if (known === undefined) throw new YamlSyntaxError('recursive-alias', start, /^\*[^\s,\]}]*/.exec(text.slice(start, start + 200))![0]);
        size = known;
      }
      aliasNodes += size;
      if (aliasNodes > limits.maxAliases) throw new YamlSyntaxError('too-many-aliases', start, String(limits.maxAliases));
    } else if (r !== null && typeof r === 'object' && !sizes.has(r)) {
      let size = 1;
      for (const c of frame.children) {
        const cr = c.result;
        size += cr !== null && typeof cr === 'object' ? (sizes.get(cr) ?? 1) : 1;
      }
      sizes.set(r, size);
      record(text, positions, frame, r);
    }
    parent.children.push(frame);
  };
  // No '*' in the file → no alias is possible: a lean listener with flat stacks and nothing
  // allocated per scalar; positions are recorded exactly as by `listener`.
  const fast = !text.includes('*');
  const openAt: number[] = [];
  const firstChild: number[] = [];
  // finished children (open position, result) of the nodes being built; `top` is the stack size
  // (never shrink arrays through .length: that is a slow runtime call in V8)
  const chOpen: number[] = [];
  const chRes: unknown[] = [];
  let top = 0;
  const fastListener = (type: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (type === 'open') {
      openAt.push(state.position);
      firstChild.push(top);
      return;
    }
    let open = openAt.pop()!;
    const first = firstChild.pop()!;
    const r = state.result;
    if (top - first === 1 && chRes[first] === r) open = chOpen[first]!; // wrapper: keep the node itself
    else if (r !== null && typeof r === 'object' && !positions.has(r)) recordFlat(text, positions, open, r, chOpen, chRes, first, top);
    top = first;
    chOpen[top] = open;
    chRes[top] = r;
    top++;
  };
  let value: unknown;
  try {
    value = yaml.load(text, {
      schema: yaml.CORE_SCHEMA,
      listener: fast ? fastListener : listener,
      filename: file.display,
      maxDepth: limits.maxDepth,
    } as yaml.LoadOptions);
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw e;
    // the call stack ran out before limits.max_depth was reached (a raised limit)
    if (e instanceof RangeError) throw new YamlSyntaxError('too-deep', skipBlank(text, (fast ? openAt.at(-1) : stack.at(-1)?.open) ?? 0), 'stack');
    const ex = e as { reason?: string; mark?: { position: number } };
    const reason = ex.reason ?? String(e);
    const at = ex.mark?.position ?? 0;
    if (/duplicated mapping key/.test(reason)) throw new YamlSyntaxError('duplicate-key', at, reason);
    if (/nesting exceeded maxDepth/.test(reason)) throw new YamlSyntaxError('too-deep', at, String(limits.maxDepth));
    throw new YamlSyntaxError('syntax', errorOffset(text, reason, at, fast ? [{ open: 0, children: [] }, ...openAt.slice(-1).map((o) => ({ open: o, children: [] }))] : stack), reason);
  }
  file.positions = positions;
  return value;
}

/** What js-yaml refuses as non-printable (its own pattern): controls, C1 codes, lone surrogates. */
export const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * js-yaml points at the end of the file for an unclosed quote; the quote
 * itself (the start of the innermost node being read) is where the fix goes.
 */
function errorOffset(text: string, reason: string, at: number, stack: Frame[]): number {
  if (/non-printable characters/.test(reason)) {
    const m = NON_PRINTABLE.exec(text);
    if (m) return m.index + (m[0].length === 2 && !/[\uD800-\uDBFF]/.test(m[0][0]!) ? 1 : 0);
  }
  if (/within a (double|single) quoted scalar/.test(reason) && stack.length > 1) {
    const start = skipBlank(text, stack.at(-1)!.open);
    if (text[start] === '"' || text[start] === "'") return start;
  }
  return Math.min(at, text.length);
}

/** record() for the lean listener: the node's children are chOpen/chRes[first…end). */
function recordFlat(text: string, positions: PositionIndex, open: number, r: object, chOpen: number[], chRes: unknown[], first: number, end: number): void {
  const start = skipBlank(text, open);
  if (Array.isArray(r)) {
    const items: number[] = [];
    for (let i = first; i < end; i++) items.push(skipBlank(text, chOpen[i]!));
    positions.set(r, { start, items });
    return;
  }
  const keys: string[] = [];
  const keyStarts: number[] = [];
  const valueStarts: number[] = [];
  for (let i = first; i + 1 < end; i += 2) {
    keys.push(String(chRes[i]));
    keyStarts.push(skipBlank(text, chOpen[i]!));
    valueStarts.push(skipValue(text, chOpen[i + 1]!));
  }
  positions.set(r, { start, keys, keyStarts, valueStarts });
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

/** Chinese for the js-yaml messages people actually meet; the English original is kept alongside. */
const REASONS_ZH: [RegExp, string][] = [
  [/^bad indentation of a mapping entry/, '映射项缩进不正确'],
  [/^bad indentation of a sequence entry/, '列表项缩进不正确'],
  [/^tab characters must not be used in indentation/, '缩进中不能使用 Tab 字符（只能用空格）'],
  [/within a double quoted scalar/, '双引号字符串没有闭合'],
  [/within a single quoted scalar/, '单引号字符串没有闭合'],
  [/within a flow collection|missed comma between flow collection entries/, '方括号 [ ] 或花括号 { } 没有闭合，或其中的项之间缺少逗号'],
  [/^end of the stream or a document separator is expected/, '此处不能继续书写（常见原因：冒号后缺少空格、缩进不一致）'],
  [/^expected a single document in the stream/, '文件中只能有一个 YAML 文档（去掉多余的 ---）'],
  [/^unidentified alias/, '引用了未定义的锚点（*名称 之前需有 &名称）'],
  [/^unknown tag/, '不支持的 YAML 标签（!! 或 ! 开头的类型标注）'],
  [/^the stream contains non-printable characters/, '文件含有不可打印的控制字符（可能是从 Word/Excel 粘贴带入的）'],
  [/a multiline key may not be an implicit key|can not read a block mapping entry/, '无法读取映射项（键不能跨行；检查冒号和缩进）'],
  [/^incomplete explicit mapping pair/, '映射项不完整（缺少键或值）'],
  [/^can not read an implicit mapping pair/, '无法读取映射项（检查冒号和缩进）'],
  [/^unexpected end of the stream/, '文件意外结束'],
];

export function reasonZh(detail: string): string {
  for (const [re, zh] of REASONS_ZH) if (re.test(detail)) return `${zh}（${detail}）`;
  return detail;
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
