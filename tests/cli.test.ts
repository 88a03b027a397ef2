import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';

describe('hrss-std validate (end to end)', () => {
  it('passes the bundled sample with exit code 0', () => {
    const r = runCli(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // no finding of severity error (warnings such as review-due are expected: no review dates are recorded)
    expect(r.stdout).not.toMatch(/^\s*\d+:\d+\s+错误/m);
    expect(r.stdout).toMatch(/0 个错误|未发现问题/);
  });

  it('reports schema faults with file:line:column and exits 1', () => {
    const dir = tempTree({
      'systems/a/system.yaml': 'id: a\ntitle: 测试\nframwork: none\nsubsystems:\n  - code: 100\n    title: x\n    standards:\n      - { number: GB/T 1.1-2020, title: t, published: 2018-13-45 }\n',
    });
    const r = runCli(['validate', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { rule: string; line: number; column: number; message: string; hint: string }[] };
    const unknown = out.diagnostics.find((d) => d.message.includes('framwork'))!;
    expect(unknown).toMatchObject({ rule: 'schema', line: 3, column: 1 });
    expect(unknown.hint).toContain('framework');
    expect(out.diagnostics.find((d) => d.message.includes('code'))).toMatchObject({ line: 5, column: 11 });
    expect(out.diagnostics.find((d) => d.message.includes('2018-13-45'))).toMatchObject({ line: 8, column: 55 });
  });

  it('exits 2 with a message, not a stack trace, for a missing path', () => {
    const r = runCli(['validate', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到体系');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 for an unknown option', () => {
    expect(runCli(['validate', '--bogus']).code).toBe(2);
  });
});
