import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import type { RuleExample } from '../../src/rules/types.js';
import { HEAD, lines, lint, of } from './lint.js';

/**
 * The fault/fix examples of docs/rules.md (Rule.example) are fragments; each says where it goes
 * (`in`: the keys of one row, rows under sub-system 101, top-level sub-systems, or the top of
 * system.yaml), and this test runs both there.
 */

/** Rules whose fault needs more than a fragment: a whole catalog, or a system's whole 编制说明. */
const WITHOUT_EXAMPLE = new Set(['priority', 'service-gap', 'document-incomplete']);

const indent = (text: string, n: number) => text.trimEnd().split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

/** system.yaml holding the fragment `yaml` of `example`, where the example says it goes. */
function systemWith(example: RuleExample, yaml: string): string {
  // "…" in an example stands for keys left out
  const y = yaml.replace(/, …/g, '');
  const catalog = example.catalog ? [`catalog: ${example.catalog}`] : [];
  switch (example.in) {
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
  }
}

describe('the fault/fix examples of the rule modules (docs/rules.md)', () => {
  const withExample = RULES.filter((r) => r.example);

  it('are written for every rule with a check, except those that need more than a fragment', () => {
    const missing = RULES.filter((r) => r.check && !r.example).map((r) => r.id).sort();
    expect(missing).toEqual([...WITHOUT_EXAMPLE].sort());
  });

  it.each(withExample.map((r) => [r.id, r] as const))('%s: the fault is reported, the fix is not, both are valid YAML and schema', (id, r) => {
    const bad = lint(systemWith(r.example!, r.example!.bad));
    const good = lint(systemWith(r.example!, r.example!.good));
    for (const [name, ds] of [['fault', bad], ['fix', good]] as const) {
      // an example shows the keys that matter: rows may leave out their title
      const load = ds.filter((d) => RULES.find((x) => x.id === d.rule && !x.check) && d.message.en !== 'missing required key "title"');
      expect(load.map((d) => `${d.rule} ${d.line}: ${d.message.en}`), `${id} ${name}`).toEqual([]);
    }
    expect(of(bad, id).length, `${id}: the fault is not reported`).toBeGreaterThan(0);
    expect(of(good, id).map((d) => d.message.en), `${id}: the fix is reported`).toEqual([]);
  });
});
