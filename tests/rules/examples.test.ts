import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { HEAD, lines, lint, of } from './lint.js';

/**
 * The fault/fix examples of docs/rules.md (Rule.example) are fragments; this says where each one
 * goes in a small system: the keys of one row, rows under sub-system 101, top-level sub-systems, or
 * the top of system.yaml. A rule with an example and no entry here fails the test.
 */
const PLACE: Record<string, 'row' | 'rows' | 'nodes' | 'system'> = {
  'number-format': 'rows',
  'number-canonical': 'row',
  'number-unusual': 'row',
  'unknown-industry-code': 'row',
  'level-mismatch': 'rows',
  'year-mismatch': 'row',
  'date-order': 'row',
  'status-date': 'row',
  'status-replaced': 'rows',
  'title-mismatch': 'row',
  'review-due': 'row',
  'duplicate-number': 'rows',
  'duplicate-code': 'nodes',
  'code-hierarchy': 'nodes',
  'framework-structure': 'system',
  'empty-subsystem': 'nodes',
  'missing-reference': 'rows',
  'text-characters': 'rows',
  'unknown-service': 'row',
};

const indent = (text: string, n: number) => text.trimEnd().split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

/** system.yaml holding the fragment `yaml` of rule `id`. */
function systemWith(id: string, yaml: string): string {
  // "…" in an example stands for keys left out
  const y = yaml.replace(/, …/g, '');
  const catalog = id === 'unknown-service' ? ['catalog: hrss-basic'] : [];
  switch (PLACE[id]) {
    case 'system':
      return lines('id: t', 'title: 测试体系', ...catalog, y.trimEnd());
    case 'nodes':
      return lines('id: t', 'title: 测试体系', ...catalog, 'subsystems:', indent(y, 2));
    case 'rows':
      return lines(HEAD[0]!, HEAD[1]!, ...catalog, ...HEAD.slice(2), indent(y, 10));
    case 'row': {
      const keys = y.trimEnd().split('\n');
      if (!keys.some((k) => k.startsWith('title:'))) keys.push('title: 某标准');
      const row = keys.map((k, i) => (i === 0 ? '- ' : '  ') + k).join('\n');
      return lines(HEAD[0]!, HEAD[1]!, ...catalog, ...HEAD.slice(2), indent(row, 10));
    }
    default:
      throw new Error(`${id} has an example: say where it goes in PLACE of tests/rules/examples.test.ts`);
  }
}

describe('the fault/fix examples of the rule modules (docs/rules.md)', () => {
  const withExample = RULES.filter((r) => r.example);

  it('cover the rules they are meant to', () => {
    expect(withExample.map((r) => r.id).sort()).toEqual(Object.keys(PLACE).sort());
  });

  it.each(withExample.map((r) => [r.id, r] as const))('%s: the fault is reported, the fix is not, both are valid YAML and schema', (id, r) => {
    const bad = lint(systemWith(id, r.example!.bad));
    const good = lint(systemWith(id, r.example!.good));
    for (const [name, ds] of [['fault', bad], ['fix', good]] as const) {
      // an example shows the keys that matter: rows may leave out their title
      const load = ds.filter((d) => RULES.find((x) => x.id === d.rule && !x.check) && d.message.en !== 'missing required key "title"');
      expect(load.map((d) => `${d.rule} ${d.line}: ${d.message.en}`), `${id} ${name}`).toEqual([]);
    }
    expect(of(bad, id).length, `${id}: the fault is not reported`).toBeGreaterThan(0);
    expect(of(good, id).map((d) => d.message.en), `${id}: the fix is reported`).toEqual([]);
  });
});
