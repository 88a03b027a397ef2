import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

// Smoke test of bench/generate.js (no timings): small, deterministic, valid in our format,
// clearly synthetic numbers, and the planted faults are what validate reports.
type Manifest = { standards: number; files: number; faults: Record<string, number>; systemFiles: string[]; includeFiles: string[] };
type Gen = { generateRepo: (o: Record<string, unknown>) => Manifest };

const SYNTHETIC = /^(GB\/T 9\d{4}|LD\/T 9\d{3}|DB44\d\d\/T 9\d{3}|T\/BENCH \d{4}|Q\/BENCH\d{4} \d{4})(\.\d+)?-20\d\d$/;
/** the same, for the planted miswritings once full-width forms, dashes and spaces are undone */
const SQUASHED = /^(GB\/T9\d{4}|LD\/T9\d{3}|DB44\d\d\/T9\d{3}|T\/BENCH\d{4}|Q\/BENCH\d{8})(\.\d+)?-20\d\d$/;

describe('bench generator', () => {
  it('writes the same valid synthetic repository for the same seed', async () => {
    const { generateRepo } = (await import(path.join(ROOT, 'bench/generate.js'))) as Gen;
    const a = mkdtempSync(path.join(tmpdir(), 'hrss-bench-'));
    const b = mkdtempSync(path.join(tmpdir(), 'hrss-bench-'));
    const opts = { systems: 2, standards: 80, includes: 2, seed: 7, faultRate: 0.1 };
    const ma = generateRepo({ ...opts, out: a });
    generateRepo({ ...opts, out: b });
    expect(ma.standards).toBe(160);
    expect(ma.files).toBe(6);
    for (const f of [...ma.systemFiles, ...ma.includeFiles]) {
      expect(readFileSync(path.join(a, f), 'utf8')).toBe(readFileSync(path.join(b, f), 'utf8'));
    }

    // every number is in a synthetic block (after undoing the planted miswritings)
    const numbers = [...ma.systemFiles, ...ma.includeFiles]
      .flatMap((f) => [...readFileSync(path.join(a, f), 'utf8').matchAll(/^\s+(?:number|replaced_by): (.+)$/gm)].map((m) => m[1]!));
    expect(numbers.length).toBeGreaterThan(80);
    const odd = numbers.filter((n) => !SYNTHETIC.test(n));
    expect(odd.length).toBe(ma.faults.nonCanonical);
    for (const n of odd) expect(n.replace(/／/g, '/').replace('GBT', 'GB/T').replace('—', '-').replace(/\s/g, '')).toMatch(SQUASHED);

    const r = runCli(['validate', '-f', 'json', '--lang', 'en'], { cwd: a });
    const diags = (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }).diagnostics;
    const count = (rule: string) => diags.filter((d) => d.rule === rule).length;
    // valid in the format: nothing from the load and schema stages
    for (const rule of ['schema', 'yaml-syntax', 'include-error', 'file-error', 'encoding', 'catalog-error', 'unknown-service']) expect(count(rule)).toBe(0);
    // the planted faults are found (at least; rules may find more)
    expect(count('number-canonical')).toBeGreaterThanOrEqual(ma.faults.nonCanonical);
    expect(count('level-mismatch')).toBeGreaterThanOrEqual(ma.faults.levelMismatch);
    expect(count('duplicate-number')).toBeGreaterThanOrEqual(ma.faults.duplicate);
    expect(count('date-order')).toBeGreaterThanOrEqual(ma.faults.dateOrder);
  });
});
