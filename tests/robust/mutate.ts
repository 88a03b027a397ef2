import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { expect } from 'vitest';
import { ROOT } from '../helpers.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

/**
 * Mutations of the bundled sample system, the kind of damage hand-editing on
 * office PCs does: keys deleted or renamed, values of the wrong type, unicode
 * (CJK, full-width punctuation, emoji, controls, lone surrogates) pasted in,
 * files cut short, lines lost or doubled, bytes that are not UTF-8.
 */

export const SAMPLE = path.join(ROOT, 'systems', 'zhanjiang');
export const SAMPLE_FILES = readdirSync(SAMPLE).filter((f) => f.endsWith('.yaml')).sort();
export const ORIGINAL = new Map(SAMPLE_FILES.map((f) => [f, readFileSync(path.join(SAMPLE, f))]));

/** A temporary repository holding a copy of the sample as systems/z. */
export function sampleRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-prop-'));
  cpSync(SAMPLE, path.join(dir, 'systems', 'z'), { recursive: true });
  return dir;
}

/** Text people paste: YAML punctuation, CJK, full-width forms, invisible and control characters. */
const NASTY = [
  ': ', '- ', '-', '#', '&a ', '*a', '*', '!!str ', '"', "'", '|', '>', '{', '}', '[', ']', ',', '?', '%', '@', '`',
  '\t', '\r\n', '\r', '\n', '\n  ', '\n---\n', '\u3000', '\u00a0', '：', '，', '“', '”', '—', '－', '／', '\ufeff',
  '\u200b', '\u0000', '\u0007', '\u000b', '\u001b[31m', '\u0085', '\u2028', '\ud800', '\udc00', '😀', '𠀋', '标准', 'GB/T 1-2020',
  '2018-13-45', '0x1F', '1e400', '-.inf', '.nan', 'null', '~', 'true', 'yes', '<<: *a', '__proto__', 'constructor',
];

const pastedText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
);

/** Values of every type YAML can hold, for type swaps. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), pastedText,
  fc.constantFrom('', ' ', '100', '..', '../x.yaml', '/etc/passwd', 'system.yaml', 'employment.yaml', 'P03-01', 'hrss-basic', 'planned', '现行', 'national'),
  fc.array(pastedText, { maxLength: 3 }),
  fc.dictionary(pastedText, pastedText, { maxKeys: 3 }),
  fc.constant({ code: '999', title: '新子体系', include: 'employment.yaml' }),
  fc.constant([{ number: 'GB/T 1-2020', title: 't', status: 'current' }]),
);

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'deleteKey'; pick: number }
  | { kind: 'swapType'; pick: number; value: unknown }
  | { kind: 'renameKey'; pick: number; name: string };

const at = fc.double({ min: 0, max: 1, noNaN: true });
const pick = fc.nat();

export const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('insert' as const), at, text: pastedText }),
  fc.record({ kind: fc.constant('deleteLine' as const), at }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at }),
  fc.record({ kind: fc.constant('bytes' as const), at, bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }) }),
);

export const structuralMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteKey' as const), pick }),
  fc.record({ kind: fc.constant('swapType' as const), pick, value: anyValue }),
  fc.record({ kind: fc.constant('renameKey' as const), pick, name: pastedText }),
);

/** One edit session: which sample file, and one to three mutations applied in turn. */
export const edit = (mutation: fc.Arbitrary<Mutation>) => fc.record({
  file: fc.constantFrom(...SAMPLE_FILES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

/** Every (container, key) slot of a parsed document, in a stable order. */
function slots(root: unknown): [Record<string | number, unknown>, string | number][] {
  const out: [Record<string | number, unknown>, string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push([v as unknown as Record<number, unknown>, i]); walk(x); });
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) { out.push([v as Record<string, unknown>, k]); walk((v as Record<string, unknown>)[k]); }
  };
  walk(root);
  return out;
}

export function applyMutation(buf: Buffer, m: Mutation): Buffer {
  const pos = (f: number, n: number) => Math.min(n, Math.floor(f * (n + 1)));
  switch (m.kind) {
    case 'truncate':
      return buf.subarray(0, pos(m.at, buf.length));
    case 'bytes': {
      const i = pos(m.at, buf.length);
      return Buffer.concat([buf.subarray(0, i), Buffer.from(m.bytes), buf.subarray(i)]);
    }
    case 'insert': {
      const text = buf.toString('utf8');
      const i = pos(m.at, text.length);
      return Buffer.from(text.slice(0, i) + m.text + text.slice(i), 'utf8');
    }
    case 'deleteLine':
    case 'duplicateLine': {
      const lines = buf.toString('utf8').split('\n');
      const i = pos(m.at, lines.length - 1);
      if (m.kind === 'deleteLine') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]!);
      return Buffer.from(lines.join('\n'), 'utf8');
    }
    default: {
      // structural: only on text that still parses (an earlier mutation may have broken it)
      let doc: unknown;
      try {
        doc = yaml.load(buf.toString('utf8'), { schema: yaml.CORE_SCHEMA });
      } catch {
        return buf;
      }
      const all = slots(doc);
      if (all.length === 0) return buf;
      const [container, key] = all[m.pick % all.length]!;
      if (m.kind === 'deleteKey') {
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete container[key];
      } else if (m.kind === 'swapType') {
        container[key] = m.value;
      } else if (!Array.isArray(container)) {
        const v = container[key];
        delete container[key];
        container[m.name] = v;
      }
      try {
        return Buffer.from(yaml.dump(doc, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true }), 'utf8');
      } catch {
        return buf; // a value js-yaml cannot write back (a lone surrogate key …): keep the file as it was
      }
    }
  }
}

/** Write the sample into `dir` with one file edited; returns the edited bytes. */
export function writeEdited(dir: string, e: { file: string; mutations: Mutation[] }): Buffer {
  let buf = ORIGINAL.get(e.file)!;
  for (const m of e.mutations) buf = applyMutation(buf, m);
  for (const [f, orig] of ORIGINAL) {
    // write only what differs from the file on disk: rewriting the eight files on every run cost a
    // quarter of each property test's time
    const file = path.join(dir, 'systems', 'z', f);
    const want = f === e.file ? buf : orig;
    if (ON_DISK.get(file)?.equals(want)) continue;
    writeFileSync(file, want);
    ON_DISK.set(file, want);
  }
  return buf;
}

/** What writeEdited last wrote to each file (none yet: a fresh sampleRepo holds the originals, and is written over once). */
const ON_DISK = new Map<string, Buffer>();

/** What every diagnostic must have, whatever the input: a rule, a severity, a file, a line and a column ≥ 1, words in both languages. */
export function expectWellFormed(ds: Diagnostic[]): void {
  // plain checks, not expect(): this runs on every diagnostic of a thousand random cases, where
  // vitest's expect() was a third of the property tests' time; a failure still names the diagnostic
  const check = (ok: boolean, what: string, d: unknown) => {
    if (!ok) throw new Error(`malformed diagnostic (${what}): ${JSON.stringify(d)}`);
  };
  for (const d of ds) {
    check(typeof d.rule === 'string' && d.rule.length > 0, 'rule', d);
    check(d.severity === 'error' || d.severity === 'warning' || d.severity === 'info', 'severity', d);
    check(typeof d.file === 'string' && d.file.length > 0, 'file', d);
    check(Number.isInteger(d.line) && d.line >= 1, 'line', d);
    check(Number.isInteger(d.column) && d.column >= 1, 'column', d);
    check(typeof d.message.zh === 'string' && d.message.zh.length > 0 && typeof d.message.en === 'string' && d.message.en.length > 0, 'message in both languages', d);
    for (const r of d.related ?? []) check(typeof r.file === 'string' && r.file.length > 0 && r.line >= 1 && r.column >= 1, 'related place', d);
  }
}

/** fast-check settings: HRSS_FC_SEED replays a failure; HRSS_FC_RUNS explores longer. */
export function fcParams(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.HRSS_FC_SEED ? Number(process.env.HRSS_FC_SEED) : undefined;
  const runs = process.env.HRSS_FC_RUNS ? Number(process.env.HRSS_FC_RUNS) : numRuns;
  return { numRuns: runs, ...(seed !== undefined ? { seed } : {}), endOnFailure: false };
}
