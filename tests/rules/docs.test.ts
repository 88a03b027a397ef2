import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';

const doc = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');

/** The text of the "## `id`" section, up to the next section. */
function section(id: string): string | undefined {
  const start = doc.indexOf('\n## `' + id + '`\n');
  if (start === -1) return undefined;
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

describe('docs/rules.md', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('has a section for %s with its severity and summary', (_id, rule) => {
    const s = section(rule.id);
    expect(s, `docs/rules.md has no section "## \`${rule.id}\`"`).toBeDefined();
    expect(s).toContain(`**默认级别 / default:** \`${rule.severity}\``);
    expect(s).toContain(rule.description.zh);
    expect(s).toContain(rule.description.en);
  });

  it('carries the full docs text of the domain rules of src/rules', () => {
    for (const r of RULES.filter((x) => x.check && x.id !== 'priority' && x.id !== 'service-gap')) {
      const s = section(r.id)!;
      expect(s.includes(r.docs.zh), `${r.id}: docs.zh differs from docs/rules.md`).toBe(true);
      expect(s.includes(r.docs.en), `${r.id}: docs.en differs from docs/rules.md`).toBe(true);
    }
  });

  it('documents no rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const documented = [...doc.matchAll(/^## `([a-z-]+)`$/gm)].map((m) => m[1]!);
    expect(documented.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every rule with a check a bilingual docs paragraph of substance', () => {
    for (const r of RULES.filter((x) => x.check)) {
      expect(r.docs.zh.length, r.id).toBeGreaterThan(80);
      expect(r.docs.en.length, r.id).toBeGreaterThan(120);
    }
  });
});
