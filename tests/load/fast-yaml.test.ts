import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { BAIL, coreImplicitTypes, parseFast } from '../../src/load/fast-yaml.js';
import { PositionIndex } from '../../src/load/positions.js';
import type { SourceFile } from '../../src/load/source.js';
import { parseYaml } from '../../src/load/yaml.js';
import { ROOT } from '../helpers.js';

// The fast path must be invisible: for every text it accepts, the value and every recorded
// position equal what js-yaml (with the position listener) gives; whatever js-yaml refuses,
// the fast path must hand over (BAIL) rather than accept.

const LIMITS = { maxAliases: 10_000, maxDepth: 1000 };

type Slow = { ok: true; value: unknown; positions: PositionIndex } | { ok: false; error: unknown };

function slow(text: string): Slow {
  const file: SourceFile = { abs: '/t/x.yaml', display: 'x.yaml', text };
  try {
    const value = parseYaml(file, LIMITS, { fastPath: false });
    return { ok: true, value, positions: file.positions! };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Walk both trees together and compare the positions of every mapping and sequence. */
function samePositions(a: unknown, pa: PositionIndex, b: unknown, pb: PositionIndex, where = '$'): void {
  if (a === null || typeof a !== 'object') return;
  expect(pa.get(a), `positions at ${where}`).toEqual(pb.get(b as object));
  if (Array.isArray(a)) a.forEach((x, i) => samePositions(x, pa, (b as unknown[])[i], pb, `${where}[${i}]`));
  else for (const k of Object.keys(a)) samePositions((a as Record<string, unknown>)[k], pa, (b as Record<string, unknown>)[k], pb, `${where}.${k}`);
}

/**
 * Returns whether the fast path took the text (and checked it equals js-yaml). The same text with
 * CRLF line ends must be taken alike and agree with js-yaml too (positions in the CRLF text).
 */
function check(text: string): boolean {
  const taken = checkOne(text);
  if (!text.includes('\r')) expect(checkOne(text.replaceAll('\n', '\r\n')), `CRLF variant of:\n${text}`).toBe(taken);
  return taken;
}

function checkOne(text: string): boolean {
  const positions = new PositionIndex();
  const fast = parseFast(text, positions, LIMITS.maxDepth);
  if (fast === BAIL) return false;
  const s = slow(text);
  if (!s.ok) throw new Error(`fast path accepted a text js-yaml refuses (${String((s.error as Error).message)}):\n${text}`);
  expect(fast, text).toStrictEqual(s.value);
  samePositions(fast, positions, s.value, s.positions);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe('fast YAML path', () => {
  it('reads the bundled systems, templates and data exactly as js-yaml does', () => {
    const files = ['systems', 'templates', 'data'].flatMap((d) => yamlFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(5);
    const taken = files.filter((f) => check(readFileSync(f, 'utf8').replace(/^\uFEFF/, '')));
    // the sample system itself must be on the fast path, or the test proves nothing
    expect(taken.map((f) => path.relative(ROOT, f))).toEqual(expect.arrayContaining(['systems/zhanjiang/system.yaml', 'systems/zhanjiang/employment.yaml']));
  });

  it('agrees with js-yaml on every fixture, including the broken ones', () => {
    const files = yamlFiles(path.join(ROOT, 'tests/fixtures'));
    expect(files.length).toBeGreaterThan(20);
    let taken = 0;
    for (const f of files) {
      const buf = readFileSync(f);
      if (buf.length > 2_000_000) continue;
      if (check(buf.toString('utf8').replace(/^\uFEFF/, ''))) taken++;
    }
    expect(taken).toBeGreaterThan(10);
  });

  it('finds js-yaml\'s core-schema scalar types through its public `types` export (else the fast path is off)', () => {
    const types = coreImplicitTypes();
    expect(types, 'js-yaml no longer exports types.null/bool/int/float (index.js `types`): the fast path of src/load/fast-yaml.ts is off and every file goes to js-yaml; resolve plain scalars another way').toBeDefined();
    expect(types!.map((t) => t.tag)).toEqual(['tag:yaml.org,2002:null', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);
    // they resolve what CORE_SCHEMA resolves, in its order (a scalar two types accept goes to the first)
    const resolve = (s: string) => {
      for (const t of types!) if (t.resolve!(s)) return t.construct!(s);
      return s;
    };
    for (const s of ['~', 'null', 'Null', 'NULL', 'nul', 'true', 'False', 'TRUE', 'tRUE', 'yes', '0', '-0', '+12', '012', '0o17', '0x1F', '0b101', '1_000', '.5', '-1.5e3', '1e3', '.inf', '-.Inf', '.NaN', '2020-01-01', '1.2.3', '0.', '+.5', '-x', '.', '1:2']) {
      expect(resolve(s), s).toEqual((yaml.load(`v: ${s}`, { schema: yaml.CORE_SCHEMA }) as { v: unknown }).v);
    }
  });

  it('takes every file of a generated benchmark repository', async () => {
    const { generateRepo } = (await import(path.join(ROOT, 'bench/generate.js'))) as { generateRepo: (o: Record<string, unknown>) => { systemFiles: string[]; includeFiles: string[] } };
    const out = mkdtempSync(path.join(tmpdir(), 'hrss-fast-'));
    const m = generateRepo({ systems: 2, standards: 120, includes: 3, seed: 11, faultRate: 0.1, out });
    for (const f of [...m.systemFiles, ...m.includeFiles]) expect(check(readFileSync(path.join(out, f), 'utf8')), f).toBe(true);
  });

  it.each([
    ['plain values resolve like the core schema', 'a: 1\nb: 0x1F\nc: 1_000\nd: .5\ne: -1.5e3\nf: true\ng: False\nh: ~\ni: null\nj: .inf\nk: 0o17\nl: 2020-01-01\nm: +12\nn: .NaN\no: 012\n'],
    ['keys resolve and become strings', '1: a\ntrue: b\nnull: c\n1.50: d\n'],
    ['quoted scalars stay strings', 'a: "1"\nb: \'true\'\nc: "it\'s"\nd: \'it\'\'s\'\ne: ""\nf: \'\'\n'],
    ['comments and blank lines anywhere', '# head\n\na: 1 # c\n  # indented comment\nb:   # c\n  c: 2\n\n# tail\n'],
    ['null values, also at the end', 'a:\nb:\n  # only a comment\nc: x\nd:'],
    ['sequences at the key indent and deeper', 'a:\n- 1\n- 2\nb:\n  - x: 1\n    y: [p, "q", 3]\n  -\n  - z\n  -   w: 1\n      v: 2\nc: []\n'],
    ['nested sequences of mappings', 'subsystems:\n  - code: "1"\n    standards:\n      - code: "1-1"\n        services: [P01, P02]\n      - code: "1-2"\n    children:\n      - code: x\n'],
    ['plain scalars with inner punctuation', 'a: 档案查(借)阅\nb: C#\nc: a:b\nd: http://x.y/z\ne: a, b\nf: x [y] {z}\ng: 100%\nh: a - b\n'],
    ['a root sequence', '- a\n- b: 1\n  c: 2\n'],
    ['CRLF line ends, also mixed with LF', 'a: 1\r\nb:\r\n  - x # c\r\n  - [p, "q"]\n\r\nc: "z"\r\nd:'],
    ['one-line flow collections, nested', 'region: { name: 湛江市, code: "440800" }\nx: [a, [1, 2], {b: c, "d": [e]}]\ny: {}\nz: { a: -1, b: ":x" }\n'],
  ])('%s', (_name, text) => {
    expect(check(text)).toBe(true);
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['block scalars', 'a: |\n  x\n'],
    ['multi-line plain scalars', 'a: x\n  y\n'],
    ['multi-line quoted scalars', 'a: "x\n  y"\n'],
    ['escapes', 'a: "x\\ty"\n'],
    ['multi-line flow sequences', 'a: [1,\n  2]\n'],
    ['tabs', 'a:\t1\n'],
    ['a CR that ends no line', 'a: 1\rb: 2\n'],
    ['a CR inside a line', 'a: x\ry\r\n'],
    ['document markers', '---\na: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a colon in a value', 'a: b: c\n'],
    ['merge keys', 'a:\n  <<: {}\n'],
    ['an empty document', '# nothing\n'],
    ['a root scalar', 'hello\n'],
    ['non-printable characters', 'a: \u0007\n'],
    ['trailing comma', 'a: [1, ]\n'],
    ['flow keys without a value', 'a: {b}\n'],
    ['a flow colon without a blank', 'a: {b:1}\n'],
    ['explicit keys', '? a\n: b\n'],
  ])('hands %s to js-yaml', (_name, text) => {
    expect(parseFast(text, new PositionIndex(), LIMITS.maxDepth)).toBe(BAIL);
  });

  it('never accepts what js-yaml refuses, and agrees whenever it accepts (random documents)', () => {
    const keys = fc.constantFrom('a', 'b', 'code', 'title', '1', 'true', 'null', '"q"', "'s'", 'x y', 'k:v', '-k', '__proto__', '<<', 'a#b', 'a #b', '[k]');
    const scalars = fc.constantFrom(
      '1', '0x1F', '1_000', '.5', '-', '~', 'null', 'true', 'no', '2020-01-01', 'a b', 'a #c', 'a#c', 'a: b', 'a:', ':a', '"x"', "'y''z'", '"a\\"b"', '""', "'", '"',
      '[a, b]', '[]', '[a,]', '[ 1 , "2" ]', '[a: b]', '{a: 1}', '{ a: [1, 2], "b": {c: d} }', '{}', '{a}', '{a:1}', '{a: }', '{a: 1, a: 2}', '[-1, -, ?x, :y]', '[[], [a]]', '{ a: b #c }', '[a]]', '-1', '?x', '&x v', '*x', '!t v', '|', '>', '%x', '@x', '`x', '中文（合成）', 'a  ', '#', 'x ]', '- a',
    );
    const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '      ');
    const line = fc.oneof(
      fc.tuple(indent, keys, fc.constantFrom(': ', ':', ' : ', ':  '), scalars).map(([i, k, c, v]) => `${i}${k}${c}${v}`),
      fc.tuple(indent, keys).map(([i, k]) => `${i}${k}:`),
      fc.tuple(indent, scalars).map(([i, v]) => `${i}- ${v}`),
      fc.tuple(indent, keys, scalars).map(([i, k, v]) => `${i}- ${k}: ${v}`),
      fc.tuple(indent).map(([i]) => `${i}-`),
      fc.constantFrom('', '# c', '  # c', '---', '\t', 'x\r'),
    );
    const doc = fc.array(line, { minLength: 1, maxLength: 12 }).map((ls) => ls.join('\n') + '\n');
    let taken = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (check(text)) taken++;
      }),
      { numRuns: 3000, seed: 20261121 },
    );
    // random documents are mostly invalid; still, a fair share must go the fast way
    expect(taken).toBeGreaterThan(100);
  });

  it('agrees with js-yaml on random well-formed documents in every block style', () => {
    type Tree = string | Tree[] | { [k: string]: Tree };
    const scalar = fc.constantFrom('a', 'x y', '1', '-2.5', 'true', '~', '', '中文', "it's", 'a#b', 'P01-02', '2020-01-01', '0x1F', '"q"', '[a]', 'C #');
    const key = fc.constantFrom('a', 'b', 'code', 'title', '1', 'null', 'x y', 'services');
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar,
        fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { minKeys: 1, maxKeys: 4 }),
      ),
    }));
    const style = fc.record({ step: fc.integer({ min: 1, max: 4 }), seqAtKey: fc.boolean(), flowLeaves: fc.boolean(), comments: fc.boolean(), quote: fc.constantFrom('plain', 'double', 'single') });
    type Style = { step: number; seqAtKey: boolean; flowLeaves: boolean; comments: boolean; quote: string };
    const q = (v: string, st: Style) => {
      if (v === '' || /^[-?:,[\]{}#&*!|>'"%@`]|: |\s#|^\s|\s$/.test(v) || st.quote === 'double') return JSON.stringify(v).includes('\\') ? `'${v.replaceAll("'", "''")}'` : JSON.stringify(v);
      return st.quote === 'single' ? `'${v.replaceAll("'", "''")}'` : v;
    };
    const leaf = (x: Tree) => typeof x === 'string';
    const render = (x: Tree, ind: number, st: Style): string[] => {
      const pad = ' '.repeat(ind);
      if (Array.isArray(x)) {
        const out: string[] = [];
        for (const item of x) {
          if (typeof item === 'string') out.push(`${pad}- ${q(item, st)}`);
          else if (st.flowLeaves && Array.isArray(item) && item.every(leaf)) out.push(`${pad}- [${item.map((v) => q(v as string, st)).join(', ')}]`);
          else if (!Array.isArray(item)) {
            const inner = render(item, ind + 2, st);
            out.push(`${pad}- ${inner[0]!.slice(ind + 2)}`, ...inner.slice(1));
          } else out.push(`${pad}-`, ...render(item, ind + st.step, st));
          if (st.comments) out.push(`${pad}# note`);
        }
        return out;
      }
      if (typeof x === 'string') return [pad + q(x, st)];
      const out: string[] = [];
      for (const [k, v] of Object.entries(x)) {
        if (typeof v === 'string') out.push(`${pad}${k}: ${q(v, st)}${st.comments ? ' # c' : ''}`);
        else if (st.flowLeaves && Array.isArray(v) && v.every(leaf)) out.push(`${pad}${k}: [${v.map((i) => q(i as string, st)).join(', ')}]`);
        else out.push(`${pad}${k}:`, ...render(v, Array.isArray(v) && st.seqAtKey ? ind : ind + st.step, st));
        if (st.comments) out.push('', `${pad}# comment`);
      }
      return out;
    };
    let taken = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), style, (t, st) => {
        if (check(render(t, 0, st).join('\n') + '\n')) taken++;
      }),
      { numRuns: 2000, seed: 1121 },
    );
    expect(taken).toBeGreaterThan(1500);
  });
});
