import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

/** Report and baseline outputs never replace a device, a FIFO, a symlink or an input of the same run. */

const STACK = /^\s+at .+[:(]\d+:\d+\)?$|internal error|内部错误/m;
const SYSTEM = 'id: demo\ntitle: 测试体系\ncatalog: hrss-basic\nsubsystems:\n  - code: "100"\n    title: 基础通用标准体系\n    include: part.yaml\n';
const PART = 'standards:\n  - { code: "100-01", title: 人社服务场所标识设置规范, level: local, status: planned }\n';
const CONFIG = 'systems: [systems/*/system.yaml]\n';

function repo() {
  return tempTree({ 'systems/demo/system.yaml': SYSTEM, 'systems/demo/part.yaml': PART, '.hrss-std.yaml': CONFIG });
}

describe('outputs: what -o may not replace', () => {
  it.each([
    ['the system being validated', ['validate', '-o', 'systems/demo/system.yaml'], 'systems/demo/system.yaml'],
    ['an include of the run', ['validate', '-o', 'systems/demo/part.yaml'], 'systems/demo/part.yaml'],
    ['.hrss-std.yaml', ['gaps', '-o', '.hrss-std.yaml'], '.hrss-std.yaml'],
    ['.hrss-std.yaml as a baseline', ['gaps', '--write-baseline', '.hrss-std.yaml'], '.hrss-std.yaml'],
  ])('%s is refused and left intact', (_n, args, file) => {
    const dir = repo();
    const before = readFileSync(path.join(dir, file), 'utf8');
    const r = runCli([...args, '--lang', 'en'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('an input of this run');
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe(before);
  });

  it.each([
    ['catalog import', ['catalog', 'import', 'list.csv', '-o', 'out/dir/']],
    ['validate', ['validate', '-o', 'out/dir/']],
    ['gaps', ['gaps', '-o', 'out/dir/']],
  ])('%s: -o ending in "/" is refused (it wrote a file named "dir"), nothing written', (_n, args) => {
    const dir = repo();
    writeFileSync(path.join(dir, 'list.csv'), '序号,服务项目,服务事项\n1,失业保险,失业保险金申领\n');
    const r = runCli([...args, '--lang', 'en'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('a path ending in "/" names a folder; give a file name');
    expect(readdirSync(dir).sort()).toEqual(['.hrss-std.yaml', 'list.csv', 'systems']);
  });

  it('a symlink is refused, its target untouched', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'precious.txt'), 'keep\n');
    symlinkSync(path.join(dir, 'precious.txt'), path.join(dir, 'report.txt'));
    const r = runCli(['validate', '-o', 'report.txt', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('symbolic link');
    expect(readFileSync(path.join(dir, 'precious.txt'), 'utf8')).toBe('keep\n');
  });

  it('a device node is refused with a message and stays a device', () => {
    // A device node of the test's own (root: mknod); never a system device, which a regression would replace.
    const dir = repo();
    const dev = path.join(dir, 'null');
    let own = true;
    try {
      execFileSync('mknod', ['-m', '666', dev, 'c', '1', '3']);
    } catch {
      own = false; // not root: /dev/null cannot be replaced by this user, so it is safe to aim at
    }
    const target = own ? dev : '/dev/null';
    const r = runCli(['validate', '-o', target, '--lang', 'en'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('not a regular file');
    expect(lstatSync(target).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is refused without hanging', () => {
    const dir = repo();
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const r = runCli(['validate', '-o', 'pipe', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('not a regular file');
  });

  it('a stale .tmp of a killed run is removed; a name near NAME_MAX works', () => {
    const dir = repo();
    writeFileSync(path.join(dir, '.hrss-999999999-0123abcd.tmp'), 'partial');
    writeFileSync(path.join(dir, '.report.txt.999999998.0123abcd.tmp'), 'partial (older naming)');
    const long = `${'r'.repeat(250)}.txt`;
    const r = runCli(['validate', '-o', long], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, long), 'utf8')).toContain('1 个体系');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
