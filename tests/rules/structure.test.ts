import { describe, expect, it } from 'vitest';
import { lineOf, lines, lint, of, pos, rows } from './lint.js';

describe('duplicate-number', () => {
  it('reports both places, each pointing at the other, comparing canonical numbers', () => {
    const src = rows(
      ['code: "101-01"', 'number: GB/T 33534-2017', 'title: 失业登记管理服务规范'],
      ['code: "101-02"', 'number: GB/T 33528-2017', 'title: 公共就业服务 术语'],
      ['code: "101-03"', 'number: GB/T 33534—2017', 'title: 失业登记管理服务规范'],
    );
    const ds = of(lint(src), 'duplicate-number');
    const a = lineOf(src, 'GB/T 33534-2017'), b = lineOf(src, 'GB/T 33534—2017');
    expect(ds.map(pos)).toEqual([`${a}:21`, `${b}:21`]);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toBe('标准 GB/T 33534-2017 在本体系中出现了 2 次');
    expect(ds[0]!.related).toEqual([expect.objectContaining({ line: b, column: 21, message: { zh: '另见 101-03《失业登记管理服务规范》', en: 'also at 101-03《失业登记管理服务规范》' } })]);
    expect(ds[1]!.related![0]).toMatchObject({ line: a, column: 21 });
  });

  it('finds duplicates across included files', () => {
    const sys = lines(
      'id: t', 'title: 测试体系', 'subsystems:',
      '  - code: "100"', '    title: 基础通用标准体系', '    standards:',
      '      - { code: "100-01", number: GB/T 33534-2017, title: 失业登记管理服务规范 }',
      '  - code: "200"', '    title: 公共就业服务标准体系', '    include: employment.yaml',
    );
    const inc = lines('standards:', '  - code: "200-01"', '    number: GB/T 33534-2017', '    title: 失业登记管理服务规范');
    const ds = of(lint(sys, { 'systems/t/employment.yaml': inc }), 'duplicate-number');
    expect(ds.map((d) => `${d.file.split('/').pop()}:${pos(d)}`)).toEqual(['employment.yaml:3:13', 'system.yaml:7:35']);
  });

  it('does not treat two editions of a series as duplicates', () => {
    const src = rows(
      ['code: "101-01"', 'number: GB/T 31597-2015', 'title: 城乡居民基本养老保险服务规范', 'status: replaced'],
      ['code: "101-02"', 'number: GB/T 31597-2022', 'title: 城乡居民基本养老保险服务规范'],
    );
    expect(of(lint(src), 'duplicate-number')).toEqual([]);
  });
});

describe('duplicate-code', () => {
  it('reports a node code reused by a row, at both places', () => {
    const src = rows(['code: "101"', 'number: GB/T 33534-2017', 'title: 失业登记管理服务规范']);
    const ds = of(lint(src), 'duplicate-code');
    expect(ds.map(pos)).toEqual([`${lineOf(src, '- code: "101"')}:15`, `${lineOf(src, '- code: "101"', 10)}:19`]);
    expect(ds[0]!.message.zh).toBe('编号 “101” 在本体系中用了 2 次');
    expect(ds[0]!.related![0]!.message.zh).toBe('另见标准《失业登记管理服务规范》');
    expect(ds[1]!.related![0]!.message.zh).toBe('另见子体系“术语与缩略语标准”');
  });

  it('is silent when every code is unique', () => {
    const src = rows(['code: "101-01"', 'number: GB/T 33534-2017', 'title: 失业登记管理服务规范'], ['code: "101-02"', 'title: 待制定', 'level: local']);
    expect(of(lint(src), 'duplicate-code')).toEqual([]);
  });
});

describe('code-hierarchy', () => {
  it('reports a child node and a row whose codes do not extend their parent', () => {
    const src = lines(
      'id: t', 'title: 测试体系', 'subsystems:',
      '  - code: "200"', '    title: 公共就业服务标准体系', '    subsystems:',
      '      - code: "301"', '        title: 就业失业登记服务标准', '        standards:',
      '          - { code: "202-01", title: 湛江市就业登记服务规范, level: local }',
    );
    const ds = of(lint(src), 'code-hierarchy');
    expect(ds.map(pos)).toEqual(['7:15', '10:21']);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message.zh).toBe('子体系编号 “301” 没有延续上级子体系 “200 公共就业服务标准体系” 的编号');
    expect(ds[0]!.hint!.zh).toContain('应以 “2” 开头，例如 201');
    expect(ds[1]!.message.zh).toBe('标准行编号 “202-01” 与所属子体系 “301 就业失业登记服务标准” 的编号不对应');
  });

  it('accepts 110 → 111, 101.01, and a system prefix', () => {
    const src = lines(
      'id: t', 'title: 测试体系', 'subsystems:',
      '  - code: "100"', '    title: 基础通用标准体系', '    subsystems:',
      '      - code: "110"', '        title: 术语', '        subsystems:',
      '          - code: "111"', '            title: 术语标准', '            standards:',
      '              - { code: "111.01", title: 甲, level: local }',
      '              - { code: "ZJ 111-02", title: 乙, level: local }',
    );
    expect(of(lint(src), 'code-hierarchy')).toEqual([]);
  });
});

describe('framework-structure', () => {
  const sys = (framework: string, ...titles: string[]) => lines(
    'id: t', 'title: 测试体系', `framework: ${framework}`, 'subsystems:',
    ...titles.flatMap((t, i) => [`  - code: "${i + 1}00"`, `    title: ${t}`, '    standards:', `      - { title: ${t}待制定, level: local }`]),
  );

  it('reports each missing gbt24421 part at framework', () => {
    const ds = of(lint(sys('gbt24421', '服务通用基础标准体系', '服务提供标准体系')), 'framework-structure');
    expect(ds.map(pos)).toEqual(['3:12']);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toBe('按框架 gbt24421（GB/T 24421 服务业组织标准体系（通用基础/保障/提供）），体系缺少“服务保障标准体系”');
    expect(ds[0]!.hint!.zh).toContain('code: "200"');
  });

  it('accepts the seven Zhanjiang parts, with 劳动管理 for 劳动关系', () => {
    const seven = ['基础通用标准体系', '公共就业服务标准体系', '社会保险服务标准体系', '人才服务标准体系', '劳动管理服务标准体系', '信息化服务标准体系', '其他服务标准体系'];
    expect(of(lint(sys('zhanjiang-7', ...seven)), 'framework-structure')).toEqual([]);
    const ds = of(lint(sys('zhanjiang-7', ...seven.slice(0, 5))), 'framework-structure');
    expect(ds.map((d) => d.message.zh.match(/缺少“(.*)”/)![1])).toEqual(['信息化服务标准体系', '其他服务标准体系']);
  });

  it('checks nothing for framework none', () => {
    expect(of(lint(sys('none', '随便')), 'framework-structure')).toEqual([]);
  });
});

describe('unknown-service', () => {
  const sys = (services: string, catalog = 'catalog: hrss-basic') => lines(
    'id: t', 'title: 测试体系', catalog, 'subsystems:',
    '  - code: "200"', '    title: 公共就业服务标准体系', '    standards:',
    '      - code: "200-01"', '        title: 湛江市就业登记服务规范', '        level: local', `        services: ${services}`,
  );

  it('reports an unknown id at the item, with the nearest ids', () => {
    const ds = of(lint(sys('[P05-02, P05-2, P99-01]')), 'unknown-service');
    expect(ds.map(pos)).toEqual(['11:28', '11:35']);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toBe('服务事项 “P05-2” 不在服务事项目录 hrss-basic 中');
    expect(ds[0]!.hint!.zh).toContain('P05-02');
    expect(ds[1]!.hint!.zh).toContain('hrss-std catalog list');
  });

  it('suggests the project id for a project without items', () => {
    const ds = of(lint(sys('[P07-01]')), 'unknown-service');
    expect(ds[0]!.hint!.zh).toContain('请直接写项目 id P07');
  });

  it('accepts item and project ids, and checks nothing without a catalog', () => {
    expect(of(lint(sys('[P05-02, P07]')), 'unknown-service')).toEqual([]);
    expect(of(lint(sys('[NOPE]', '# no catalog')), 'unknown-service')).toEqual([]);
  });
});

describe('empty-subsystem', () => {
  it('warns about a sub-system without rows or children, at the node', () => {
    const src = lines('id: t', 'title: 测试体系', 'subsystems:', '  - code: "100"', '    title: 基础通用标准体系');
    const ds = of(lint(src), 'empty-subsystem');
    expect(ds.map(pos)).toEqual(['4:5']);
  });
});

describe('values that name Object.prototype members', () => {
  // Found by the structural property test: level "__proto__" reached LEVEL_LABELS["__proto__"].
  it.each(['__proto__', 'constructor', 'toString'])('level: %s is a schema error, not a crash', (level) => {
    const src = rows(['code: "101-01"', 'number: GB/T 33534-2017', 'title: 失业登记管理服务规范', `level: "${level}"`]);
    const ds = lint(src);
    expect(of(ds, 'level-mismatch')).toEqual([]);
    expect(ds.some((d) => d.rule === 'schema')).toBe(true);
  });
});
