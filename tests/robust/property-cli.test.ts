import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { edit, fcParams, sampleRepo, structuralMutation, textMutation, writeEdited } from './mutate.js';

/** The same damage through the real CLI (a subprocess per run, so few runs): exit 0/1/2, JSON out, no stack trace. */
describe('property: the CLI on damaged systems', () => {
  it('answers every damaged system with a located JSON report and exit code 0, 1 or 2', () => {
    const dir = sampleRepo();
    fc.assert(
      fc.property(edit(fc.oneof(textMutation, structuralMutation)), (e) => {
        writeEdited(dir, e);
        const r = runCli(['validate', '-f', 'json'], { cwd: dir });
        expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$|internal error|内部错误/m);
        expect([0, 1, 2]).toContain(r.code);
        const out = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string }[] };
        for (const d of out.diagnostics) {
          expect(d.file && d.rule && d.line >= 1 && d.column >= 1, JSON.stringify(d)).toBeTruthy();
        }
        if (r.code === 0) expect(out.diagnostics.every((d) => (d as unknown as { severity: string }).severity !== 'error')).toBe(true);
      }),
      { ...fcParams(40), endOnFailure: true }, // shrinking would spawn hundreds more processes
    );
  }, 300_000);
});
