import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runExport, writingStep } from '../../src/cli/actions/export.js';
import { createProgress, fit, progressMode } from '../../src/cli/progress.js';
import { runCli, tempTree } from '../helpers.js';
import { out, TINY, WITH_ERROR } from './cli-fixtures.js';

describe('export progress on stderr', () => {
  it('is on for a terminal (not in CI), off when piped, --progress forces it, --no-progress wins', () => {
    expect(progressMode({ isTTY: true }, undefined, {})).toBe('line');
    expect(progressMode({ isTTY: true }, undefined, { CI: 'true' })).toBe('off');
    expect(progressMode({ isTTY: false }, undefined, {})).toBe('off');
    expect(progressMode({ isTTY: false }, true, {})).toBe('lines');
    expect(progressMode({ isTTY: true }, true, { CI: 'true' })).toBe('lines');
    expect(progressMode({ isTTY: true }, false, {})).toBe('off');
  });

  it('rewrites one terminal row in place, cut to the terminal width, and clears it at the end', () => {
    let written = '';
    let clock = 0;
    const p = createProgress({ write: (s: string) => (written += s), columns: 30 }, 'line', 'zh', () => clock);
    p.step({ zh: '读取并校验体系', en: '' });
    clock = 2500;
    p.step({ zh: '生成 Word 文件（明细表 1500 项；为目次排版计算页码，约需 12 秒）', en: '' });
    p.done();
    const writes = written.split('\r\x1b[K');
    expect(writes).toEqual(['', 'hrss-std: 读取并校验体系', expect.stringMatching(/^hrss-std: 生成 Word 文件.*…$/), '']);
    // 29 columns at most: CJK characters are two wide
    expect([...writes[2]!].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(29);
    expect(fit('abc', 3)).toBe('abc');
    expect(fit('标准体系表', 7)).toBe('标准体…');
  });

  it('writes a line per step with the time so far when forced off a terminal', () => {
    let written = '';
    let clock = 0;
    const p = createProgress({ write: (s: string) => (written += s) }, 'lines', 'en', () => clock);
    p.step({ zh: '', en: 'reading and checking the system' });
    clock = 1234;
    p.step({ zh: '', en: 'writing the workbook (3 rows)' });
    p.done();
    expect(written).toBe('hrss-std: reading and checking the system\nhrss-std: writing the workbook (3 rows) (1.2 s so far)\n');
  });

  it('says how long laying out a long Word file will take, and only then', () => {
    expect(writingStep('docx', 1500).zh).toContain('约需 12 秒');
    expect(writingStep('docx', 100).zh).not.toContain('约需');
    expect(writingStep('docx', 3000).zh).not.toContain('约需'); // above 2,000 rows the pages are not laid out
    expect(writingStep('xlsx', 1500).en).toBe('writing the workbook (1500 rows)');
  });

  it('clears its line when the export fails', async () => {
    const dir = tempTree({ 'systems/tiny/system.yaml': WITH_ERROR });
    const calls: string[] = [];
    const progress = { step: (t: { en: string }) => calls.push(t.en), done: () => calls.push('done') };
    await expect(runExport({ cwd: dir, config: loadConfig(dir), lang: 'en', force: false, color: false, toolVersion: 'test', progress })).rejects.toThrow();
    expect(calls).toEqual(['reading and checking the system', 'done']);
  });

  it('hrss-std export --progress: every step on stderr, stdout as without it; nothing on stderr when piped', () => {
    const dir = tempTree({ 'systems/tiny/system.yaml': TINY });
    const plain = runCli(['export', '--xlsx', '-o', out()], { cwd: dir });
    const shown = runCli(['export', '--xlsx', '-o', out(), '--progress'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(shown.code).toBe(0);
    expect(plain.stderr).toBe('');
    expect(shown.stderr.split('\n')).toEqual(['hrss-std: 读取并校验体系', 'hrss-std: 计算覆盖情况和统计', 'hrss-std: 写出 Excel 文件（明细表 3 项）', '']);
    expect(shown.stdout.replace(/\/tmp\/\S+/g, '')).toBe(plain.stdout.replace(/\/tmp\/\S+/g, ''));
    expect(runCli(['export', '--xlsx', '-o', out(), '--progress', '--no-progress'], { cwd: dir }).stderr).toBe('');
  });
});
