import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';
import { lines } from '../rules/lint.js';
import { pct, recount, recountSections } from '../gaps/recompute.js';

/**
 * `hrss-std assess` on the bundled sample and on a system with one planted fault per indicator.
 * Every figure is recounted here from the YAML text (js-yaml, no hrss-std code), or follows from
 * how the planted system was built.
 */
type Raw = Record<string, any>;
interface Ind { id: string; group: string; value?: number; part?: number; whole?: number; verdict: string; threshold: number; failing: { file: string; line: number; what: string; hint?: string }[]; basis: { file: string; line: number }[]; note?: string }
interface Out { system: { id: string; rows: number }; meta: { assessor?: string; date?: string; dateSource?: string; basis: string[] }; groups: { id: string; result: string; score?: number; indicators: Ind[] }[]; overall: { result: string; score?: number; conclusion: string }; problems: { indicator: string; failed: boolean; places: { file: string; line: number }[] }[] }

function assessJson(args: string[], cwd = ROOT): Out {
  const r = runCli(['assess', ...args, '-f', 'json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.format).toBe('hrss-std-assessment');
  return doc.systems[0];
}
const ind = (o: Out, id: string) => o.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!;
const at = (ps: { file: string; line: number }[]) => ps.map((p) => `${p.file}:${p.line}`);

/** Rows of a system with their file (relative to cwd) and the line of their first key, from the text. */
function rowsOf(systemFile: string, cwd: string): { row: Raw; at: string }[] {
  const out: { row: Raw; at: string }[] = [];
  const visit = (file: string) => {
    const text = readFileSync(file, 'utf8');
    const doc = yaml.load(text) as Raw;
    const starts = text.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => /^\s*- (code|number|title):/.test(l));
    let k = 0;
    const walk = (n: Raw) => {
      for (const s of n.standards ?? []) {
        // the next list item that starts this row (rows are written in tree order)
        while (k < starts.length && !starts[k]![0].includes(String(s.code ?? s.number ?? s.title))) k++;
        out.push({ row: s, at: `${path.relative(cwd, file)}:${starts[k]?.[1] ?? '?'}` });
        k++;
      }
      if (n.include) visit(path.join(path.dirname(file), n.include));
      for (const c of n.subsystems ?? []) walk(c);
    };
    walk(doc);
  };
  visit(systemFile);
  return out;
}
const statusOf = (r: Raw) => r.status ?? (r.number ? 'current' : 'planned');
const IN_FORCE = ['current', 'upcoming'];
const TO_BE_MADE = ['planned', 'drafting', 'revising'];

describe('assess on the bundled sample', () => {
  const file = path.join(ROOT, 'systems/zhanjiang/system.yaml');
  const out = assessJson(['systems/zhanjiang', '--date', '2026-12-04', '--assessor', '审查组']);
  const rows = rowsOf(file, ROOT);

  it('states 评价人员 and 评价时间 from the options, and the basis documents', () => {
    expect(out.meta.assessor).toBe('审查组');
    expect(out.meta).toMatchObject({ date: '2026-12-04', dateSource: 'option' });
    expect(out.meta.basis[0]).toContain('人社部发〔2023〕62号');
    expect(out.system.rows).toBe(rows.length);
  });

  it('completeness: item, kind and institution coverage equal the recount', () => {
    const items = recount(file, path.join(ROOT, 'data/hrss-basic.catalog.yaml'));
    const ic = ind(out, 'item-coverage');
    expect([ic.part, ic.whole, ic.value]).toEqual([items.totals.covered, items.totals.items, pct(items.totals.covered, items.totals.items)]);
    expect(ic.failing).toHaveLength(items.totals.items - items.totals.covered);
    expect(ic.verdict).toBe('fail');
    const s = recountSections(file, path.join(ROOT, 'data/hrss-basic.catalog.yaml'), ROOT);
    const kc = ind(out, 'kind-coverage');
    expect([kc.part, kc.whole]).toEqual([s.kinds.complete, s.kinds.items]);
    expect(kc.failing.map((p) => p.what.split('：')[0])).toEqual(s.kinds.incomplete.map((id) => expect.stringContaining(id)));
    const inst = ind(out, 'institution-coverage');
    expect(inst.part).toBe(Object.values(s.institution).filter((r) => r.length).length);
    expect(inst.whole).toBe(8);
    // the built-in catalog names no 服务对象: not assessable, and said so
    expect(ind(out, 'object-coverage')).toMatchObject({ verdict: 'na' });
    expect(ind(out, 'object-coverage').note).toContain('服务对象');
  });

  it('framework parts: all seven parts of zhanjiang-7 present, each pointing at its sub-system', () => {
    const fp = ind(out, 'framework-parts');
    const tops = (yaml.load(readFileSync(file, 'utf8')) as Raw).subsystems.map((n: Raw) => n.code);
    expect(tops).toHaveLength(7);
    expect([fp.part, fp.whole, fp.verdict]).toEqual([7, 7, 'pass']);
    const text = readFileSync(file, 'utf8').split('\n');
    for (const p of fp.basis) expect(text[p.line - 1]).toMatch(/^ {2}- code: "\d00"/);
  });

  it('conformity and effectiveness figures recounted from the rows', () => {
    const need = (r: Raw) => (IN_FORCE.includes(statusOf(r)) ? ['number', 'published', 'effective'] : TO_BE_MADE.includes(statusOf(r)) ? ['level', 'due', 'undertaker'] : ['number']);
    const incomplete = rows.filter(({ row }) => need(row).some((k) => !row[k]));
    const rf = ind(out, 'required-fields');
    expect([rf.part, rf.whole]).toEqual([rows.length - incomplete.length, rows.length]);
    expect(at(rf.failing)).toEqual(incomplete.map((r) => r.at));

    const inForce = rows.filter(({ row }) => IN_FORCE.includes(statusOf(row)));
    const sc = ind(out, 'share-current');
    expect([sc.part, sc.whole, sc.value]).toEqual([inForce.length, rows.length, pct(inForce.length, rows.length)]);

    // review period: later of reviewed/published (else 1 January of the number's year) + 5 years before 2026-12-04
    const current = rows.filter(({ row }) => statusOf(row) === 'current' && !row.replaced_by);
    const since = (r: Raw) => [r.reviewed, r.published].filter(Boolean).sort().at(-1) ?? `${/-(\d{4})$/.exec(r.number)?.[1]}-01-01`;
    const overdue = current.filter(({ row }) => `${+since(row).slice(0, 4) + 5}${since(row).slice(4)}` < '2026-12-04');
    const rp = ind(out, 'review-period');
    expect(rp.whole).toBe(current.length);
    expect(rp.part).toBe(current.length - overdue.length);
    // each place is the date the period counts from (reviewed, published, else the number)
    const keyLine = (r: { row: Raw; at: string }) => {
      const [f, l] = r.at.split(':') as [string, string];
      const key = r.row.reviewed && (!r.row.published || r.row.reviewed >= r.row.published) ? 'reviewed' : r.row.published ? 'published' : 'number';
      const text = readFileSync(path.join(ROOT, f), 'utf8').split('\n');
      let i = +l - 1;
      while (!new RegExp(`^\\s*(- )?${key}:`).test(text[i]!)) i++;
      return `${f}:${i + 1}`;
    };
    expect(at(rp.failing)).toEqual(overdue.map(keyLine));

    const withNumber = rows.filter(({ row }) => row.number);
    expect(ind(out, 'number-valid')).toMatchObject({ part: withNumber.length, whole: withNumber.length, verdict: 'pass' });
    const nodes: Raw[] = [];
    const walk = (n: Raw) => n.subsystems?.forEach((c: Raw) => (nodes.push(c), walk(c)));
    walk(yaml.load(readFileSync(file, 'utf8')) as Raw);
    // includes hold their nodes' rows, not nodes: count from every file
    const withIncludes = nodes.length + ['employment.yaml', 'social-insurance.yaml'].reduce((s, f) => {
      let k = 0;
      const w = (n: Raw) => n.subsystems?.forEach((c: Raw) => (k++, w(c)));
      w(yaml.load(readFileSync(path.join(ROOT, 'systems/zhanjiang', f), 'utf8')) as Raw);
      return s + k;
    }, 0);
    expect(ind(out, 'code-hierarchy').whole).toBe(withIncludes + rows.length);
  });

  it('code hierarchy and duplicates recounted from the text of every file', () => {
    // nodes with their parent's code, and rows with their node's code, over system.yaml and its includes
    const checks: boolean[] = [];
    const visit = (n: Raw, parent: string | undefined, dir: string) => {
      const body = n.include ? (yaml.load(readFileSync(path.join(dir, n.include), 'utf8')) as Raw) : n;
      if (n.code !== undefined) checks.push(!!n.code && (!parent || n.code.startsWith(parent.replace(/0+$/, ''))));
      for (const r of body.standards ?? []) checks.push(!!r.code && new RegExp(`^${n.code}[-.][0-9A-Za-z]+$`).test(r.code));
      for (const c of body.subsystems ?? []) visit(c, n.code, dir);
    };
    for (const n of (yaml.load(readFileSync(file, 'utf8')) as Raw).subsystems) visit(n, undefined, path.dirname(file));
    const codes = rows.map(({ row }) => row.code);
    expect(new Set(codes).size).toBe(codes.length); // no row code twice
    expect(ind(out, 'code-hierarchy')).toMatchObject({ part: checks.filter(Boolean).length, whole: checks.length });
    const numbers = rows.map(({ row }) => row.number).filter(Boolean).map((n: string) => n.replace(/[—–－]/g, '-').replace(/\s+/g, ' ').trim());
    const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i || numbers.lastIndexOf(n) !== i);
    expect(ind(out, 'duplicates').value).toBe(twice.length);
  });

  it('every problem points at file:line places that exist, and the conclusion names the failing indicators', () => {
    expect(out.problems.length).toBeGreaterThan(0);
    for (const p of out.problems) {
      expect(p.places.length, p.indicator).toBeGreaterThan(0);
      for (const pl of p.places) {
        const text = readFileSync(path.join(ROOT, pl.file), 'utf8').split('\n');
        expect(pl.line, `${pl.file}:${pl.line}`).toBeGreaterThan(0);
        expect(pl.line, `${pl.file}:${pl.line}`).toBeLessThanOrEqual(text.length);
        // a catalog place is the line of the item it names (the built-in catalog may be read from JSON, without positions)
        const item = /^事项 (\S+)/.exec(pl.what)?.[1];
        if (pl.file.endsWith('.catalog.yaml') && item) expect(text[pl.line - 1], `${pl.file}:${pl.line}`).toMatch(new RegExp(`id: ${item}\\b`));
      }
    }
    const failed = out.groups.flatMap((g) => g.indicators).filter((i) => i.verdict === 'fail');
    expect(out.problems.filter((p) => p.failed).map((p) => p.indicator)).toEqual(failed.map((i) => i.id));
    expect(out.overall.result).not.toBe('pass');
  });

  it('without a date: 评价时间 not stated, the date-dependent indicators are n/a, never today', () => {
    const o = assessJson(['systems/zhanjiang']);
    expect(o.meta.date).toBeUndefined();
    expect(ind(o, 'review-period').verdict).toBe('na');
    expect(ind(o, 'planned-overdue').verdict).toBe('na');
    expect(ind(o, 'review-period').note).toContain('--date');
  });

  it('is deterministic, and table and markdown carry the parts of a 评价报告 (§9.2.3)', () => {
    const args = ['assess', 'systems/zhanjiang', '--date', '2026-12-04'];
    const t1 = runCli(args);
    expect(t1.code).toBe(0);
    expect(runCli(args).stdout).toBe(t1.stdout);
    for (const h of ['评价的依据', '评价人员：', '评价时间：2026-12-04', '评价简要过程', '各分项指标评价结果', '总体结论：', '存在问题和处理建议']) expect(t1.stdout).toContain(h);
    expect(t1.stdout).toMatch(/服务事项覆盖率\s+38\.0%（30\/79）\s+≥ 100%\s+未达标\s+49/);
    const md = runCli([...args, '-f', 'markdown']);
    expect(md.code).toBe(0);
    for (const h of ['### 评价的依据', '### 评价简要过程', '### 各分项指标评价结果', '#### 体系完整性', '### 总体结论', '### 存在问题和处理建议']) expect(md.stdout).toContain(h);
    expect(md.stdout).toContain('| 服务事项覆盖率 | 38.0%（30/79） | ≥ 100% | 未达标 |');
  });
});

// One fault per indicator; line numbers in the comments. Numbers and titles are real (data/known-standards.yaml).
const PLANTED = lines(
  'id: planted', 'title: 评价测试体系（测试用）', 'framework: gbt24421', 'catalog: ../../t.catalog.yaml', // 1-4
  'document:', '  date: "2026-03-01"', // 5-6
  'subsystems:', // 7
  '  - code: "100"', '    title: 服务通用基础标准体系', '    standards:', // 8-10
  '      - code: "100-01"', '        number: GB/T 33528-2017', '        title: 公共就业服务 术语', '        published: "2017-02-28"', '        effective: "2017-09-01"', '        reviewed: "2024-05-01"', // 11-16: fine
  '      - code: "100-02"', '        number: GB/T 33528-2017', '        title: 公共就业服务 术语', '        published: "2017-02-28"', '        effective: "2017-09-01"', '        reviewed: "2024-05-01"', // 17-22: duplicate of 11
  '      - code: "100-03"', '        number: GB/T 13016-2009', '        title: 标准体系表编制原则和要求', '        published: "2009-01-01"', '        effective: "2009-06-01"', '        reviewed: "2024-01-01"', // 23-28: replaced upstream
  '      - code: "100-04"', '        number: GB/T 24421.2-2009', '        title: 服务业组织标准化工作指南 第2部分：标准体系', '        published: "2009-09-30"', '        effective: "2009-11-01"', '        reviewed: "2024-01-01"', '        replaced_by: GB/T 24421.2-2023', // 29-35: replaced within
  '      - code: "100-05"', '        number: GB/T 33534-2017', '        title: 职业介绍服务规范', '        published: "2017-03-09"', '        effective: "2017-10-01"', '        reviewed: "2024-01-01"', '        services: [T-01]', // 36-42: title mismatch
  '      - code: "100-06"', '        number: GB/T 15498—2017', '        title: 企业标准体系 基础保障', '        published: "2017-12-29"', '        effective: "2018-07-01"', '        references: [GB/T 28222-2011]', // 43-48: non-canonical number, missing reference; review overdue
  '      - code: "999-01"', '        number: T/CQTSHRA 006-2024', '        title: 公共职业介绍服务规范', '        published: "2024-02-28"', '        effective: "2024-03-01"', // 49-53: code hierarchy, priority (no justification)
  '      - number: GB/T 15624-2011', '        title: 服务标准化工作指南', '        published: "2011-12-30"', '        effective: "2011-12-01"', '        reviewed: "2024-01-01"', // 54-58: no code, date order
  '      - code: "100-09"', '        title: 待制定的服务指南', '        kind: guide', '        status: planned', '        due: "2025"', '        undertaker: 测试单位', '        services: [T-02]', // 59-65: planned overdue
  '      - code: "100-10"', '        title: 待制定的操作规程', '        status: planned', '        due: "2026-03"', '        undertaker: 测试单位', // 66-70: due not passed on 2026-03-01 (month not over)
  '      - code: "100-11"', '        title: 没有计划的标准', '        status: planned', // 71-73: missing due, undertaker
  '  # hrss-std-disable-next-line empty-subsystem', // 74: suppression without reason
  '  - code: "200"', '    title: 服务保障标准体系', '    standards: []', // 75-77: framework part with no rows
);
const T_CATALOG = lines('id: tc', 'title: 评价测试目录（测试用）', 'projects:', '  - id: T', '    name: 测试项目', '    items:',
  '      - { id: T-01, name: 事项一, target: 个人 }', '      - { id: T-02, name: 事项二, target: 用人单位 }');

describe('assess on a system with planted faults', () => {
  const dir = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED });
  const F = 'systems/p/system.yaml';
  const out = assessJson([], dir);

  it('takes 评价时间 from document.date when it names a day; no assessor is stated, not guessed', () => {
    expect(out.meta).toMatchObject({ date: '2026-03-01', dateSource: 'document' });
    expect(out.meta.assessor).toBeUndefined();
  });

  it('completeness', () => {
    // gbt24421 has three parts: 服务通用基础 present, 服务保障 present but empty, 服务提供 missing
    const fp = ind(out, 'framework-parts');
    expect([fp.part, fp.whole, fp.verdict]).toEqual([1, 3, 'fail']);
    expect(at(fp.failing)).toEqual([`${F}:75`, `${F}:3`]);
    // T-01 covered by row 36 (GB/T 33534-2017); T-02 only by a planned row
    expect(ind(out, 'item-coverage')).toMatchObject({ part: 1, whole: 2, value: 50 });
    expect(at(ind(out, 'item-coverage').failing)).toEqual([`${F}:59`]);
    // no item has both kinds (the guide is planned, so it does not count)
    expect(ind(out, 'kind-coverage')).toMatchObject({ part: 0, whole: 2, value: 0 });
    // 个人 1/1, 用人单位 0/1: the lowest group is 0 %
    expect(ind(out, 'object-coverage')).toMatchObject({ value: 0, part: 0, whole: 1, verdict: 'fail' });
    expect(ind(out, 'object-coverage').failing.map((p) => p.what)).toEqual([expect.stringContaining('用人单位')]);
  });

  it('conformity', () => {
    // 11 rows; 8 have a number, one of them written with an em dash
    expect(ind(out, 'number-valid')).toMatchObject({ part: 7, whole: 8 });
    expect(at(ind(out, 'number-valid').failing)).toEqual([`${F}:44`]);
    // every published row has its dates; the three planned rows state no level (宜定级别), 100-11 no due or undertaker either
    expect(ind(out, 'required-fields')).toMatchObject({ part: 8, whole: 11 });
    expect(at(ind(out, 'required-fields').failing)).toEqual([`${F}:59`, `${F}:66`, `${F}:71`]);
    expect(ind(out, 'required-fields').failing[2]!.what).toContain('缺宜定级别、计划完成时间、承担单位');
    // 2 nodes + 11 rows; the row without code and 999-01 under 100 fall short
    expect(ind(out, 'code-hierarchy')).toMatchObject({ part: 11, whole: 13 });
    expect(at(ind(out, 'code-hierarchy').failing).sort()).toEqual([`${F}:49`, `${F}:54`].sort());
    expect(ind(out, 'suppression-reasons')).toMatchObject({ part: 0, whole: 1, verdict: 'fail' });
    expect(at(ind(out, 'suppression-reasons').failing)).toEqual([`${F}:74`]);
  });

  it('coherence', () => {
    expect(ind(out, 'duplicates')).toMatchObject({ value: 2, verdict: 'fail' });
    expect(at(ind(out, 'duplicates').failing)).toEqual([`${F}:12`, `${F}:18`]);
    expect(ind(out, 'replaced-listed')).toMatchObject({ value: 1 });
    expect(at(ind(out, 'replaced-listed').failing)).toEqual([`${F}:30`]); // at its number
    expect(ind(out, 'missing-references')).toMatchObject({ value: 1 });
    expect(ind(out, 'missing-references').failing[0]!.what).toContain('GB/T 28222-2011');
    expect(ind(out, 'priority')).toMatchObject({ value: 1 });
    expect(ind(out, 'priority').failing[0]!.what).toContain('T/CQTSHRA 006-2024');
    // title of GB/T 33534-2017; effective before published on GB/T 15624-2011
    expect(ind(out, 'conflicts').value).toBe(2);
    expect(at(ind(out, 'conflicts').failing)).toEqual([`${F}:38`, `${F}:57`]);
  });

  it('effectiveness', () => {
    // 8 rows in force of 11
    expect(ind(out, 'share-current')).toMatchObject({ part: 8, whole: 11, value: pct(8, 11) });
    // current rows reviewed 2024, or published 2017/2024; GB/T 15498 (published 2017-12-29, never reviewed) is overdue on 2026-03-01,
    // T/CQTSHRA (2024) is not; 100-03 is replaced upstream and 100-04 states replaced_by, so review-due skips both
    const rp = ind(out, 'review-period');
    expect(at(rp.failing)).toEqual([`${F}:46`]); // at the published date it counts from
    expect(rp.whole).toBe(8);
    expect(ind(out, 'planned-overdue')).toMatchObject({ value: 1 });
    expect(at(ind(out, 'planned-overdue').failing)).toEqual([`${F}:63`]);
    expect(ind(out, 'replaced-upstream')).toMatchObject({ value: 1 });
    expect(at(ind(out, 'replaced-upstream').failing)).toEqual([`${F}:24`]);
  });

  it('groups, conclusion and problems follow the verdicts', () => {
    const all = out.groups.flatMap((g) => g.indicators);
    for (const g of out.groups) {
      const mine = g.indicators.filter((i) => i.verdict !== 'na');
      const pass = mine.filter((i) => i.verdict === 'pass').length;
      expect(g.score, g.id).toBe(pct(pass, mine.length));
      expect(g.result, g.id).toBe(pass === mine.length ? 'pass' : pct(pass, mine.length) >= 60 ? 'basic' : 'fail');
    }
    expect(out.overall.conclusion).toContain(`达标 ${all.filter((i) => i.verdict === 'pass').length} 项`);
    expect(out.problems.filter((p) => p.failed)).toHaveLength(all.filter((i) => i.verdict === 'fail').length);
  });

  it('thresholds and weights from .hrss-std.yaml change the verdicts; a rule turned off makes its indicator n/a', () => {
    const cfg = lines('assess:', '  thresholds: { duplicates: 2, item-coverage: 50 }', '  weights: { item-coverage: 3 }', 'rules: { priority: off }');
    const d = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED, '.hrss-std.yaml': cfg });
    const o = assessJson([], d);
    expect(ind(o, 'duplicates')).toMatchObject({ verdict: 'pass', threshold: 2 });
    expect(ind(o, 'item-coverage')).toMatchObject({ verdict: 'pass', threshold: 50 });
    expect(ind(o, 'priority').verdict).toBe('na');
    expect(ind(o, 'priority').note).toContain('priority');
    const bad = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED, '.hrss-std.yaml': lines('assess:', '  thresholds: { no-such-indicator: 1 }') });
    const r = runCli(['assess'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.hrss-std.yaml');
  });

  it('rejects a bad --date and an unknown format with exit 2', () => {
    expect(runCli(['assess', '--date', '2026-13-01'], { cwd: dir }).code).toBe(2);
    expect(runCli(['assess', '--date', '2026'], { cwd: dir }).stderr).toContain('YYYY-MM-DD');
    expect(runCli(['assess', '-f', 'csv'], { cwd: dir }).code).toBe(2);
  });

  it('several systems: one assessment each, then a side-by-side table', () => {
    const d = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED, 'systems/q/system.yaml': PLANTED.replace('id: planted', 'id: second') });
    const r = runCli(['assess', '--date', '2026-03-01'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('各体系对照（2 个体系；✓ 达标，✗ 未达标，— 不适用）');
    expect(r.stdout).toMatch(/重复列入的标准行\s+2 ✗\s+2 ✗/);
    const j = JSON.parse(runCli(['assess', '-f', 'json'], { cwd: d }).stdout);
    expect(j.systems.map((s: Out) => s.system.id)).toEqual(['planted', 'second']);
  });
});

describe('overall result', () => {
  it('is 不符合 when any group is 不符合, even if the weighted pass rate reaches basic_score', () => {
    const o = assessJson(['systems/zhanjiang', '--date', '2026-12-04']);
    const all = o.groups.flatMap((g) => g.indicators).filter((i) => i.verdict !== 'na');
    const rate = pct(all.filter((i) => i.verdict === 'pass').length, all.length);
    expect(o.overall.score).toBe(rate);
    expect(rate).toBeGreaterThanOrEqual(60);
    expect(o.groups.find((g) => g.id === 'completeness')!.result).toBe('fail');
    expect(o.overall.result).toBe('fail');
    expect(o.overall.conclusion).toMatch(/^总体结论：不符合（加权达标率 [\d.]+%）。/);
  });
});

describe('assess --baseline (the trend between two revisions)', () => {
  it('compares each indicator with an earlier assess -f json of the same system', () => {
    const dir = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED });
    const before = runCli(['assess', '-f', 'json', '-o', 'before.json'], { cwd: dir });
    expect(before.code, before.stderr).toBe(0);
    // the next revision: the duplicate (lines 17-22) removed, and T-02 gets a guide in force (LD/T 01-2020, data/known-standards.yaml)
    const next = PLANTED.split('\n').filter((_, i) => i < 16 || i > 21).join('\n')
      .replace('        title: 待制定的服务指南\n        kind: guide\n        status: planned\n        due: "2025"',
        '        title: 社会保险网上经办服务指南\n        kind: guide\n        number: LD/T 01-2020\n        published: "2020-01-01"\n        effective: "2020-02-01"');
    const d2 = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': next, 'before.json': readFileSync(path.join(dir, 'before.json')) });
    const r = runCli(['assess', '-f', 'json', '--baseline', 'before.json'], { cwd: d2 });
    expect(r.code, r.stderr).toBe(0);
    const now: Out & { trend: { better: number; worse: number; entries: { indicator: string; before?: number; after?: number; change: string }[] } } = JSON.parse(r.stdout).systems[0];
    const was: Out = JSON.parse(readFileSync(path.join(dir, 'before.json'), 'utf8')).systems[0];
    const e = (id: string) => now.trend.entries.find((x) => x.indicator === id)!;
    expect(e('duplicates')).toMatchObject({ before: 2, after: 0, change: 'better' });
    expect(e('item-coverage')).toMatchObject({ before: 50, after: 100, change: 'better' });
    // recount every change from the two files
    const all = now.groups.flatMap((g) => g.indicators);
    const changes = all.map((i) => {
      const b = ind(was, i.id);
      if (b.value === undefined || i.value === undefined) return 'incomparable';
      const diff = i.value - b.value;
      return diff === 0 ? 'same' : (i.whole !== undefined || b.whole !== undefined ? diff > 0 : diff < 0) ? 'better' : 'worse';
    });
    expect(now.trend.entries.map((x) => x.change)).toEqual(changes);
    expect(now.trend.better).toBe(changes.filter((c) => c === 'better').length);
    expect(now.trend.worse).toBe(changes.filter((c) => c === 'worse').length);
    const table = runCli(['assess', '--baseline', 'before.json'], { cwd: d2 }).stdout;
    expect(table).toMatch(new RegExp(`与上次评价比较（上次评价时间：2026-03-01，上次结论：[^）]+）：变好 ${now.trend.better} 项，变差 ${now.trend.worse} 项`));
    expect(table).toMatch(/重复列入的标准行\s+2\s+0\s+变好/);
  });

  it('a file that is not an assessment is a usage error (exit 2)', () => {
    const dir = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED, 'x.json': '{"format":"hrss-std-gaps-baseline"}', 'y.json': '{' });
    const r = runCli(['assess', '--baseline', 'x.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 hrss-std assess -f json 的输出');
    expect(runCli(['assess', '--baseline', 'y.json'], { cwd: dir }).stderr).toContain('不是有效的 JSON');
    expect(runCli(['assess', '--baseline', 'missing.json'], { cwd: dir }).code).toBe(2);
  });
});

describe('assess where the data cannot say', () => {
  it('a system without a catalog and with framework: none: those indicators are n/a, each with its reason', () => {
    const sys = PLANTED.replace('framework: gbt24421', 'framework: none').replace('catalog: ../../t.catalog.yaml\n', '');
    const dir = tempTree({ 'systems/p/system.yaml': sys });
    const o = assessJson(['--date', '2026-03-01'], dir);
    for (const id of ['item-coverage', 'kind-coverage', 'object-coverage']) {
      expect(ind(o, id).verdict, id).toBe('na');
      expect(ind(o, id).note, id).toContain('服务事项目录');
    }
    expect(ind(o, 'framework-parts')).toMatchObject({ verdict: 'na', note: expect.stringContaining('framework: none') });
    // the rest is still assessed
    expect(ind(o, 'duplicates').value).toBe(2);
  });
});

describe('institution coverage places', () => {
  it('a GB/T 24421 system: missing aspects point at its 服务保障 part; the sample (zhanjiang-7): at subsystems:', () => {
    const dir = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED });
    const inst = ind(assessJson(['--date', '2026-03-01'], dir), 'institution-coverage');
    expect(inst.failing.length).toBeGreaterThan(0);
    for (const p of inst.failing) expect(`${p.file}:${p.line}`).toBe('systems/p/system.yaml:75');
    const sample = ind(assessJson(['systems/zhanjiang']), 'institution-coverage');
    const text = readFileSync(path.join(ROOT, 'systems/zhanjiang/system.yaml'), 'utf8').split('\n');
    for (const p of sample.failing) expect(text[p.line - 1]).toBe('subsystems:');
  });
});

describe('a system with schema errors', () => {
  it('is still assessed, and the report says its figures may be incomplete', () => {
    const dir = tempTree({ 't.catalog.yaml': T_CATALOG, 'systems/p/system.yaml': PLANTED.replace('title: 评价测试体系（测试用）', 'title: 评价测试体系（测试用）\nno_such_field: 1') });
    const r = runCli(['assess', '--date', '2026-03-01'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/注意：体系文件有 \d+ 处读取或结构错误（hrss-std validate 列出），部分数字可能不完整/);
    const j = JSON.parse(runCli(['assess', '-f', 'json'], { cwd: dir }).stdout).systems[0];
    expect(j.loadErrors).toBeGreaterThan(0);
  });
});
