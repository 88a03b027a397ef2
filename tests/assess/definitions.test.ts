import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/assess/definitions.js';
import { ROOT } from '../helpers.js';

describe('the indicator definitions', () => {
  it('docs/assess.md lists every indicator with its default threshold and reason', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/assess.md'), 'utf8');
    for (const d of INDICATORS) {
      const t = d.measure === 'percent' ? `≥ ${d.threshold}%` : `≤ ${d.threshold}`;
      expect(doc, d.id).toContain(`| \`${d.id}\` | ${d.title.zh} | ${t} | ${d.reason.zh} |`);
    }
  });

  it('the config schema accepts exactly these ids for thresholds and weights', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/config.schema.json'), 'utf8'));
    const ids = INDICATORS.map((d) => d.id);
    expect(schema.properties.assess.properties.thresholds.propertyNames.enum).toEqual(ids);
    expect(schema.properties.assess.properties.weights.propertyNames.enum).toEqual(ids);
  });
});
