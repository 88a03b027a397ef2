/**
 * The pre-commit hook `hrss-std init` writes, run by the real pre-commit (Debian: apt-get install -y
 * pre-commit; .ci/run installs it). The scaffold runs the repository's installed copy of hrss-std
 * (node_modules/hrss-std, here a link to this checkout, as `npm install` would leave it) with
 * `language: system`: no download, no registry. It passes on the new repository and rejects a
 * commit whose system file has an error, showing the problem. A missing pre-commit is an error,
 * never a skip.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { ROOT, runCli } from '../helpers.js';

const PRE_COMMIT = process.env.HRSS_STD_PRE_COMMIT ?? 'pre-commit';

/** The environment of a user's shell: no variables of an enclosing git hook or of this test run's git. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')) env[k] = v;
  return { ...env, PRE_COMMIT_HOME: home, NO_COLOR: '1', LANG: 'C.UTF-8', HRSS_STD_LANG: '' };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (r.error) {
    throw new Error(`${cmd}: ${r.error.message}${cmd === PRE_COMMIT ? ' (Debian: apt-get install -y pre-commit; or set HRSS_STD_PRE_COMMIT). NOT skipping: this test fails without it.' : ''}`);
  }
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('pre-commit with the scaffold of hrss-std init', () => {
  it('passes on the new repository, fails with the problem shown after an error is planted', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'hrss-std-pre-commit-'));
    try {
      const repo = path.join(base, 'repo');
      mkdirSync(repo);
      const env = cleanEnv(path.join(base, 'pre-commit-home'));
      expect(run('git', ['init', '-q'], repo, env).code).toBe(0);
      const init = runCli(['init', '--id', 'demo'], { cwd: repo });
      expect(init.code, init.stderr).toBe(0);
      // what `npm install` leaves: the package, and its command in node_modules/.bin (for the npm scripts)
      mkdirSync(path.join(repo, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(ROOT, path.join(repo, 'node_modules', 'hrss-std'), 'dir');
      symlinkSync('../hrss-std/bin/hrss-std.js', path.join(repo, 'node_modules', '.bin', 'hrss-std'));
      expect(run('git', ['add', '-A'], repo, env).code).toBe(0);

      const ok = run(PRE_COMMIT, ['run', '--all-files'], repo, env);
      expect(ok.out).toMatch(/hrss-std validate（标准体系校验）\.+Passed/);
      expect(ok.code, ok.out).toBe(0);

      const system = path.join(repo, 'systems', 'demo', 'system.yaml');
      const text = readFileSync(system, 'utf8');
      const planted = text.replace(/( +)title: （待填写）术语与缩略语标准\n/, '$1number: GB/T 乱码-20X7\n$1title: 公共就业服务 术语\n');
      expect(planted).not.toBe(text);
      writeFileSync(system, planted);
      expect(run('git', ['add', 'systems/demo/system.yaml'], repo, env).code).toBe(0);

      const bad = run(PRE_COMMIT, ['run', '--all-files'], repo, env);
      expect(bad.code, bad.out).toBe(1);
      expect(bad.out).toMatch(/hrss-std validate（标准体系校验）\.+Failed/);
      expect(bad.out).toContain('无法识别的标准编号：“GB/T 乱码-20X7”');
      expect(bad.out).toContain('number-format');
      expect(bad.out).toContain('systems/demo/system.yaml');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('repo: users (.pre-commit-hooks.yaml, language node): `npm pack` prints only the tarball name, as pre-commit reads it', () => {
    // pre-commit installs a node hook with `npm install` in its clone of this repository, then takes
    // `npm pack`'s whole stdout as the tarball's file name. npm 10+ printed the `prepare` banner and
    // build output there (the install then failed: "tarball ... seems to be corrupted"). The project
    // .npmrc turns that off; checked here on a package with a noisy prepare script and this .npmrc
    // (the real install of this repository takes a minute of npm install; docs/authoring.md).
    const manifest = yaml.load(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(manifest[0]).toMatchObject({ id: 'hrss-std-validate', language: 'node', pass_filenames: false });
    const base = mkdtempSync(path.join(tmpdir(), 'hrss-std-npm-pack-'));
    try {
      writeFileSync(path.join(base, 'package.json'), JSON.stringify({ name: 'noisy', version: '1.0.0', scripts: { prepare: 'node -e "console.log(\'built dist/\')"' } }));
      copyFileSync(path.join(ROOT, '.npmrc'), path.join(base, '.npmrc'));
      const env = cleanEnv(path.join(base, 'home'));
      const r = spawnSync('npm', ['pack'], { cwd: base, env: { ...env, npm_config_cache: path.join(base, 'cache'), npm_config_update_notifier: 'false' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('noisy-1.0.0.tgz');
      expect(existsSync(path.join(base, 'noisy-1.0.0.tgz'))).toBe(true);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
