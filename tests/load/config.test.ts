import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from '../../src/config/config.js';
import { toDiagnostic } from '../../src/diagnostics/resolve.js';
import { tempTree } from '../helpers.js';

const located = (e: unknown) => {
  expect(e).toBeInstanceOf(ConfigError);
  return (e as ConfigError).findings.map((f) => {
    const d = toDiagnostic('config', 'error', f);
    return `${d.file}:${d.line}:${d.column} ${d.message.zh}`;
  });
};
const fails = (files: Record<string, string | Buffer>) => {
  try {
    loadConfig(tempTree(files));
  } catch (e) {
    return located(e);
  }
  throw new Error('expected a ConfigError');
};

describe('.hrss-std.yaml', () => {
  it('export.fonts: the Word fonts, each optional; an unknown key or an empty name is refused with its place', () => {
    const cfg = loadConfig(tempTree({ '.hrss-std.yaml': 'export:\n  fonts:\n    body: 仿宋\n    heading: 方正小标宋简体\n' }));
    expect(cfg.export.fonts).toEqual({ body: '仿宋', heading: '方正小标宋简体' });
    expect(fails({ '.hrss-std.yaml': 'export:\n  fonts:\n    titel: 黑体\n' })[0]).toMatch(/^\.hrss-std\.yaml:3:/);
    expect(fails({ '.hrss-std.yaml': 'export:\n  fonts:\n    body: ""\n' })[0]).toMatch(/^\.hrss-std\.yaml:3:/);
  });

  it('defaults: documented limits', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 10 * 1024 * 1024, maxAliases: 10_000, maxDepth: 200, maxFiles: 1000 });
    expect(loadConfig(tempTree({ 'x.txt': '' })).limits).toEqual(DEFAULT_LIMITS);
  });

  it('limits.* override the defaults one by one', () => {
    const dir = tempTree({ '.hrss-std.yaml': 'limits:\n  max_file_bytes: 1000\n  max_depth: 50\n' });
    expect(loadConfig(dir).limits).toEqual({ ...DEFAULT_LIMITS, maxFileBytes: 1000, maxDepth: 50 });
    const all = tempTree({ '.hrss-std.yaml': 'limits: { max_file_bytes: 1, max_aliases: 0, max_depth: 1, max_files: 1 }\n' });
    expect(loadConfig(all).limits).toEqual({ maxFileBytes: 1, maxAliases: 0, maxDepth: 1, maxFiles: 1 });
  });

  it('is found from a sub-folder, and an empty file means all defaults', () => {
    const dir = tempTree({ '.hrss-std.yaml': '', 'systems/x/keep': '' });
    const cfg = loadConfig(path.join(dir, 'systems/x'));
    expect(cfg.file).toBe(path.join(dir, '.hrss-std.yaml'));
    expect(cfg.limits).toEqual(DEFAULT_LIMITS);
  });

  it('reports every kind of breakage with file:line:column', () => {
    expect(fails({ '.hrss-std.yaml': 'limits:\n  max_file_bytes: 十兆\n' })).toEqual(['.hrss-std.yaml:2:19 limits.max_file_bytes 应为整数，实际为字符串']);
    expect(fails({ '.hrss-std.yaml': 'limits:\n  max_depth: 0\n' })[0]).toMatch(/^\.hrss-std\.yaml:2:14 /);
    expect(fails({ '.hrss-std.yaml': 'limits:\n  max_nesting: 5\n' })[0]).toMatch(/^\.hrss-std\.yaml:2:3 未知字段 “max_nesting”/);
    expect(fails({ '.hrss-std.yaml': 'rules:\n  schema: error\n review_years: 3\n' })[0]).toMatch(/^\.hrss-std\.yaml:3:2 YAML 语法错误：映射项缩进不正确/);
    expect(fails({ '.hrss-std.yaml': 'lang: en\nlang: zh\n' })).toEqual(['.hrss-std.yaml:2:1 重复的键 “lang”（同一映射中出现两次）']);
    expect(fails({ '.hrss-std.yaml': Buffer.from([0x6c, 0x61, 0x6e, 0x67, 0x3a, 0x20, 0xd6, 0xd0]) })[0]).toMatch(/^\.hrss-std\.yaml:1:1 文件不是 UTF-8 编码/);
    expect(fails({ '.hrss-std.yaml/keep': '' })).toEqual(['.hrss-std.yaml:1:1 这是一个目录，不是文件']);
    expect(fails({ '.hrss-std.yaml': '- a\n' })[0]).toMatch(/^\.hrss-std\.yaml:1:1 /);
  });

  it('an explicit --config that does not exist is reported, not ignored', () => {
    const dir = tempTree({ 'x.txt': '' });
    try {
      loadConfig(dir, 'nope.yaml');
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(located(e)).toEqual(['nope.yaml:1:1 文件不存在']);
    }
  });
});
