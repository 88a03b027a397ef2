/**
 * A private build of the CLI for benchmarking: src/ compiled to bench/.work/pkg/dist with
 * schemas/ and data/ copied beside it, so other people rebuilding dist/ mid-run cannot change
 * what is being measured. node_modules resolve from the repository root (parent folders).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PKG = path.join(ROOT, 'bench/.work/pkg');
export const BIN = path.join(PKG, 'bin/hrss-std.js');

export function buildPackage({ useDist = false } = {}) {
  if (useDist) return path.join(ROOT, 'bin/hrss-std.js');
  rmSync(PKG, { recursive: true, force: true });
  mkdirSync(path.join(PKG, 'bin'), { recursive: true });
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', path.join(PKG, 'dist')], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    // tsc still emits when other people's files have type errors; only a missing cli.js is fatal
    if (!existsSync(path.join(PKG, 'dist/cli/index.js'))) throw e;
    process.stderr.write(`bench: tsc reported errors (emitted anyway):\n${String(e.stdout).slice(0, 2000)}\n`);
  }
  for (const d of ['schemas', 'data', 'templates', 'systems', 'package.json']) {
    if (existsSync(path.join(ROOT, d))) cpSync(path.join(ROOT, d), path.join(PKG, d), { recursive: true });
  }
  cpSync(path.join(ROOT, 'bin'), path.join(PKG, 'bin'), { recursive: true });
  // the rest of `npm run build`: bundled data as JSON, then the one-file bundle with its code cache
  for (const step of ['scripts/build-data.js', 'scripts/bundle.js']) {
    if (existsSync(path.join(ROOT, step))) execFileSync(process.execPath, [path.join(ROOT, step), PKG], { cwd: ROOT, stdio: 'pipe' });
  }
  return BIN;
}
