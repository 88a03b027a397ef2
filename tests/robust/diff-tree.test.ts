import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers.js';

/**
 * `diff` materialises git trees into a temporary folder. A pull request can carry a tree crafted
 * with `git mktree` (entries named "..", ".git", duplicates…), so these tests build such commits
 * and check that nothing lands outside the temporary folder, which is itself always removed.
 */

const STACK = /^\s+at .+[:(]\d+:\d+\)?$|internal error|内部错误/m;
const SYSTEM = 'id: demo\ntitle: 测试体系\nsubsystems:\n  - { code: "100", title: 基础通用标准体系 }\n';

function git(repo: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: repo, input, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } }).trim();
}

/** A repository with one ordinary commit (a system), and a private TMPDIR under `base`. */
function setup(config = '') {
  const base = mkdtempSync(path.join(tmpdir(), 'hrss-difftree-'));
  const repo = path.join(base, 'repo');
  const tmp = path.join(base, 'tmp');
  mkdirSync(path.join(repo, 'systems', 'demo'), { recursive: true });
  mkdirSync(tmp);
  writeFileSync(path.join(repo, 'systems', 'demo', 'system.yaml'), SYSTEM);
  if (config) writeFileSync(path.join(repo, '.hrss-std.yaml'), config);
  git(repo, ['init', '-q']);
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'v1']);
  return { base, repo, tmp };
}

type Tree = { [name: string]: string | Tree };

/** Write `tree` with `git mktree` (which accepts names `git add` never would). */
function mktree(repo: string, tree: Tree | [string, string | Tree][]): string {
  const entries = Array.isArray(tree) ? tree : Object.entries(tree);
  const lines = entries.map(([name, v]) => typeof v === 'string'
    ? `100644 blob ${git(repo, ['hash-object', '-w', '--stdin'], v)}\t${name}`
    : `040000 tree ${mktree(repo, v)}\t${name}`);
  return git(repo, ['mktree'], lines.join('\n') + '\n');
}

function commit(repo: string, tree: string): string {
  return git(repo, ['commit-tree', tree, '-p', 'HEAD', '-m', 'crafted']);
}

/** Everything below `base` except the repository itself. */
function strayFiles(base: string): string[] {
  return readdirSync(base, { recursive: true }).map(String).filter((p) => p !== 'repo' && !p.startsWith(`repo${path.sep}`) && p !== 'tmp');
}

function runDiff(repo: string, tmp: string, rev: string) {
  return runCli(['diff', rev, 'HEAD'], { cwd: repo, env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
}

describe('diff: crafted git trees', () => {
  const ordinary: Tree = { systems: { demo: { 'system.yaml': SYSTEM } } };

  it.each([
    ['"..": climbing out of the temporary folder', { ...ordinary, '..': { '..': { 'evil.yaml': 'pwned: 1\n' } } }, '".."'],
    ['"." segment', { ...ordinary, '.': { 'evil.yaml': 'pwned: 1\n' } }, '"."'],
    ['".git" folder', { ...ordinary, '.git': { 'config.yaml': 'x: 1\n' } }, '.git'],
    ['".GIT" as a case-insensitive file system sees it', { ...ordinary, '.GIT': { 'hooks.yaml': 'x: 1\n' } }, '.git'],
    ['a backslash in a name', { ...ordinary, 'a\\..\\b.yaml': 'x: 1\n' }, 'backslash'],
  ] as [string, Tree, string][])('%s is refused with exit 2 and nothing written outside', (_name, tree, why) => {
    const { base, repo, tmp } = setup();
    const rev = commit(repo, mktree(repo, tree));
    const r = runDiff(repo, tmp, rev);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/odd tree entry|异常条目/);
    expect(runCli(['diff', rev, 'HEAD', '--lang', 'en'], { cwd: repo, env: { TMPDIR: tmp } }).stderr).toContain(why);
    expect(strayFiles(base)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a duplicate entry is refused', () => {
    const { base, repo, tmp } = setup();
    const rev = commit(repo, mktree(repo, [['systems', ordinary.systems as Tree], ['x.yaml', 'a: 1\n'], ['x.yaml', 'a: 2\n']]));
    const r = runCli(['diff', rev, 'HEAD', '--lang', 'en'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('"x.yaml"');
    expect(r.stderr).toContain('duplicate');
    expect(strayFiles(base)).toEqual([]);
  });

  it('a name that is both a file and a folder is refused', () => {
    const { repo, tmp } = setup();
    const rev = commit(repo, mktree(repo, [['systems', ordinary.systems as Tree], ['a.yaml', 'a: 1\n'], ['a.yaml', { 'b.yaml': 'b: 1\n' }]]));
    const r = runCli(['diff', rev, 'HEAD', '--lang', 'en'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a blob over the size limit is refused from its size, before it is read', () => {
    const { base, repo, tmp } = setup('limits:\n  max_file_bytes: 2000\n');
    const big = SYSTEM + `# ${'x'.repeat(3000)}\n`;
    const rev = commit(repo, mktree(repo, { '.hrss-std.yaml': 'limits:\n  max_file_bytes: 2000\n', systems: { demo: { 'system.yaml': big } } }));
    const r = runCli(['diff', rev, 'HEAD', '--lang', 'en'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`systems/demo/system.yaml in revision ${rev.slice(0, 7)} is ${Buffer.byteLength(big)} bytes, over the per-file limit of 2000 bytes`);
    expect(strayFiles(base)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('an ordinary revision still diffs, and its temporary folder is removed', () => {
    const { repo, tmp } = setup();
    const rev = commit(repo, mktree(repo, { systems: { demo: { 'system.yaml': SYSTEM.replace('基础通用标准体系', '基础通用') } } }));
    const r = runCli(['diff', rev, 'HEAD', '--lang', 'en', '-f', 'json'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('基础通用');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('SIGTERM while a revision is being copied: the temporary folder is removed, and the run ends by that signal', async () => {
    const { base, repo, tmp } = setup();
    const rev = commit(repo, mktree(repo, { systems: { demo: { 'system.yaml': SYSTEM.replace('基础通用标准体系', '基础通用') } } }));
    // a git that takes its time reading the blobs, so the signal arrives while the folder exists
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const fakeBin = path.join(base, 'bin');
    mkdirSync(fakeBin);
    writeFileSync(path.join(fakeBin, 'git'), `#!/bin/sh\ncase "$*" in *cat-file*) sleep 1.5;; esac\nexec "${realGit}" "$@"\n`);
    chmodSync(path.join(fakeBin, 'git'), 0o755);
    const child = spawn(process.execPath, [BIN, 'diff', rev, 'HEAD'], {
      cwd: repo,
      env: { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, TMPDIR: tmp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 20_000;
    while (!readdirSync(tmp).some((f) => f.startsWith('hrss-std-diff-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const made = readdirSync(tmp);
    expect(made.some((f) => f.startsWith('hrss-std-diff-')), 'the temporary folder appeared').toBe(true);
    child.kill('SIGTERM');
    const { code, signal } = await ended;
    expect(stderr).not.toMatch(STACK);
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(path.join(tmp, made[0]!))).toBe(false);
  }, 30_000);

  it('an unwritable temporary folder gives a message, not an internal error', () => {
    const { repo } = setup();
    const r = runCli(['diff', 'HEAD', 'HEAD', '--lang', 'en'], { cwd: repo, env: { TMPDIR: path.join(repo, 'systems', 'demo', 'system.yaml', 'no') } });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
  });
});

describe('diff: random trees never write outside the temporary folder (property)', () => {
  const name = fc.constantFrom('..', '.', '.git', 'a', 'b.yaml', 'system.yaml', 'systems', 'demo', '.hrss-std.yaml', 'c.yml', 'x\\y.yaml');
  const content = fc.constantFrom('pwned: 1\n', SYSTEM, 'include: ../../../etc/passwd\n', 'a: [\n');
  const tree: fc.Arbitrary<[string, string | Tree][]> = fc.letrec<{ t: [string, string | Tree][] }>((tie) => ({
    t: fc.array(fc.tuple(name, fc.oneof({ depthSize: 'small' }, content, tie('t').map((t) => Object.fromEntries(t) as Tree))), { minLength: 1, maxLength: 4 }),
  })).t;

  it('holds for 15 random trees', () => {
    const { base, repo, tmp } = setup();
    fc.assert(fc.property(tree, (entries) => {
      let rev: string;
      try {
        rev = commit(repo, mktree(repo, entries));
      } catch {
        return true; // git itself refused the tree (e.g. an empty name): nothing to diff
      }
      const r = runDiff(repo, tmp, rev);
      expect(r.stderr).not.toMatch(STACK);
      expect([0, 1, 2]).toContain(r.code);
      expect(strayFiles(base)).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
      return true;
    }), { numRuns: 15, seed: 17 });
  }, 120_000);
});
