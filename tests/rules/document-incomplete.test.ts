import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentIncomplete } from '../../src/rules/document-incomplete.js';
import { TO_BE_MADE, allStandards } from '../../src/model/types.js';
import { runCli } from '../helpers.js';
import { loadSample, SAMPLE } from '../export/helpers.js';

describe('document-incomplete', () => {
  const { system } = loadSample();
  const findings = documentIncomplete.check!({ system, known: undefined as never, today: '2026-01-01', reviewYears: 5 });

  it('reports what the sample 编制说明 lacks: the date, and due/undertaker of every planned row', () => {
    const zh = findings.map((f) => f.message.zh);
    expect(zh).toContain('编制说明缺少编制日期（document.date，封面日期）');
    // the sample states basis, process and consultation
    expect(zh.some((m) => m.includes('编制依据') || m.includes('编制过程') || m.includes('征求意见'))).toBe(false);
    const planned = allStandards(system).filter((e) => TO_BE_MADE.has(e.status));
    expect(planned.length).toBeGreaterThan(0);
    for (const e of planned) expect(findings.some((f) => f.at.node === e.raw)).toBe(true);
  });

  it('validate prints them by file:line under the rule id', () => {
    const r = runCli(['validate', SAMPLE]);
    expect(r.stdout).toMatch(/system\.yaml[\s\S]*?\d+:\d+\s+警告\s+编制说明缺少编制日期/);
    expect(r.stdout).toMatch(/employment\.yaml[\s\S]*?\d+:\d+\s+警告\s+编制说明缺少待制定\/修订的 “[^”]+” 的计划完成时间（due）[\s\S]*?document-incomplete/);
  });

  it('export --draft marks the missing parts in red; the final export does not', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'hrss-std-draft-'));
    const r = runCli(['export', SAMPLE, '--docx', 'draft.docx', '--draft', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('草稿：编制说明尚缺');
    const doc = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(out, 'draft.docx'))))['word/document.xml']!);
    expect(doc).toMatch(/<w:color w:val="C00000"\/>[\s\S]{0,200}［草稿：尚缺编制日期（document.date）］/);
    expect(doc).toContain('［草稿：尚缺部分计划项的计划完成时间（due）或承担单位（undertaker）］');
  });
});
