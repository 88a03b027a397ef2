import { describe, expect, it } from 'vitest';
import { knownStandards } from '../../src/data/known.js';
import { lint } from './lint.js';

/**
 * Every dated standard of data/known-standards.yaml, written as a system with the data's own
 * number, title, level, status and dates: real input on which the number, title, date and status
 * rules must stay silent (a false alarm here would hit every user who copies real data).
 */
describe('the known-standards data as a system', () => {
  const known = [...knownStandards().byNumber.values()];
  const q = (s: string) => JSON.stringify(s);
  const rows = known.map((k, i) => {
    const keys = [
      `code: "101-${String(i + 1).padStart(3, '0')}"`,
      `number: ${q(k.number)}`,
      `title: ${q(k.title ?? '名称待核')}`,
      k.level ? `level: ${k.level}` : '',
      `status: ${k.status ?? 'current'}`,
      k.published ? `published: "${k.published}"` : '',
      k.effective ? `effective: "${k.effective}"` : '',
      k.replaced_by ? `replaced_by: ${q(k.replaced_by)}` : '',
      k.replaces ? `replaces: [${k.replaces.map(q).join(', ')}]` : '',
      'reviewed: "2026-01-01"',
    ].filter(Boolean);
    return `          - { ${keys.join(', ')} }`;
  });
  const src = ['id: t', 'title: 已知标准', 'subsystems:', '  - code: "100"', '    title: 基础通用标准体系', '    subsystems:',
    '      - code: "101"', '        title: 已知标准', '        standards:', ...rows].join('\n') + '\n';
  const ds = lint(src);

  it('lists enough real standards to mean something', () => {
    expect(known.length).toBeGreaterThan(50);
  });

  it.each(['number-format', 'number-canonical', 'number-unusual', 'unknown-industry-code', 'level-mismatch', 'year-mismatch',
    'date-order', 'status-replaced', 'title-mismatch', 'duplicate-number', 'duplicate-code', 'code-hierarchy', 'schema'])('raises no %s', (rule) => {
    expect(ds.filter((d) => d.rule === rule).map((d) => `${d.line}: ${d.message.zh}`)).toEqual([]);
  });
});
