import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';
import { runCli, tempTree } from '../helpers.js';

/** Run bash; CI has it, and a machine without it fails here with the reason instead of skipping. */
function bash(args: string[], cwd?: string) {
  const r = spawnSync('bash', args, { encoding: 'utf8', cwd });
  if (r.error) throw new Error(`these tests run bash, which could not be started (${r.error.message}): install bash`);
  return r;
}

describe('hrss-std completion', () => {
  const program = buildProgram();
  const commands = program.commands.map((c) => c.name());
  const bashScript = runCli(['completion', 'bash']);
  const zshScript = runCli(['completion', 'zsh']);

  it('names every command and every option of the program', () => {
    expect(bashScript.code).toBe(0);
    expect(zshScript.code).toBe(0);
    expect(commands).toEqual(expect.arrayContaining(['validate', 'init', 'import', 'diff', 'completion']));
    for (const c of program.commands) {
      for (const script of [bashScript.stdout, zshScript.stdout]) {
        expect(script).toContain(c.name());
        for (const o of c.options) expect(script).toContain(o.long!);
      }
    }
  });

  it('completes commands, options and option values in bash', () => {
    const dir = tempTree({});
    const script = path.join(dir, 'c.bash');
    writeFileSync(script, bashScript.stdout);
    const complete = (...words: string[]) => {
      const r = bash(['-c', `source "${script}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _hrss_std; printf '%s\\n' "\${COMPREPLY[@]}"`], dir);
      expect(r.stderr).toBe('');
      return r.stdout.trim().split('\n').filter(Boolean);
    };
    expect(complete('hrss-std', '')).toEqual(expect.arrayContaining(commands));
    expect(complete('hrss-std', 'va')).toEqual(['validate']);
    expect(complete('hrss-std', 'validate', '--fi')).toEqual(['--fix', '--fix-dry-run']);
    expect(complete('hrss-std', 'diff', '-f', '')).toEqual(['text', 'markdown', 'json', 'csv']);
    expect(complete('hrss-std', '--lang', 'en', 'init', '--framework', 'g')).toEqual(['gbt24421']);
    expect(complete('hrss-std', 'completion', '')).toEqual(['bash', 'zsh', '-h', '--help']);
  });

  // zsh is not needed (it is seldom installed, and a test that skips without it is never run): the
  // script uses only syntax bash parses the same way (quoting, {a,b} lists, case/esac, if/fi, (( )),
  // typeset/local), so `bash -n` catches what a generator bug would break, such as an unbalanced quote
  // from a description with an apostrophe. Checked once against `zsh -n` (zsh 5.9): both accept it.
  it('writes a zsh script that parses (bash -n: no zsh needed)', () => {
    const dir = tempTree({ '_hrss-std': zshScript.stdout });
    const r = bash(['-n', path.join(dir, '_hrss-std')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(zshScript.stdout.startsWith('#compdef hrss-std\n')).toBe(true);
  });

  it('the zsh check would catch a broken script', () => {
    const dir = tempTree({ '_hrss-std': zshScript.stdout.replace("'--no-color[", "'--no-color["+"it's") });
    expect(bash(['-n', path.join(dir, '_hrss-std')]).status).not.toBe(0);
  });

  it('refuses other shells with exit code 2', () => {
    const r = runCli(['completion', 'fish']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不支持的 shell “fish”');
  });
});

describe('--help and --version', () => {
  it('shows examples for each authoring command', () => {
    for (const c of ['init', 'import', 'diff', 'completion']) {
      const r = runCli([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('示例 / examples:');
      expect(r.stdout).toContain(`$ hrss-std ${c}`);
    }
  });

  it('prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
