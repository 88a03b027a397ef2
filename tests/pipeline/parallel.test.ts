import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { loadConfig } from '../../src/config/config.js';
import { PARALLEL_MIN_BYTES, splitShares, threadCount, validateParallel, WORKER } from '../../src/pipeline/parallel.js';
import { validate } from '../../src/pipeline/validate.js';

// Worker threads must not change a single byte of the result: same systems in the same order,
// same diagnostics in the same order, same summary.
describe('validate on worker threads', () => {
  it('gives exactly the sequential result on a generated repository with planted faults', async () => {
    const { generateRepo } = (await import(path.join(ROOT, 'bench/generate.js'))) as { generateRepo: (o: Record<string, unknown>) => unknown };
    const dir = mkdtempSync(path.join(tmpdir(), 'hrss-par-'));
    generateRepo({ systems: 7, standards: 150, includes: 3, seed: 5, faultRate: 0.05, out: dir });
    const config = loadConfig(dir);
    // the worker script is the built one (tests/global-setup.ts builds dist/): without it the
    // comparison below would be sequential against sequential
    expect(existsSync(WORKER)).toBe(true);
    const seq = validate([], config, dir, { keepModels: false });
    expect(seq.diagnostics.length).toBeGreaterThan(20);
    for (const threads of [2, 3]) {
      const par = await validateParallel([], config, dir, { threads, minBytes: 0 });
      expect(JSON.stringify(par)).toBe(JSON.stringify(seq));
    }
    // a path argument that matches nothing is still reported
    const missing = await validateParallel(['nope', 'systems'], config, dir, { threads: 2, minBytes: 0 });
    expect(missing.missing).toEqual(['nope']);
    expect(missing.ioError).toBe(true);
    expect(missing.diagnostics).toEqual(seq.diagnostics);
  });

  it('splits systems into contiguous shares of about equal size', () => {
    expect(splitShares(['a', 'b', 'c', 'd'], [1, 1, 1, 1], 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(splitShares(['a', 'b', 'c'], [10, 1, 1], 2)).toEqual([['a'], ['b', 'c']]);
    expect(splitShares(['a', 'b'], [1, 1], 3)).toEqual([['a'], ['b']]);
  });

  it('takes the thread count from HRSS_STD_THREADS, one thread by default', () => {
    expect(threadCount({ HRSS_STD_THREADS: '1' })).toBe(1);
    expect(threadCount({ HRSS_STD_THREADS: '2' })).toBe(2);
    // opt-in: without the variable (or with nonsense) one thread
    expect(threadCount({})).toBe(1);
    expect(threadCount({ HRSS_STD_THREADS: 'x' })).toBe(1);
  });

  it('hrss-std validate prints the same on two threads as on one, above the size where threads start', async () => {
    const { generateRepo } = (await import(path.join(ROOT, 'bench/generate.js'))) as { generateRepo: (o: Record<string, unknown>) => { bytes: number } };
    const dir = mkdtempSync(path.join(tmpdir(), 'hrss-par-cli-'));
    const m = generateRepo({ systems: 8, standards: 2000, includes: 3, seed: 9, faultRate: 0.02, out: dir });
    expect(m.bytes).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const one = runCli(['validate', '-f', 'json'], { cwd: dir, env: { HRSS_STD_THREADS: '1' } });
    const two = runCli(['validate', '-f', 'json'], { cwd: dir, env: { HRSS_STD_THREADS: '2' } });
    expect(one.code).toBe(1); // the planted faults
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).summary.systems).toBe(8);
  }, 60_000);
});
