import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { validate } from '../../src/pipeline/validate.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';
import { TODAY } from './lint.js';

/** The rules of this folder (not the load/schema stage rules, not the coverage rules). */
const DOMAIN = RULES.filter((r) => r.check && r.id !== 'priority' && r.id !== 'service-gap').map((r) => r.id);

describe('the bundled sample systems/zhanjiang', () => {
  const config = { ...defaultConfig(ROOT), today: TODAY };
  const result = validate([path.join(ROOT, 'systems/zhanjiang')], config, ROOT);
  const mine = result.diagnostics.filter((d) => DOMAIN.includes(d.rule));

  it('has no errors from the domain rules', () => {
    expect(mine.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('warns only that reviews are due (no 复审 dates) and what its 编制说明 lacks', () => {
    expect([...new Set(mine.map((d) => d.rule))]).toEqual(['review-due', 'document-incomplete']);
    // the Zhanjiang guide's 编制说明 names no 编制日期, and no planned row there has a 计划完成时间 or
    // 承担单位; every sub-system carries its scope and organisation/basis/process/consultation are written
    const doc = mine.filter((d) => d.rule === 'document-incomplete');
    expect(doc).toHaveLength(37);
    expect(doc.filter((d) => d.message.zh.includes('编制日期'))).toHaveLength(1);
    expect(doc.filter((d) => d.message.zh.includes('计划完成时间（due）、承担单位（undertaker）'))).toHaveLength(36);
    expect(doc.some((d) => /编制单位|编制依据|编制过程|征求意见|范围说明/.test(d.message.zh))).toBe(false);
  });

  it('checks with the Zhanjiang framework and the catalog loaded', () => {
    expect(result.systems[0]!.system!.framework).toBe('zhanjiang-7');
    expect(result.systems[0]!.catalog?.id).toBe('hrss-basic');
  });
});
