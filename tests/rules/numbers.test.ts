import { describe, expect, it } from 'vitest';
import { INDUSTRY_CODES } from '../../src/numbers/index.js';
import { HEAD, lines, lint, of, pos, rows } from './lint.js';

/** One row under sub-system 101; the row starts on line 10, its keys at column 13. */
const row = (...keys: string[]) => lines(...HEAD, '          - code: "101-01"', ...keys.map((k) => '            ' + k));

describe('number-format', () => {
  it('reports an unreadable number at its value', () => {
    const ds = of(lint(row('number: 见附件', 'title: 某标准')), 'number-format');
    expect(ds).toHaveLength(1);
    expect(pos(ds[0]!)).toBe('11:21');
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toContain('无法识别的标准编号：“见附件”');
    expect(ds[0]!.hint!.zh).toContain('GB/T 24421.2-2023');
  });

  it('reports a placeholder number, with a drafting hint on a current row', () => {
    const ds = of(lint(row('number: DBXX/T XXXX-XXXX', 'title: 某地方标准', 'status: current')), 'number-format');
    expect(ds.map(pos)).toEqual(['11:21']);
    expect(ds[0]!.message.zh).toContain('占位编号');
    expect(ds[0]!.hint!.zh).toContain('drafting');
  });

  it('reports a placeholder on a drafting row with the hint to drop the number', () => {
    const ds = of(lint(row('number: DB44/T XXXX-2025', 'title: 某地方标准', 'level: local', 'status: drafting')), 'number-format');
    expect(ds.map(pos)).toEqual(['11:21']);
    expect(ds[0]!.hint!.zh).toContain('删除 number');
  });

  it('needs a dated number on a current row, but not in references or on a planned row', () => {
    const ds = of(lint(row('number: GB/T 33527', 'title: 公共就业服务总则', 'references: [GB/T 33553]')), 'number-format');
    expect(ds.map(pos)).toEqual(['11:21']);
    expect(ds[0]!.message.zh).toContain('缺少年代号');
    // the known-standards data only has undated citations of GB/T 33527
    expect(ds[0]!.hint!.zh).toContain('只见不注日期的引用');
    expect(of(lint(row('number: GB/T 33527', 'title: 公共就业服务总则', 'status: planned', 'level: national')), 'number-format')).toEqual([]);
  });

  it('reports a missing number where the status says the standard is published, at the status', () => {
    const ds = of(lint(row('title: 某标准', 'level: local', 'status: 现行')), 'number-format');
    expect(ds.map(pos)).toEqual(['13:21']);
    expect(ds[0]!.message.zh).toBe('状态为“现行”的标准缺少标准编号');
    expect(ds[0]!.message.en).toBe('a current standard has no number');
  });

  it('reports an unknown region and an implausible year; a two-digit year is no error (number-unusual warns)', () => {
    const ds = of(lint(row('number: DB99/T 1-2020', 'title: 甲', 'replaces: [GB/T 2-05]', 'replaced_by: GB/T 3-2099')), 'number-format');
    expect(ds.map(pos)).toEqual(['11:21', '14:26']);
    expect(ds[0]!.message.zh).toContain('“99” 不存在');
    // the year limit follows the configured check date (2026-11-21 → at most 2027)
    expect(ds[1]!.message.zh).toContain('年代号 2099 不合理');
    expect(ds[1]!.hint!.zh).toContain('1950 至 2027');
  });

  it('is silent on real numbers and planned rows without a number', () => {
    const ds = lint(row('number: DB4403/T 50-2020', 'title: 劳动人事争议仲裁服务保障规范', 'published: "2020-04-07"', 'effective: "2020-05-01"', 'reviewed: "2025-04-01"'));
    expect(of(ds, 'number-format')).toEqual([]);
    expect(of(lint(row('title: 待制定的规范', 'level: local')), 'number-format')).toEqual([]);
  });
});

describe('number-canonical', () => {
  it('gives the canonical form in the message and in data.canonical', () => {
    const ds = of(lint(row('number: ＧＢ／Ｔ　33534—2017', 'title: 失业登记管理服务规范')), 'number-canonical');
    expect(ds.map(pos)).toEqual(['11:21']);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message.zh).toBe('编号 “ＧＢ／Ｔ　33534—2017” 应写作 “GB/T 33534-2017”');
    expect(ds[0]!.data).toMatchObject({ canonical: 'GB/T 33534-2017' });
  });

  it('checks replaces, replaced_by and references items at their own positions', () => {
    const ds = of(lint(row('number: GB/T 13016-2018', 'title: 标准体系构建原则和要求', 'replaces: [GBT 13016-2009]', 'references: [GB/T 1.1-2020, "GB/T1.1–2009"]')), 'number-canonical');
    expect(ds.map(pos)).toEqual(['13:24', '14:41']);
    expect(ds.map((d) => d.data!.canonical)).toEqual(['GB/T 13016-2009', 'GB/T 1.1-2009']);
  });

  it('moves an adoption suffix to adopted:', () => {
    const ds = of(lint(row('number: GB/T 24620-2009/ISO/IEC GUIDE 76:2008', 'title: 服务标准制定导则 考虑消费者需求', 'status: replaced')), 'number-canonical');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.data!.canonical).toBe('GB/T 24620-2009');
    expect(ds[0]!.hint!.zh).toContain('adopted: { ref: "ISO/IEC GUIDE 76:2008"');
  });

  it('is silent on canonical numbers', () => {
    expect(of(lint(row('number: GB/T 24421.2-2023', 'title: 服务业组织标准化工作指南 第2部分：标准体系构建')), 'number-canonical')).toEqual([]);
  });
});

describe('number-unusual', () => {
  it('is silent on mandatory local and industry numbers without /T (issue 12: WS 363, DL 5009.1 were flagged)', () => {
    expect(of(lint(row('number: DB44 123-2021', 'title: 某地方标准')), 'number-unusual')).toEqual([]);
    expect(of(lint(row('number: DL 5009.1-2014', 'title: 电力建设安全工作规程 第1部分：火力发电')), 'number-unusual')).toEqual([]);
  });

  it('warns about a two-digit year and a year run into the sequence, and number-canonical offers no rewrite', () => {
    // DL/T 645-1997 cited as "DL/T645-97" (emqx/neuron-docs zh_CN/module-plugins/module-description/electricity.md):
    // from 1995 on covers print four digits, so "97" is a shortened citation
    const ds = lint(row('number: DL/T645-97', 'title: 多功能电能表通信协议', 'replaces: [RBT 2142017]'));
    const unusual = of(ds, 'number-unusual');
    expect(unusual.map(pos)).toEqual(['11:21', '13:24']);
    expect(unusual[0]!.severity).toBe('warning');
    expect(unusual[0]!.message.zh).toContain('“97” 只有两位');
    expect(unusual[1]!.message.zh).toContain('可能漏写了 “-”');
    expect(unusual[1]!.hint!.zh).toContain('214-2017');
    expect(of(ds, 'number-canonical')).toEqual([]);
    expect(of(ds, 'number-format')).toEqual([]);
  });

  it('is silent on a two-digit year before 1995, the spelling printed on old covers (GB 14553—93), and never rewrites it', () => {
    const ds = lint(rows(['code: "101-01"', 'number: LD66-94', 'title: 甲'], ['code: "101-02"', 'number: GB 14553-93', 'title: 恶臭污染物排放标准']));
    expect(of(ds, 'number-unusual')).toEqual([]);
    expect(of(ds, 'number-canonical').filter((d) => /-19(94|93)/.test(JSON.stringify(d)))).toEqual([]);
  });

  it('is silent on -95 to -99 of engineering-construction standards, printed so on their covers (GB 50045-95, JGJ 59-99)', () => {
    const ds = lint(rows(['code: "101-01"', 'number: GB 50045-95（2005年版）', 'title: 高层民用建筑设计防火规范'], ['code: "101-02"', 'number: JGJ 59-99', 'title: 建筑施工安全检查标准'], ['code: "101-03"', 'number: DBJ08-9-97', 'title: 甲']));
    expect(of(ds, 'number-unusual')).toEqual([]);
    expect(of(ds, 'number-format')).toEqual([]);
    // other standards, and -00 to -49 of engineering ones, are still reported
    const other = lint(rows(['code: "101-01"', 'number: GB/T 13016-95', 'title: 甲'], ['code: "101-02"', 'number: JGJ 59-01', 'title: 乙']));
    expect(of(other, 'number-unusual')).toHaveLength(2);
  });

  it('warns about a part of a part', () => {
    const ds = of(lint(row('number: GB/T 31596.1.2-2015', 'title: 某标准')), 'number-unusual');
    expect(ds.map(pos)).toEqual(['11:21']);
    expect(ds[0]!.message.zh).toContain('部分号有两级');
  });

  it('is silent on LD/T and GB numbers (GB without /T is a mandatory national standard)', () => {
    expect(of(lint(row('number: LD/T 01-2020', 'title: 社会保险网上经办服务指南')), 'number-unusual')).toEqual([]);
  });
});

describe('unknown-industry-code', () => {
  it('reports the code with similar codes and the 人社 code LD', () => {
    const ds = of(lint(row('number: LX/T 1-2020', 'title: 某行业标准')), 'unknown-industry-code');
    expect(ds.map(pos)).toEqual(['11:21']);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toBe('“LX/T 1-2020” 中的行业代号 LX 不在行业标准代号表中');
    expect(ds[0]!.hint!.zh).toMatch(/相近的代号：.*LD/);
    expect(ds[0]!.hint!.zh).toContain('人社部的行业标准代号是 LD');
  });

  it('checks references too, and accepts known codes', () => {
    const ds = of(lint(row('number: MZ/T 1-2020', 'title: 某民政标准', 'references: [XX/T 1-2020]')), 'unknown-industry-code');
    expect(ds.map(pos)).toEqual(['13:26']);
  });
});

describe('level-mismatch', () => {
  it('reports a stated level that contradicts the number, at level', () => {
    const ds = of(lint(row('number: DB44/T 1234-2021', 'title: 某地方标准', 'level: 国家标准')), 'level-mismatch');
    expect(ds.map(pos)).toEqual(['13:20']);
    expect(ds[0]!.message.zh).toBe('级别写作“国家标准”，但编号 DB44/T 1234-2021 是地方标准');
    expect(ds[0]!.hint!.zh).toContain('level: local');
  });

  it('reports a row with neither number nor level, at the row', () => {
    const ds = of(lint(row('title: 湛江市某服务规范', 'status: planned')), 'level-mismatch');
    expect(ds.map(pos)).toEqual(['10:13']);
    expect(ds[0]!.message.zh).toContain('既没有标准编号，也没有写级别');
  });

  it('accepts agreeing levels, aliases and a planned row with a level', () => {
    expect(of(lint(row('number: T/CQTSHRA 006-2024', 'title: 公共职业介绍服务规范', 'level: 团体标准')), 'level-mismatch')).toEqual([]);
    expect(of(lint(row('title: 湛江市某服务规范', 'level: local')), 'level-mismatch')).toEqual([]);
  });
});

describe('industry-code table', () => {
  it('no real code in the table is reported or gets a "相近的代号" hint (every code, /T and mandatory)', () => {
    const rs = INDUSTRY_CODES.flatMap((c, i) => [
      [`code: "101-${String(2 * i + 1).padStart(3, '0')}"`, `number: "${c}/T ${100 + i}-2020"`, `title: 甲${i}`],
      [`code: "101-${String(2 * i + 2).padStart(3, '0')}"`, `number: "${c} ${500 + i}-2019"`, `title: 乙${i}`],
    ]);
    expect(of(lint(rows(...rs)), 'unknown-industry-code')).toEqual([]);
  });

  it('a code one letter away from a real one is reported with the nearby real codes', () => {
    const ds = of(lint(row('number: LT/T 1-2020', 'title: 甲')), 'unknown-industry-code');
    expect(ds).toHaveLength(1);
    expect(JSON.stringify(ds[0]!.hint ?? ds[0]!.message)).toContain('LD');
  });
});

