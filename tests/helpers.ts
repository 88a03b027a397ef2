import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'hrss-std.js');

/** Run the built CLI as a subprocess (what a user or CI runs). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined as unknown as string, HRSS_STD_LANG: '', LANG: 'C', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface CliRun { code: number; stdout: string; stderr: string }

/**
 * Run many CLI invocations in one child process (tests/batch-runner.mjs): each through main() with
 * its argv, working folder and environment (on top of runCli's), stdout and stderr captured, as
 * runCli would give them. For large sets of independent cases where a process each would cost
 * more than the checks; what only a real process shows (start-up, signals, pipes) stays with runCli.
 * `variant`: the bundle bin/ runs, or dist/cli/index.js; `pkg`: the package root holding them.
 */
export function runCliMany(cases: { args: string[]; cwd?: string; env?: Record<string, string | null> }[], opts: { variant?: 'bundled' | 'plain'; pkg?: string } = {}): CliRun[] {
  const work = mkdtempSync(path.join(tmpdir(), 'hrss-std-batch-'));
  try {
    const casesFile = path.join(work, 'cases.json');
    const outFile = path.join(work, 'results.json');
    writeFileSync(casesFile, JSON.stringify(cases.map((c) => ({ args: c.args, cwd: c.cwd ?? ROOT, env: c.env }))));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'tests', 'batch-runner.mjs'), opts.variant ?? 'bundled', opts.pkg ?? ROOT, casesFile, outFile], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, HRSS_STD_LANG: '', LANG: 'C', HRSS_STD_BUNDLE: undefined },
    });
    if (r.status !== 0) throw new Error(`batch runner failed (${r.status}): ${r.stderr}`);
    return JSON.parse(readFileSync(outFile, 'utf8')) as CliRun[];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Make a temporary folder holding `files` (path → content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}
