import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// Every documented way to install, really done: a copy of the checkout (what git holds) is packed
// with `npm pack` (which runs prepare, i.e. the build), the tarball is installed into a fresh
// project, the built tree is installed with `npm ci --omit=dev` and as a folder. From
// npm's cache where it can (--prefer-offline: `npm ci` caches tarballs but not the package documents
// that `npm install <tarball>` resolves with, so a fresh machine fetches those from the registry).

let tmp: string;
let checkout: string; // git-tracked files, node_modules linked: a developer's checkout
let tarball: string;

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

function gitFiles(into: string) {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(ROOT, f))) continue; // deleted in the work tree
    mkdirSync(path.dirname(path.join(into, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(into, f));
  }
}

function app(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  return dir;
}

const runBin = (bin: string, args: string[], cwd: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', HRSS_STD_LANG: '' } });

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hrss-std-install-'));
  checkout = path.join(tmp, 'checkout');
  gitFiles(checkout);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
  const r = npm(['pack', '--pack-destination', tmp], checkout);
  expect(r.status, r.stderr).toBe(0);
  tarball = path.join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('install', () => {
  it('npm pack ships a built dist/ with the bundle and its content stamp (prepare built it)', () => {
    const list = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of ['package/bin/hrss-std.js', 'package/dist/cli/index.js', 'package/dist/bundle/cli.bundle.cjs', 'package/dist/bundle/cli.stamp', 'package/docs/rules.md', 'package/docs/rules.intro.md', 'package/systems/zhanjiang/system.yaml']) {
      expect(list).toContain(f);
    }
    expect(list.some((f) => f.startsWith('package/src/'))).toBe(false);
  });

  it('the tarball installs offline and runs, on the bundle fast path', () => {
    const dir = app('from-tarball');
    const r = npm(['install', tarball], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/tsc: not found|ERR!/);
    const pkg = path.join(dir, 'node_modules/hrss-std');
    const v = runBin(path.join(pkg, 'bin/hrss-std.js'), ['validate', path.join(pkg, 'systems/zhanjiang')], dir);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
    // the stamp matches the installed dist/cli/index.js whatever the extracted file times: the bundle is used
    const stamp = readFileSync(path.join(pkg, 'dist/bundle/cli.stamp'), 'latin1').trim();
    expect(createHash('sha256').update(readFileSync(path.join(pkg, 'dist/cli/index.js'))).digest('hex')).toBe(stamp);
    // rules -f markdown reads the installed docs/rules.intro.md and prints the installed docs/rules.md
    const md = runBin(path.join(pkg, 'bin/hrss-std.js'), ['rules', '-f', 'markdown'], dir);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout === readFileSync(path.join(pkg, 'docs/rules.md'), 'utf8'), 'rules -f markdown differs from the installed docs/rules.md').toBe(true);
  }, 300_000);

  it('npm ci --omit=dev in a built tree: prepare needs no devDependencies', () => {
    const dir = path.join(tmp, 'built-omit-dev');
    mkdirSync(dir);
    execFileSync('tar', ['xzf', tarball, '-C', dir, '--strip-components=1']);
    cpSync(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
    const r = npm(['ci', '--omit=dev'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/tsc: not found/);
    expect(existsSync(path.join(dir, 'node_modules/typescript'))).toBe(false);
    const v = runBin(path.join(dir, 'bin/hrss-std.js'), ['validate', 'systems/zhanjiang'], dir);
    expect(v.status).toBe(0);
  }, 300_000);

  it('npm install <folder> of a built tree', () => {
    const dir = app('from-folder');
    const r = npm(['install', '--install-links', path.join(tmp, 'built-omit-dev')], dir);
    expect(r.status, r.stderr).toBe(0);
    const v = runBin(path.join(dir, 'node_modules/hrss-std/bin/hrss-std.js'), ['rules', '--lang', 'en'], dir);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('file-error');
  }, 300_000);

  it('an unbuilt checkout without devDependencies: prepare and bin say how to build (no ERR_MODULE_NOT_FOUND)', () => {
    const dir = path.join(tmp, 'unbuilt');
    gitFiles(dir);
    const p = spawnSync(process.execPath, ['scripts/prepare.js'], { cwd: dir, encoding: 'utf8' });
    expect(p.status).toBe(0);
    expect(p.stderr).toContain('npm run build');
    const v = runBin(path.join(dir, 'bin/hrss-std.js'), ['validate', 'systems/zhanjiang'], dir);
    expect(v.status).toBe(3);
    expect(v.stderr).toContain('尚未构建');
    expect(v.stderr).toContain('npm install && npm run build');
    expect(v.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|node:internal/);
  });
});
