import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';
import { runCli, tempTree } from '../helpers.js';

const hasShell = (sh: string) => spawnSync(sh, ['-c', 'exit 0']).status === 0;

describe('hrss-std completion', () => {
  const program = buildProgram();
  const commands = program.commands.map((c) => c.name());
  const bash = runCli(['completion', 'bash']);
  const zsh = runCli(['completion', 'zsh']);

  it('names every command and every option of the program', () => {
    expect(bash.code).toBe(0);
    expect(zsh.code).toBe(0);
    expect(commands).toEqual(expect.arrayContaining(['validate', 'init', 'import', 'diff', 'completion']));
    for (const c of program.commands) {
      for (const script of [bash.stdout, zsh.stdout]) {
        expect(script).toContain(c.name());
        for (const o of c.options) expect(script).toContain(o.long!);
      }
    }
  });

  it.runIf(hasShell('bash'))('completes commands, options and option values in bash', () => {
    const dir = tempTree({});
    const script = path.join(dir, 'c.bash');
    writeFileSync(script, bash.stdout);
    const complete = (...words: string[]) => {
      const r = spawnSync('bash', ['-c', `source "${script}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _hrss_std; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: dir });
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

  it.runIf(hasShell('zsh'))('writes a zsh script that zsh accepts', () => {
    const dir = tempTree({ '_hrss-std': zsh.stdout });
    const r = spawnSync('zsh', ['-n', path.join(dir, '_hrss-std')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
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
