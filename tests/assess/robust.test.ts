import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

/** assess outputs never replace an input of the run, a symlink or a FIFO; a FIFO baseline is not read. */
const STACK = /^\s+at .+[:(]\d+:\d+\)?$|internal error|内部错误/m;
const SYSTEM = 'id: demo\ntitle: 测试体系\ncatalog: hrss-basic\nsubsystems:\n  - code: "100"\n    title: 基础通用标准体系\n    include: part.yaml\n';
const PART = 'standards:\n  - { code: "100-01", title: 人社服务场所标识设置规范, level: local, status: planned }\n';
const repo = () => tempTree({ 'systems/demo/system.yaml': SYSTEM, 'systems/demo/part.yaml': PART, '.hrss-std.yaml': 'systems: [systems/*/system.yaml]\n' });

describe('assess outputs and inputs', () => {
  it.each([
    ['-o onto the system', ['assess', '-o', 'systems/demo/system.yaml'], 'systems/demo/system.yaml'],
    ['-o onto an include', ['assess', '-f', 'json', '-o', 'systems/demo/part.yaml'], 'systems/demo/part.yaml'],
    ['-o onto .hrss-std.yaml', ['assess', '-o', '.hrss-std.yaml'], '.hrss-std.yaml'],
    ['--docx onto the system', ['assess', '--docx', 'systems/demo/system.yaml', '--force'], 'systems/demo/system.yaml'],
  ])('%s is refused (exit 2) and the file is left intact', (_n, args, file) => {
    const dir = repo();
    const before = readFileSync(path.join(dir, file), 'utf8');
    const r = runCli([...args, '--lang', 'en'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe(before);
  });

  it('--docx onto a symlink is refused, its target untouched', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'precious.docx'), 'keep');
    symlinkSync(path.join(dir, 'precious.docx'), path.join(dir, 'r.docx'));
    const r = runCli(['assess', '--docx', 'r.docx', '--force', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(2);
    expect(readFileSync(path.join(dir, 'precious.docx'), 'utf8')).toBe('keep');
  });

  it('--baseline FIFO is not read (exit 2)', () => {
    const dir = repo();
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const r = runCli(['assess', '--baseline', fifo], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
  });
});
