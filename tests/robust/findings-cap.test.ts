import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { MAX_PER_RULE_AND_FILE } from '../../src/rules/run.js';

type Json = { diagnostics: { rule: string; severity: string; line: number; message: string }[] };

function system(subsystems: string): string {
  return `id: cap\ntitle: 问题数上限测试\nframework: none\nsubsystems:\n${subsystems}`;
}

describe('findings per rule and file are capped, and the rest are counted, not lost', () => {
  it('lists 500 empty-subsystem warnings of 700 and says 200 more, at the last listed place', () => {
    const subs = Array.from({ length: 700 }, (_, i) => `  - code: "${100 + i}"\n    title: 空子体系${i}\n`).join('');
    const dir = tempTree({ 'system.yaml': system(subs) });
    const r = runCli(['validate', '-f', 'json', 'system.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    const empty = j.diagnostics.filter((d) => d.rule === 'empty-subsystem');
    expect(empty).toHaveLength(MAX_PER_RULE_AND_FILE + 1);
    const closing = empty.find((d) => d.message.includes('未列出'))!;
    expect(closing.message).toBe(`此文件中规则 empty-subsystem 另有 200 条同类问题未列出（每个文件每条规则最多列出 ${MAX_PER_RULE_AND_FILE} 条）`);
    expect(closing.severity).toBe('warning');
    expect(closing.line).toBe(Math.max(...empty.filter((d) => d !== closing).map((d) => d.line)));
  });

  it('keeps the exit code of errors past the cap', () => {
    const rows = Array.from({ length: 520 }, (_, i) => `      - number: "XX ${i}"\n        title: 标准${i}\n        status: current\n        level: national\n`).join('');
    const dir = tempTree({ 'system.yaml': system(`  - code: "100"\n    title: 基础\n    standards:\n${rows}`) });
    const r = runCli(['validate', '-f', 'json', 'system.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as Json;
    const byRule = new Map<string, number>();
    for (const d of j.diagnostics) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
    for (const [rule, n] of byRule) expect(n, rule).toBeLessThanOrEqual(MAX_PER_RULE_AND_FILE + 1);
    const closing = j.diagnostics.find((d) => d.message.includes('另有 20 条'))!;
    expect(closing.severity).toBe('error');
  });
});
