import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig, ConfigError } from '../../src/config/config.js';
import { BUILTIN_KINDS, kindVocabulary, rowKind } from '../../src/model/kind.js';
import { allStandards } from '../../src/model/types.js';
import { validate } from '../../src/pipeline/validate.js';
import { tempTree } from '../helpers.js';
import { lines, lint, run } from '../rules/lint.js';

const vocab = kindVocabulary();
const row = (title: string, kind?: unknown) => ({ title, raw: kind === undefined ? {} : { kind } });

describe('文件类型 (kind)', () => {
  it('has the eleven kinds of the issue, each with its Chinese title', () => {
    expect(Object.values(BUILTIN_KINDS)).toEqual(['服务指南', '操作规程', '服务规范', '服务质量', '服务流程', '人员及岗位', '设施设备', '场地环境', '服务安全', '管理规范', '评价与改进']);
  });

  it('reads a stated kind by id or by Chinese title', () => {
    expect(rowKind(row('x', 'procedure'), vocab)).toEqual({ id: 'procedure', source: 'stated' });
    expect(rowKind(row('x', '设施设备'), vocab)).toEqual({ id: 'facilities', source: 'stated' });
    expect(rowKind(row('x', '其他'), vocab)).toEqual({ source: 'unknown', unknown: '其他' });
  });

  it('infers only from the three certain title endings, and a stated kind wins', () => {
    expect(rowKind(row('湛江市就业登记服务指南'), vocab).id).toBe('guide');
    expect(rowKind(row('社会保险经办操作规程'), vocab).id).toBe('procedure');
    expect(rowKind(row('网络招聘服务规范'), vocab).id).toBe('service-spec');
    expect(rowKind(row('网络招聘服务规范', 'management'), vocab)).toEqual({ id: 'management', source: 'stated' });
    // not certain: says 服务质量 but may be an evaluation method, a facility list etc.
    expect(rowKind(row('公共就业服务质量评价'), vocab)).toEqual({ source: 'none' });
    expect(rowKind(row('服务大厅设施设备配置要求'), vocab)).toEqual({ source: 'none' });
  });

  it('config kinds: extend the vocabulary; required_kinds defaults to 服务指南 and 操作规程', () => {
    expect(defaultConfig('/x').requiredKinds).toEqual(['guide', 'procedure']);
    const dir = tempTree({ '.hrss-std.yaml': lines('kinds:', '  archive: 档案管理', 'required_kinds: [guide, procedure, archive]') });
    const cfg = loadConfig(dir);
    expect(cfg.kinds).toEqual({ archive: '档案管理' });
    expect(cfg.requiredKinds).toEqual(['guide', 'procedure', 'archive']);
    const v = kindVocabulary(cfg.kinds);
    expect(rowKind(row('x', '档案管理'), v)).toEqual({ id: 'archive', source: 'stated' });
    const bad = tempTree({ '.hrss-std.yaml': lines('kinds:', '  Bad Id: x') });
    expect(() => loadConfig(bad)).toThrow(ConfigError);
  });

  it('the schema accepts kind on a row and rejects an empty one', () => {
    const sys = (k: string) => lines('id: t', 'title: T', 'framework: none', 'standards:', '  - title: 某服务指南', `    kind: ${k}`);
    expect(lint(sys('guide')).filter((d) => d.rule === 'schema')).toEqual([]);
    expect(lint(sys('服务指南')).filter((d) => d.rule === 'schema')).toEqual([]);
    const empty = lint(sys('""')).filter((d) => d.rule === 'schema');
    expect(empty.length).toBe(1);
    expect(empty[0]!.line).toBe(6);
    expect(run(sys('guide')).systems[0]!.system!.standards[0]!.raw.kind).toBe('guide');
  });

  it('on the bundled sample: inferred kinds match a count of title endings in the YAML text', () => {
    const root = path.resolve(__dirname, '../../systems/zhanjiang');
    const titles = readdirSync(root).filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => readFileSync(path.join(root, f), 'utf8').split('\n'))
      .map((l) => /^\s*(?:- )?title:\s*(.+?)\s*$/.exec(l)?.[1])
      .filter((t): t is string => !!t);
    const count = (end: string) => titles.filter((t) => t.endsWith(end)).length;
    const dir = path.resolve(__dirname, '../..');
    const res = validate([path.join(root, 'system.yaml')], defaultConfig(dir), dir);
    const rows = allStandards(res.systems[0]!.system!);
    const ids = rows.map((r) => rowKind(r, vocab).id);
    // sub-system titles are not rows; none of them ends in these words (checked by the counts matching)
    expect(ids.filter((i) => i === 'service-spec').length).toBe(count('服务规范'));
    expect(ids.filter((i) => i === 'guide').length).toBe(count('服务指南'));
    expect(ids.filter((i) => i === 'procedure').length).toBe(count('操作规程'));
    expect(count('服务规范')).toBeGreaterThan(5);
  });
});
