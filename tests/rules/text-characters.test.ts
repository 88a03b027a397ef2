import { describe, expect, it } from 'vitest';
import { lines, lineOf, lint, of, pos, rows } from './lint.js';

describe('text-characters', () => {
  it('reports each value whose escape makes a character the exports cannot hold, at the value, with the field and code point', () => {
    const src = rows(
      ['code: "101-01"', 'title: "公共就业服务\\uFFFE术语"', 'level: local', 'status: planned'],
      ['code: "101-02"', 'title: 失业登记', 'level: local', 'status: planned', 'services: [P01-1, "P01\\x002"]'],
      ['code: "101-03"', 'title: "版本\\x85说明"', 'level: local', 'status: planned'],
      ['code: "101-04"', 'title: "孤立代理项\\uD800"', 'level: local', 'status: planned'],
    );
    const ds = of(lint(src), 'text-characters');
    expect(ds.map((d) => `${pos(d)} ${d.message.zh}`)).toEqual([
      `${lineOf(src, 'uFFFE')}:20 title 中有导出文件无法保存的字符 U+FFFE`,
      `${lineOf(src, 'x002')}:31 services 中有导出文件无法保存的字符 U+0000`,
      `${lineOf(src, 'x85')}:20 title 中有导出文件无法保存的字符 U+0085`,
      `${lineOf(src, 'uD800')}:20 title 中有导出文件无法保存的字符 U+D800`,
    ]);
    expect(ds[0]!.severity).toBe('error');
    // what the export does with it: U+FFFD for what XML cannot hold; C1 controls are kept but not shown
    expect(ds[0]!.hint!.en).toBe('delete the escape (usually pasted in); with --force the export writes "�" for it');
    expect(ds[2]!.hint!.en).toBe('delete the escape (usually pasted in); Excel and Word do not show this character');
  });

  it('leaves tabs, line breaks and ordinary escapes alone, and reports the system and sub-system fields too', () => {
    const src = lines(
      'id: t',
      'title: "测试\\e体系"',
      'document:',
      '  process: "第一段\\n第二段\\t（制表）\\u4E2D"',
      'subsystems:',
      '  - code: "100"',
      '    title: "基础\\a通用"',
      '    standards:',
      '      - { code: "100-01", title: "规范\\"引号\\"", level: local, status: planned }',
    );
    const ds = of(lint(src), 'text-characters');
    expect(ds.map((d) => `${pos(d)} ${d.message.en}`)).toEqual([
      '2:8 title holds U+001B, which the exported files cannot hold',
      '7:12 title holds U+0007, which the exported files cannot hold',
    ]);
  });

  it('a raw NEL (which js-yaml accepts unescaped) is found in a file without any backslash', () => {
    const src = rows(['code: "101-01"', 'title: 版本\u0085说明', 'level: local', 'status: planned']);
    expect(src.includes('\\')).toBe(false);
    expect(of(lint(src), 'text-characters').map((d) => d.message.zh)).toEqual(['title 中有导出文件无法保存的字符 U+0085']);
  });
});
