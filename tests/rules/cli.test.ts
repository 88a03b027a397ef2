import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const FAULTY = path.join(ROOT, 'tests/fixtures/rules/faulty');

interface JsonDiag { rule: string; severity: string; line: number; column: number; message: string; hint?: string; data?: Record<string, unknown> }

describe('domain rules through the CLI', () => {
  it('reports the planted faults as JSON with positions and exits 1', () => {
    const r = runCli(['validate', '-f', 'json'], { cwd: FAULTY });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: JsonDiag[] };
    const got = out.diagnostics.map((d) => `${d.rule} ${d.severity} ${d.line}:${d.column}`);
    expect(got).toEqual([
      'number-canonical warning 11:17',
      'status-replaced error 17:17',
      'level-mismatch error 33:16',
      'unknown-service error 37:20',
    ]);
    expect(out.diagnostics[0]!.data).toMatchObject({ canonical: 'GB/T 33528-2017' });
    expect(out.diagnostics[1]!.message).toContain('GB/T 31597-2022');
  });

  it('speaks English with --lang en', () => {
    const r = runCli(['--lang', 'en', 'validate'], { cwd: FAULTY });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('level says local, but GB/T 33534-2017 is a national standard');
    expect(r.stdout).toContain('service "P05-1" is not in the catalog hrss-basic');
    expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]{4}/); // messages are English (titles aside)
  });

  it('lists every domain rule with its default severity', () => {
    const r = runCli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; default: string }[];
    const byId = new Map(rules.map((x) => [x.id, x.default]));
    expect(byId.get('number-format')).toBe('error');
    expect(byId.get('review-due')).toBe('warning');
    expect(byId.get('framework-structure')).toBe('error');
    const unusual = rules.find((x) => x.id === 'number-unusual') as unknown as { pointsAt: string; example: { bad: string }; stage: boolean };
    expect(unusual.pointsAt).toBe('编号的值或列表项');
    expect(unusual.example.bad).toContain('RBT 2142017');
    expect(unusual.stage).toBe(false);
  });

  it('prints docs/rules.md itself with --format markdown, whatever the language', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const args of [['rules', '--format', 'markdown'], ['--lang', 'en', 'rules', '--format', 'markdown']]) {
      const r = runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout === doc, `${args.join(' ')} differs from docs/rules.md`).toBe(true);
    }
  });
});
