import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { validate } from '../../src/pipeline/validate.js';
import { tempTree } from '../helpers.js';
import { HEAD, lineOf, lines, of, pos, run } from './lint.js';

/** Two current rows published in 2017, both past the 5-year review period on 2026-11-21. */
const twoOld = (comment?: string) => lines(
  ...HEAD,
  '          - code: "101-01"',
  '            number: GB/T 33534-2017',
  '            title: 失业登记管理服务规范',
  ...(comment ? ['            ' + comment] : []),
  '            published: "2017-03-09"',
  '          - code: "101-02"',
  '            number: GB/T 33528-2017',
  '            title: 公共就业服务 术语',
  '            published: "2017-02-28"',
);

describe('severities from .hrss-std.yaml', () => {
  it('turns a rule off and changes another one\'s severity', () => {
    const dir = tempTree({
      '.hrss-std.yaml': lines('today: "2026-11-21"', 'rules:', '  review-due: off', '  year-mismatch: error'),
      'systems/t/system.yaml': lines(...HEAD, '          - { code: "101-01", number: GB/T 33534-2017, title: 失业登记管理服务规范, published: "2018-03-09" }'),
    });
    const config = loadConfig(dir);
    const ds = validate([], config, dir).diagnostics;
    expect(of(ds, 'review-due')).toEqual([]);
    expect(of(ds, 'year-mismatch').map((d) => d.severity)).toEqual(['error']);
    // the same system with the defaults: review-due is reported, year-mismatch is a warning
    const dflt = run(lines(...HEAD, '          - { code: "101-01", number: GB/T 33534-2017, title: 失业登记管理服务规范, published: "2018-03-09" }')).diagnostics;
    expect(of(dflt, 'review-due')).toHaveLength(1);
    expect(of(dflt, 'year-mismatch').map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('# hrss-std-disable-next-line', () => {
  it('suppresses exactly the finding on the next line when a reason is given', () => {
    const src = twoOld('# hrss-std-disable-next-line review-due -- 已于2025年复审，记录待补');
    const r = run(src);
    expect(of(r.diagnostics, 'review-due').map(pos)).toEqual([`${lineOf(src, '"2017-02-28"')}:24`]);
    expect(r.summary.suppressed).toBe(1);
    expect(of(r.diagnostics, 'suppression')).toEqual([]);
  });

  it('does not suppress without a reason, and reports the comment itself', () => {
    const src = twoOld('# hrss-std-disable-next-line review-due');
    const r = run(src);
    expect(of(r.diagnostics, 'review-due')).toHaveLength(2);
    expect(r.summary.suppressed).toBe(0);
    const sup = of(r.diagnostics, 'suppression');
    expect(sup.map((d) => d.line)).toEqual([lineOf(src, 'hrss-std-disable-next-line')]);
    expect(sup[0]!.severity).toBe('error');
  });

  it('only suppresses the rule it names', () => {
    const src = twoOld('# hrss-std-disable-next-line year-mismatch -- 不相干的规则');
    expect(of(run(src).diagnostics, 'review-due')).toHaveLength(2);
  });
});
