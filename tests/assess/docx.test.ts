import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

/** `assess --docx`: the 评价报告 as a Word file with the contents of 湛江指南 §9.2.3. */
const text = (file: string) => {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
  // Word's non-breaking hyphen and the no-break space (kept inside numbers and names) read as "-" and " "
  return xml.replace(/<w:tab\/>/g, '\t').replace(/<w:noBreakHyphen\/>/g, '-').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
};

describe('assess --docx on the sample', () => {
  const dir = tempTree({});
  const file = path.join(dir, '评价报告.docx');
  const args = ['assess', 'systems/zhanjiang', '--docx', file, '--date', '2026-12-04', '--assessor', '审查组'];
  const r = runCli(args);

  it('writes the report and says so', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已写入 .*评价报告\.docx（评价报告：18 项指标，问题 \d+ 条，总体结论：不符合）\n$/);
  });

  it('holds every part of §9.2.3, the figures and the places of the JSON report', () => {
    const t = text(file);
    for (const h of ['标准体系评价报告', '1  评价的依据', '2  评价人员和评价时间', '3  评价简要过程', '4  各分项指标评价结果', '5  总体结论', '6  存在问题和处理建议']) expect(t).toContain(h);
    expect(t).toContain('审查组');
    expect(t).toContain('2026年12月4日');
    const j = JSON.parse(runCli(['assess', 'systems/zhanjiang', '-f', 'json', '--date', '2026-12-04']).stdout).systems[0];
    expect(t).toContain(j.overall.conclusion);
    for (const p of j.problems) for (const pl of p.places) expect(t).toContain(`${pl.file}:${pl.line}`);
    expect(t).toContain('38.0%（30/79）');
  });

  it('is the same bytes on a second run, and keeps a file hrss-std did not write unless --force', () => {
    const again = path.join(dir, 'again.docx');
    expect(runCli(args.map((a) => (a === file ? again : a))).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
    const foreign = path.join(dir, 'foreign.docx');
    writeFileSync(foreign, 'not ours');
    const refused = runCli(['assess', 'systems/zhanjiang', '--docx', foreign]);
    expect(refused.code).toBe(2);
    expect(readFileSync(foreign, 'utf8')).toBe('not ours');
    expect(runCli(['assess', 'systems/zhanjiang', '--docx', foreign, '--force']).code).toBe(0);
    // the file hrss-std wrote is replaced without --force
    expect(runCli(args).code).toBe(0);
  });

  it('several systems: one <id>-评价报告.docx each in the folder given', () => {
    const sys = readFileSync(path.join(ROOT, 'systems/zhanjiang/system.yaml'), 'utf8');
    const d = tempTree({
      'systems/a/system.yaml': sys.replace('id: zhanjiang', 'id: a'), 'systems/a/employment.yaml': readFileSync(path.join(ROOT, 'systems/zhanjiang/employment.yaml')),
      'systems/a/social-insurance.yaml': readFileSync(path.join(ROOT, 'systems/zhanjiang/social-insurance.yaml')),
      'systems/b/system.yaml': sys.replace('id: zhanjiang', 'id: b'), 'systems/b/employment.yaml': readFileSync(path.join(ROOT, 'systems/zhanjiang/employment.yaml')),
      'systems/b/social-insurance.yaml': readFileSync(path.join(ROOT, 'systems/zhanjiang/social-insurance.yaml')),
    });
    const out = runCli(['assess', '--docx', '.'], { cwd: d });
    expect(out.code, out.stderr).toBe(0);
    expect(text(path.join(d, 'a-评价报告.docx'))).toContain('（a，systems/a/system.yaml）');
    expect(text(path.join(d, 'b-评价报告.docx'))).toContain('未注明（与日期有关的指标未评价）');
    expect(runCli(['assess', '--docx', 'one.docx'], { cwd: d }).code).toBe(2);
  });
});

describe('assess --docx with --baseline', () => {
  it('adds 7 与上次评价比较 with every indicator', () => {
    const dir = tempTree({});
    const before = path.join(dir, 'before.json');
    expect(runCli(['assess', 'systems/zhanjiang', '-f', 'json', '-o', before]).code).toBe(0);
    const file = path.join(dir, 'r.docx');
    const r = runCli(['assess', 'systems/zhanjiang', '--date', '2026-12-04', '--baseline', before, '--docx', file]);
    expect(r.code, r.stderr).toBe(0);
    const t = text(file);
    expect(t).toContain('7  与上次评价比较');
    expect(t).toContain('上次评价时间：未注明；上次总体结论：不符合。本次变好 0 项，变差 0 项。');
    expect(t).toMatch(/复审周期内的现行标准比率\n—\n27\.7%\n不可比/);
  });
});

describe('assess --docx with -o', () => {
  it('writes the Word report and the text report named by -o', () => {
    const dir = tempTree({});
    const r = runCli(['assess', 'systems/zhanjiang', '--docx', path.join(dir, 'r.docx'), '-f', 'markdown', '-o', path.join(dir, 'r.md'), '--date', '2026-12-04']);
    expect(r.code, r.stderr).toBe(0);
    expect(text(path.join(dir, 'r.docx'))).toContain('6  存在问题和处理建议');
    expect(readFileSync(path.join(dir, 'r.md'), 'utf8')).toBe(runCli(['assess', 'systems/zhanjiang', '-f', 'markdown', '--date', '2026-12-04']).stdout);
  });
});
