import { describe, expect, it } from 'vitest';
import { HEAD, lines, lint, of, pos } from './lint.js';

/** One row under sub-system 101; the row starts on line 10, its keys at column 13. */
const row = (...keys: string[]) => lines(...HEAD, '          - code: "101-01"', ...keys.map((k) => '            ' + k));

describe('year-mismatch', () => {
  it('warns when the number year is not the year of publication', () => {
    const ds = of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2018-03-09"')), 'year-mismatch');
    expect(ds.map(pos)).toEqual(['13:24']);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message.zh).toBe('编号 GB/T 33534-2017 的年代号是 2017，发布日期却是 2018-03-09');
  });

  it('is silent when the years agree or there is no publication date', () => {
    expect(of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-03-09"')), 'year-mismatch')).toEqual([]);
  });

  it('accepts the year of an edition note as the publication year (GB 50010-2010(2015年版))', () => {
    expect(of(lint(row('number: GB 50010-2010(2015年版)', 'title: 混凝土结构设计规范', 'published: "2015-09-22"')), 'year-mismatch')).toEqual([]);
    expect(of(lint(row('number: GB 50010-2010(2015年版)', 'title: 混凝土结构设计规范', 'published: "2010-08-18"')), 'year-mismatch')).toEqual([]);
    expect(of(lint(row('number: GB 50010-2010(2015年版)', 'title: 混凝土结构设计规范', 'published: "2013-09-22"')), 'year-mismatch')).toHaveLength(1);
    expect(of(lint(row('number: GB 50010-2010', 'title: 混凝土结构设计规范', 'published: "2015-09-22"')), 'year-mismatch')).toHaveLength(1);
  });

  it('tolerates publication in January of the next year (issue 12: GB/T 26268-2010 published 2011-01-14)', () => {
    expect(of(lint(row('number: GB/T 26268-2010', 'title: 甲', 'published: "2011-01-14"')), 'year-mismatch')).toEqual([]);
    // February of the next year, or two years later, is still reported
    expect(of(lint(row('number: GB/T 26268-2010', 'title: 甲', 'published: "2011-02-14"')), 'year-mismatch')).toHaveLength(1);
    expect(of(lint(row('number: GB/T 26268-2010', 'title: 甲', 'published: "2012-01-14"')), 'year-mismatch')).toHaveLength(1);
    expect(of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'effective: "2017-10-01"')), 'year-mismatch')).toEqual([]);
  });
});

describe('date-order', () => {
  it('reports effective before published, at effective', () => {
    const ds = of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-10-01"', 'effective: "2017-03-09"')), 'date-order');
    expect(ds.map(pos)).toEqual(['14:24']);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message.zh).toBe('实施日期 2017-03-09 早于发布日期 2017-10-01');
  });

  it('reports reviewed before published and reviewed after the check date', () => {
    const before = of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-03-09"', 'reviewed: "2016-01-01"')), 'date-order');
    expect(before.map(pos)).toEqual(['14:23']);
    expect(before[0]!.message.zh).toContain('复审日期 2016-01-01 早于发布日期');
    const future = of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'reviewed: "2027-01-01"')), 'date-order');
    expect(future.map(pos)).toEqual(['13:23']);
    expect(future[0]!.message.zh).toBe('复审日期 2027-01-01 晚于检查日期 2026-11-21');
  });

  it('accepts the same day, and skips dates the schema already rejects', () => {
    const ds = lint(row('number: GB/T 24421.4-2023', 'title: 服务业组织标准化工作指南 第4部分：标准实施及评价', 'published: "2023-03-17"', 'effective: "2023-03-17"', 'reviewed: "2023-02-30"'));
    expect(of(ds, 'date-order')).toEqual([]);
    expect(of(ds, 'schema')).toHaveLength(1);
  });
});

describe('status-date', () => {
  it('suggests upcoming for a current row not yet in force', () => {
    const ds = of(lint(row('number: GB/T 45498.1-2025', 'title: 社会保障卡一卡通规范', 'status: current', 'published: "2025-03-28"', 'effective: "2027-01-01"')), 'status-date');
    expect(ds.map(pos)).toEqual(['13:21']);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message.zh).toBe('实施日期 2027-01-01 未到（检查日期 2026-11-21），状态应为“即将实施”');
  });

  it('suggests current for an upcoming row already in force, and flags a future publication date', () => {
    const up = of(lint(row('number: GB/T 45498.1-2025', 'title: 社会保障卡一卡通规范', 'status: upcoming', 'published: "2025-03-28"', 'effective: "2025-03-28"')), 'status-date');
    expect(up.map(pos)).toEqual(['13:21']);
    expect(up[0]!.message.zh).toContain('状态应为“现行”');
    const fut = of(lint(row('number: GB/T 45498.1-2025', 'title: 社会保障卡一卡通规范', 'published: "2026-12-01"')), 'status-date');
    expect(fut.map(pos)).toEqual(['13:24']);
    expect(fut[0]!.message.zh).toContain('标准尚未发布');
  });

  it('is silent when the status fits the dates', () => {
    expect(of(lint(row('number: GB/T 45498.1-2025', 'title: 社会保障卡一卡通规范', 'status: upcoming', 'published: "2026-10-01"', 'effective: "2027-01-01"')), 'status-date')).toEqual([]);
  });
});

describe('review-due', () => {
  it('warns from the publication date when there is no review', () => {
    const ds = of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-03-09"')), 'review-due');
    expect(ds.map(pos)).toEqual(['13:24']);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message.zh).toBe('发布于 2017-03-09，未记录复审，已超过 5 年复审周期（应于 2022-03-09 前复审）');
    expect(ds[0]!.hint!.zh).toContain('reviewed: YYYY-MM-DD');
  });

  it('uses the later review date, and the number year when no date is given', () => {
    expect(of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-03-09"', 'reviewed: "2022-06-01"')), 'review-due')).toEqual([]);
    const old = of(lint(row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-03-09"', 'reviewed: "2020-06-01"')), 'review-due');
    expect(old.map(pos)).toEqual(['14:23']);
    expect(old[0]!.message.zh).toContain('最近复审于 2020-06-01');
    const byYear = of(lint(row('number: LD/T 33-2015', 'title: 社会保障卡读写终端规范')), 'review-due');
    expect(byYear.map(pos)).toEqual(['11:21']);
    expect(byYear[0]!.message.zh).toContain('按年代号 2015 计');
  });

  it('honours review_years and skips rows that are not current or have no date', () => {
    const src = row('number: GB/T 33534-2017', 'title: 失业登记管理服务规范', 'published: "2017-03-09"');
    expect(of(lint(src, {}, { reviewYears: 10 }), 'review-due')).toEqual([]);
    expect(of(lint(row('number: GB/T 31597-2015', 'title: 城乡居民基本养老保险服务规范', 'status: replaced', 'replaced_by: GB/T 31597-2022')), 'review-due')).toEqual([]);
    expect(of(lint(row('number: GB/T 33527', 'title: 公共就业服务总则', 'level: national', 'status: planned')), 'review-due')).toEqual([]);
  });
});

describe('review-due and replaced standards', () => {
  it('leaves a standard the data records as replaced to status-replaced', () => {
    const src = lines(...HEAD, '          - { code: "101-01", number: GB/T 31597-2015, title: 城乡居民基本养老保险服务规范 }');
    const ds = lint(src);
    expect(of(ds, 'status-replaced')).toHaveLength(1);
    expect(of(ds, 'review-due')).toEqual([]);
  });
});
