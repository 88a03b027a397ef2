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

  it('warns only that reviews are due (the sample records no 复审 dates)', () => {
    expect([...new Set(mine.map((d) => d.rule))]).toEqual(['review-due']);
  });

  it('checks with the Zhanjiang framework and the catalog loaded', () => {
    expect(result.systems[0]!.system!.framework).toBe('zhanjiang-7');
    expect(result.systems[0]!.catalog?.id).toBe('hrss-basic');
  });
});
