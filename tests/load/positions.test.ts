import { describe, expect, it } from 'vitest';
import { locate } from '../../src/load/positions.js';
import { decodeText, lineColumn, type SourceFile } from '../../src/load/source.js';
import { parseYaml, YamlSyntaxError } from '../../src/load/yaml.js';
import { syntaxFinding } from '../../src/diagnostics/load-findings.js';

const LIMITS = { maxAliases: 10_000, maxDepth: 200 };

function parse(text: string) {
  const file: SourceFile = { abs: '/t/x.yaml', display: 'x.yaml', text };
  const value = parseYaml(file, LIMITS) as any;
  /** line:column of the value (or with part 'key', of the key) at a path of keys/indexes */
  const at = (path: (string | number)[], part: 'key' | 'value' = 'value') => {
    let parent: any;
    let node: any = value;
    for (const p of path) { parent = node; node = node[p]; }
    const { line, column } = locate(file, parent, path.at(-1), part);
    return `${line}:${column}`;
  };
  return { value, at, file };
}

function syntaxError(text: string) {
  const file: SourceFile = { abs: '/t/x.yaml', display: 'x.yaml', text };
  try {
    parseYaml(file, LIMITS);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    const f = syntaxFinding(e, file).finding;
    const pos = lineColumn(file, f.at.offset!);
    return { e, f, at: `${pos.line}:${pos.column}`, related: f.related?.map((r) => { const p = lineColumn(file, r.at.offset!); return `${p.line}:${p.column}`; }) };
  }
  throw new Error('expected a syntax error');
}

describe('loader positions', () => {
  it('flow mappings and sequences: every key, value and item', () => {
    const { at } = parse('a: 1\nb: { c: x, d: [1, 2, {e: 5}] }\n');
    expect(at(['b', 'c'], 'key')).toBe('2:6');
    expect(at(['b', 'c'])).toBe('2:9');
    expect(at(['b', 'd'])).toBe('2:15');
    expect(at(['b', 'd', 1])).toBe('2:19');
    expect(at(['b', 'd', 2, 'e'])).toBe('2:26');
  });

  it('block scalars: the value starts at the indicator, the next key is unaffected', () => {
    const { at, value } = parse('a: |\n  text\n  more\nb: >-\n  folded\nc: 3\n');
    expect(value.a).toBe('text\nmore\n');
    expect(at(['a'])).toBe('1:4');
    expect(at(['b'])).toBe('4:4');
    expect(at(['c'], 'key')).toBe('6:1');
    expect(at(['c'])).toBe('6:4');
  });

  it('comments between a key and its value are skipped', () => {
    const { at } = parse('a:   # 说明\n  # 另一行注释\n  value\nb:\n  # 注释\n  k: v\n');
    expect(at(['a'])).toBe('3:3');
    expect(at(['b', 'k'], 'key')).toBe('6:3');
  });

  it('CRLF files: columns do not count the carriage return', () => {
    const { at } = parse('a: 1\r\nb:\r\n  c: 2\r\n  d: 标准\r\n');
    expect(at(['b', 'd'], 'key')).toBe('4:3');
    expect(at(['b', 'd'])).toBe('4:6');
  });

  it('a BOM is dropped: the first key is at line 1 column 1', () => {
    const text = decodeText(Buffer.from('\ufeffid: x\ntitle: 标题\n', 'utf8'), 'x.yaml');
    const { at } = parse(text);
    expect(at(['id'], 'key')).toBe('1:1');
    expect(at(['title'])).toBe('2:8');
  });

  it('columns count UTF-16 code units, as editors and SARIF do', () => {
    const { at } = parse('a: 𠀋标准\nb: { x: 😀, y: 1 }\n');
    expect(at(['b', 'y'], 'key')).toBe('2:13');
  });

  it('sequence items, explicit keys, quoted keys and anchored values', () => {
    const { at } = parse('l:\n  - a\n  -   b\n  - { x: 1 }\n? q\n: 1\n"a b": 1\nbase: &b { x: 1 }\nother: *b\n');
    expect(at(['l', 1])).toBe('3:7');
    expect(at(['l', 2])).toBe('4:5');
    expect(at(['q'])).toBe('6:3');
    expect(at(['a b'], 'key')).toBe('7:1');
    expect(at(['other'])).toBe('9:8');
  });

  it('duplicate keys point at the second key and name the first', () => {
    const top = syntaxError('a: 1\nb: 2\na: 3\n');
    expect([top.at, top.related]).toEqual(['3:1', ['1:1']]);
    expect(top.f.message.zh).toContain('“a”');
    const nested = syntaxError('- c: 1\n  d: 2\n- c: 3\n  d: 4\n  c: 5\n');
    expect([nested.at, nested.related]).toEqual(['5:3', ['3:3']]);
    const flow = syntaxError('x: {a: 1, b: 2, a: 3}\n');
    expect(flow.at).toBe('1:17');
    const crlf = syntaxError('title: 1\r\nid: 2\r\ntitle: 3\r\n');
    expect([crlf.at, crlf.related]).toEqual(['3:1', ['1:1']]);
    const quoted = syntaxError('"a b": 1\n"a b": 2\n');
    expect(quoted.f.message.en).toBe('duplicate key "a b" in a mapping');
  });

  it('syntax errors are located where the fix goes', () => {
    expect(syntaxError('a: 1\nb: "unclosed\n').at).toBe('2:4');
    expect(syntaxError("a: 1\nb: 'unclosed\n").at).toBe('2:4');
    expect(syntaxError('a:\n\tb: 1\n').at).toBe('2:1');
    expect(syntaxError('a:\n  b: 1\n c: 2\n').at).toBe('3:2');
    const colon = syntaxError('id: x\ntitle：湛江\nowner: y\n');
    expect(colon.at).toBe('2:6');
    expect(colon.f.message.zh).toContain('全角冒号');
    const ctrl = syntaxError('a: 湛江\u0007市\n');
    expect(ctrl.at).toBe('1:6');
    expect(ctrl.f.message.en).toContain('U+0007');
  });

  it('js-yaml messages come with a Chinese explanation', () => {
    expect(syntaxError('a:\n  b: 1\n c: 2\n').f.message.zh).toMatch(/^YAML 语法错误：映射项缩进不正确（bad indentation/);
    expect(syntaxError('a: [1, 2\nb: 3\n').f.message.zh).toContain('方括号');
    expect(syntaxError('a: 1\n---\nb: 2\n').f.message.zh).toContain('只能有一个 YAML 文档');
  });
});
