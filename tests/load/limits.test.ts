import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/load/source.js';
import { decodeText, InputError } from '../../src/load/source.js';
import { parseYaml, YamlSyntaxError } from '../../src/load/yaml.js';

const file = (text: string): SourceFile => ({ abs: '/t/x.yaml', display: 'x.yaml', text });
const reason = (text: string, limits = { maxAliases: 10_000, maxDepth: 200 }) => {
  try {
    parseYaml(file(text), limits);
    return 'ok';
  } catch (e) {
    if (e instanceof YamlSyntaxError) return `${e.reason}@${e.offset}`;
    throw e;
  }
};

/** a: 9 items; each next level repeats the previous 9 times. */
function bomb(levels: number): string {
  let s = 'l0: &l0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i <= levels; i++) s += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  return s;
}

describe('parser limits', () => {
  it('counts each alias by the size of what it repeats', () => {
    // l1 repeats l0 (10 nodes) 9 times: 90 alias nodes
    expect(reason(bomb(1), { maxAliases: 90, maxDepth: 200 })).toBe('ok');
    expect(reason(bomb(1), { maxAliases: 89, maxDepth: 200 })).toMatch(/^too-many-aliases@/);
    expect(reason('a: &a x\nb: [*a, *a, *a]\n', { maxAliases: 3, maxDepth: 200 })).toBe('ok');
    expect(reason('a: &a x\nb: [*a, *a, *a]\n', { maxAliases: 2, maxDepth: 200 })).toMatch(/^too-many-aliases@/);
  });

  it('refuses an exponential alias bomb at the alias that crosses the budget', () => {
    const text = bomb(9);
    const r = reason(text);
    expect(r).toMatch(/^too-many-aliases@\d+$/);
    const off = Number(r.split('@')[1]);
    expect(text.slice(off, off + 3)).toBe('*l3');
  });

  it('refuses an alias inside the node it names (a cycle)', () => {
    expect(reason('a: &a [1, *a]\n')).toBe('recursive-alias@10');
    expect(reason('a: &a { b: *a }\n')).toBe('recursive-alias@11');
  });

  it('limits nesting depth without overflowing the stack', () => {
    expect(reason('a: ' + '['.repeat(50) + ']'.repeat(50) + '\n')).toBe('ok');
    expect(reason('a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n')).toMatch(/^too-deep@/);
    expect(reason('a:\n' + '- '.repeat(20_000) + 'x\n')).toMatch(/^too-deep@/);
    // a limit raised beyond what the parser can recurse still ends in a finding
    expect(reason('a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n', { maxAliases: 10, maxDepth: 10_000_000 })).toMatch(/^too-deep@/);
  });
});

describe('decoding', () => {
  const kind = (bytes: number[] | Buffer) => {
    try {
      decodeText(Buffer.from(bytes), 'x');
      return 'ok';
    } catch (e) {
      return e instanceof InputError ? `${e.kind}:${String(e.detail.encoding ?? '')}` : 'throw';
    }
  };
  it('accepts UTF-8 with or without a BOM, and drops the BOM', () => {
    expect(decodeText(Buffer.from('\ufeffa: 1', 'utf8'), 'x')).toBe('a: 1');
    expect(decodeText(Buffer.from('标题: 1\r\n', 'utf8'), 'x')).toBe('标题: 1\r\n');
  });
  it('names GBK/GB18030, UTF-16 and binary', () => {
    expect(kind(Buffer.concat([Buffer.from('title: '), Buffer.from([0xb1, 0xea, 0xd7, 0xbc])]))).toBe('encoding:GBK/GB18030');
    expect(kind([0xff, 0xfe, 0x61, 0x00])).toBe('encoding:UTF-16');
    expect(kind([0xfe, 0xff, 0x00, 0x61])).toBe('encoding:UTF-16');
    expect(kind([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).toBe('binary:');
    expect(kind([0x61, 0x3a, 0x20, 0xff, 0xfe, 0xfd])).toBe('encoding:unknown (not UTF-8)');
  });
});
