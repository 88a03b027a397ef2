import { describe, expect, it } from 'vitest';
import { lineOf, lint, of, pos, rows } from './lint.js';

describe('status-replaced', () => {
  it('uses the known-standards data and names the successor', () => {
    const src = rows(['code: "101-01"', 'number: GB/T 31597-2015', 'title: 城乡居民基本养老保险服务规范']);
    const ds = of(lint(src), 'status-replaced');
    expect(ds.map(pos)).toEqual([`${lineOf(src, 'GB/T 31597-2015')}:21`]);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toBe('GB/T 31597-2015 已被 GB/T 31597-2022 代替（据内置标准资料），不应列为现行');
    expect(ds[0]!.hint!.zh).toContain('改用 GB/T 31597-2022');
    expect(ds[0]!.data).toEqual({ successor: 'GB/T 31597-2022' });
  });

  it('reports a current row with replaced_by, at its status', () => {
    const src = rows(['code: "101-01"', 'number: DB11/T 3008.6-2018', 'title: 人力资源服务规范 第6部分：职业指导服务', 'status: 现行', 'replaced_by: DB11/T 9999-2030']);
    const ds = of(lint(src), 'status-replaced');
    expect(ds.map(pos)).toEqual([`${lineOf(src, 'status:')}:21`]);
    expect(ds[0]!.message.zh).toContain('本行写明已被 DB11/T 9999-2030 代替');
  });

  it('reports an edition that another current row of the system replaces', () => {
    const src = rows(
      ['code: "101-01"', 'number: DB11/T 494.6-2013', 'title: 职业指导服务（旧）'],
      ['code: "101-02"', 'number: DB11/T 3008.6-2018', 'title: 人力资源服务规范 第6部分：职业指导服务', 'replaces: [DB11/T 494.6-2013]'],
    );
    // DB11/T 494.6-2013 is also recorded as replaced in the data; the data wins, the message names the successor
    const ds = of(lint(src), 'status-replaced');
    expect(ds.map(pos)).toEqual([`${lineOf(src, 'number: DB11/T 494.6-2013')}:21`]);
    expect(ds[0]!.message.zh).toContain('DB11/T 3008.6-2018');
  });

  it('reports the older edition when both editions of a series are current, pointing at the newer', () => {
    // fake numbers (not in the known data) so only the in-system evidence applies
    const src = rows(
      ['code: "101-01"', 'number: DB44/T 9001-2016', 'title: 测试规范', 'status: current'],
      ['code: "101-02"', 'number: DB44/T 9001-2022', 'title: 测试规范'],
      ['code: "101-03"', 'number: DB44/T 9002-2022', 'title: 另一规范', 'replaces: [DB44/T 9003-2015]'],
      ['code: "101-04"', 'number: DB44/T 9003-2015', 'title: 被代替的规范'],
    );
    const ds = of(lint(src), 'status-replaced');
    expect(ds.map(pos)).toEqual([`${lineOf(src, 'status: current')}:21`, `${lineOf(src, 'number: DB44/T 9003-2015')}:21`]);
    expect(ds[0]!.message.zh).toBe('本体系同时把较新版本 DB44/T 9001-2022 列为现行，DB44/T 9001-2016 应已被代替');
    expect(ds[0]!.related![0]).toMatchObject({ line: lineOf(src, 'number: DB44/T 9001-2022'), column: 21 });
    expect(ds[1]!.message.zh).toBe('DB44/T 9003-2015 已被本体系中的 DB44/T 9002-2022 代替，不应再列为现行');
  });

  it('same code and sequence with other years and other titles are different standards (issue 12: LD/T 03-2020/2021/2022)', () => {
    // series that restart their sequence each year: the number alone does not make an edition
    const src = rows(
      ['code: "101-01"', 'number: DB44/T 9004-2020', 'title: 甲服务规范'],
      ['code: "101-02"', 'number: DB44/T 9004-2021', 'title: 乙服务指南'],
      ['code: "101-03"', 'number: DB44/T 9004-2022', 'title: 丙评价规范'],
      // same title apart from blanks and punctuation: an edition
      ['code: "101-04"', 'number: DB44/T 9005-2019', 'title: 丁 服务规范'],
      ['code: "101-05"', 'number: DB44/T 9005-2023', 'title: 丁服务规范'],
    );
    const ds = of(lint(src), 'status-replaced');
    expect(ds.map(pos)).toEqual([`${lineOf(src, 'number: DB44/T 9005-2019')}:21`]);
    expect(ds[0]!.message.zh).toBe('本体系同时把较新版本 DB44/T 9005-2023 列为现行，DB44/T 9005-2019 应已被代替');
  });

  it('is silent for current editions and for old editions marked replaced', () => {
    const src = rows(
      ['code: "101-01"', 'number: GB/T 31597-2015', 'title: 城乡居民基本养老保险服务规范', 'status: replaced', 'replaced_by: GB/T 31597-2022'],
      ['code: "101-02"', 'number: GB/T 31597-2022', 'title: 城乡居民基本养老保险服务规范', 'replaces: [GB/T 31597-2015]'],
    );
    expect(of(lint(src), 'status-replaced')).toEqual([]);
  });
});

describe('title-mismatch', () => {
  it('reports a title that differs from the known title, at the title', () => {
    const src = rows(['code: "101-01"', 'number: GB/T 33528-2017', 'title: 职业介绍服务术语']);
    const ds = of(lint(src), 'title-mismatch');
    expect(ds.map(pos)).toEqual([`${lineOf(src, 'title: 职业')}:20`]);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message.zh).toBe('GB/T 33528-2017 的名称应为《公共就业服务 术语》，这里写的是《职业介绍服务术语》');
    expect(ds[0]!.data).toEqual({ title: '公共就业服务 术语' });
  });

  it('ignores spacing and full-width punctuation, and titles the data only inferred', () => {
    const src = rows(
      ['code: "101-01"', 'number: GB/T 31596.1-2015', 'title: 社会保险术语　第1部分: 通用'],
      ['code: "101-02"', 'number: GB/T 33667-2017', 'title: 高校毕业生职业指导服务规范（不同写法）'],
      ['code: "101-03"', 'number: DB44/T 9001-2022', 'title: 不在资料中的标准'],
    );
    expect(of(lint(src), 'title-mismatch')).toEqual([]);
  });
});

describe('missing-reference', () => {
  it('reports dated and undated references that are not in the system', () => {
    const src = rows(
      ['code: "101-01"', 'number: GB/T 13016-2018', 'title: 标准体系构建原则和要求', 'references: [GB/T 1.1-2020, GB/T 13017-2008, GB/T 33527]'],
      ['code: "101-02"', 'number: GB/T 13017-2018', 'title: 企业标准体系表编制指南'],
    );
    const ds = of(lint(src), 'missing-reference');
    const line = lineOf(src, 'references:');
    expect(ds.map(pos)).toEqual([`${line}:26`, `${line}:41`, `${line}:58`]);
    expect(ds[0]!.message.zh).toBe('引用的标准 GB/T 1.1-2020 不在本体系中');
    // another edition is listed: the hint says which
    expect(ds[1]!.hint!.zh).toBe('体系中列的是 GB/T 13017-2018：请核对引用的年代号');
  });

  it('matches an undated reference with any edition and any part', () => {
    const src = rows(
      ['code: "101-01"', 'number: GB/T 30226-2013', 'title: 服务业标准体系编写指南', 'references: [GB/T 24421, GB/T 13016, GB/T 24421.2-2023]'],
      ['code: "101-02"', 'number: GB/T 24421.2-2023', 'title: 服务业组织标准化工作指南 第2部分：标准体系构建'],
      ['code: "101-03"', 'number: GB/T 13016-2018', 'title: 标准体系构建原则和要求'],
    );
    expect(of(lint(src), 'missing-reference')).toEqual([]);
  });
});
