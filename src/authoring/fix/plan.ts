import { isMap, isScalar, isSeq, parseDocument, parse as parseYamlValue, visit, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { parseStandardNumber, rewriteIsSafe } from '../../numbers/index.js';
import { LEVEL_ALIASES, STATUS_ALIASES } from '../../model/types.js';

/** What a fix does, for the report. */
export type FixKind = 'number' | 'level' | 'status' | 'trim' | 'quote-code' | 'trailing-space';

/** One text replacement: [start, end) of the original text becomes `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  kind: FixKind;
  /** the key the value belongs to (`number`, `replaces`, `level`…); '' for trailing whitespace */
  key: string;
  from: string;
  to: string;
  /** path of the value in the parsed data, to check the result; undefined for whitespace */
  path?: (string | number)[];
}

type Path = (string | number)[];

/** Keys whose values are standard numbers (a string or a list of strings). */
const NUMBER_KEYS = new Set(['number', 'replaces', 'replaced_by', 'references']);
/** Identifier-like keys where leading/trailing blanks are never meaningful. */
const TRIM_KEYS = new Set(['code', 'published', 'effective', 'reviewed', 'services', 'include', 'catalog', 'framework', 'id']);

/**
 * The new number for a messy spelling, or undefined when there is nothing safe to do: unparseable
 * input, placeholders ("DBXX/T XXXX") and numbers carrying an adoption suffix
 * ("GB/T 19001-2016/ISO 9001:2015": the canonical form drops the suffix, which would lose data), joint
 * numbers of group standards, two-digit years and years run into the sequence (see rewriteIsSafe).
 */
export function numberFix(value: string): string | undefined {
  const r = parseStandardNumber(value);
  const n = r.number;
  if (!n || n.adoptedSuffix !== undefined || n.adoptedDegree !== undefined || n.jointNumber !== undefined) return undefined;
  if (!rewriteIsSafe(r)) return undefined;
  return n.canonical !== value ? n.canonical : undefined;
}

export function enumFix(key: 'level' | 'status', value: string): string | undefined {
  const table: Record<string, string> = key === 'level' ? LEVEL_ALIASES : STATUS_ALIASES;
  const v = table[value.trim()] ?? (/^[A-Za-z ]+$/.test(value) ? table[value.trim().toLowerCase()] : undefined);
  return v !== undefined && v !== value ? v : undefined;
}

/** True when `text` written as a plain scalar reads back as exactly `value` (a string). */
function plainIsSafe(text: string, value: string, inFlow: boolean): boolean {
  if (text === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) || /\s$/.test(text)) return false;
  if (/: |\s#|:$/.test(text) || text.includes('\n')) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  try {
    return parseYamlValue(text) === value;
  } catch {
    return false;
  }
}

/** The source text for `value` in the style of the scalar it replaces; undefined for block scalars. */
function render(value: string, node: Scalar, inFlow: boolean): string | undefined {
  switch (node.type) {
    case 'PLAIN':
      return plainIsSafe(value, value, inFlow) ? value : JSON.stringify(value);
    case 'QUOTE_SINGLE':
      return value.includes('\n') ? undefined : `'${value.replace(/'/g, "''")}'`;
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    default:
      return undefined; // block scalars: rare for these keys, not worth the risk
  }
}

interface Walk {
  text: string;
  edits: Edit[];
}

function scalarEdit(w: Walk, node: unknown, key: string, path: Path, inFlow: boolean): void {
  if (!isScalar(node) || !node.range) return;
  if (key === 'code' && typeof node.value === 'number' && node.type === 'PLAIN') {
    // `code: 0101` reads as the number 101: quote what was written, so the leading zero stays.
    const src = w.text.slice(node.range[0], node.range[1]);
    if (/^[0-9][0-9.\-]*$/.test(src)) {
      w.edits.push({ start: node.range[0], end: node.range[1], text: JSON.stringify(src), kind: 'quote-code', key, from: src, to: src, path });
    }
    return;
  }
  if (typeof node.value !== 'string') return;
  const value = node.value;
  let to: string | undefined;
  let kind: FixKind = 'trim';
  if (NUMBER_KEYS.has(key)) {
    to = numberFix(value);
    kind = 'number';
  } else if (key === 'level' || key === 'status') {
    to = enumFix(key, value);
    kind = key;
  }
  if (to === undefined && (TRIM_KEYS.has(key) || NUMBER_KEYS.has(key) || key === 'level' || key === 'status' || key === 'title')) {
    const trimmed = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (trimmed !== value && trimmed !== '') {
      to = trimmed;
      kind = 'trim';
    }
  }
  if (to === undefined) return;
  const text = render(to, node, inFlow);
  if (text === undefined) return;
  const [start, end] = node.range;
  w.edits.push({ start, end, text, kind, key, from: value, to, path });
}

function flowOf(node: unknown, inFlow: boolean): boolean {
  return inFlow || ((isMap(node) || isSeq(node)) && !!(node as { flow?: boolean }).flow);
}

function walkStandard(w: Walk, map: YAMLMap, path: Path, inFlow: boolean): void {
  const flow = flowOf(map, inFlow);
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const v = pair.value;
    if (isSeq(v)) {
      const f = flowOf(v, flow);
      v.items.forEach((item, i) => scalarEdit(w, item, key, [...path, key, i], f));
    } else {
      scalarEdit(w, v, key, [...path, key], flow);
    }
  }
}

/** A system root, an include file's root or a sub-system node: its `standards` and `subsystems`. */
function walkContainer(w: Walk, map: YAMLMap, path: Path, inFlow: boolean): void {
  const flow = flowOf(map, inFlow);
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const v = pair.value;
    if ((key === 'standards' || key === 'subsystems') && isSeq(v)) {
      const f = flowOf(v, flow);
      v.items.forEach((item, i) => {
        if (!isMap(item)) return;
        if (key === 'standards') walkStandard(w, item, [...path, key, i], f);
        else walkContainer(w, item, [...path, key, i], f);
      });
    } else if (TRIM_KEYS.has(key) || key === 'title') {
      scalarEdit(w, v, key, [...path, key], flow);
    }
  }
}

/** Source ranges where trailing blanks are content (literal and folded block scalars). */
function blockScalarRanges(doc: Document): [number, number][] {
  const out: [number, number][] = [];
  visit(doc, {
    Scalar(_k, n) {
      if ((n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && n.range) out.push([n.range[0], n.range[2]]);
    },
  });
  return out;
}

function trailingSpaceEdits(text: string, protect: [number, number][]): Edit[] {
  const edits: Edit[] = [];
  const re = /[ \t]+(?=\r?\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (protect.some(([a, b]) => start < b && end > a)) continue;
    edits.push({ start, end, text: '', kind: 'trailing-space', key: '', from: m[0], to: '' });
  }
  return edits;
}

export interface Plan {
  edits: Edit[];
  /** the parsed document (for checking the result) */
  data?: unknown;
  /** the file is not valid YAML: nothing is changed */
  syntaxError?: string;
}

/** Every safe fix for one system or include file, as text edits sorted by position. */
export function planFixes(text: string): Plan {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return { edits: [], syntaxError: doc.errors[0]!.message };
  const w: Walk = { text, edits: [] };
  if (isMap(doc.contents)) walkContainer(w, doc.contents, [], false);
  const scalarEdits = w.edits;
  const ws = trailingSpaceEdits(text, blockScalarRanges(doc));
  // A trailing-space edit never overlaps a scalar edit (a scalar's range ends before its line's blanks).
  const all = [...scalarEdits, ...ws.filter((e) => !scalarEdits.some((s) => e.start < s.end && e.end > s.start))];
  all.sort((a, b) => a.start - b.start);
  return { edits: all, data: doc.toJS() };
}

export type { Node };
