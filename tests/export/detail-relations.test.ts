import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../src/export/stats.js';
import { allStandards } from '../../src/model/types.js';
import { sampleExport } from './sample-export.js';
import { loadSample, wordText } from './helpers.js';

const { model, system } = loadSample();
let doc = '';
let sheets = '';

beforeAll(async () => {
  const r = await sampleExport(); // the CLI's export of the sample, shared with other test files
  expect(r.code).toBe(0);
  doc = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(r.dir, 'zhanjiang.docx'))))['word/document.xml']!);
  const x = unzipSync(new Uint8Array(readFileSync(path.join(r.dir, 'zhanjiang.xlsx'))));
  sheets = Object.entries(x).filter(([n]) => n.startsWith('xl/sharedStrings') || n.startsWith('xl/worksheets/')).map(([, d]) => strFromU8(d)).join('\n');
});

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const docText = () => wordText(doc);

describe('明细表 relations and 应有数', () => {
  it('every replaces / replaced_by / adopted / justification value of the sample is in the 备注 of both files', () => {
    const rows = allStandards(system).filter((e) => e.replaces.length || e.replacedBy || e.adopted || e.justification);
    expect(rows.length).toBeGreaterThan(0);
    const text = docText();
    const xml = unescape(sheets);
    for (const e of rows) {
      const values = [...e.replaces, e.replacedBy, e.adopted?.ref, e.justification?.replace(/[。；;.]$/, '')].filter(Boolean) as string[];
      for (const v of values) {
        expect(text, v).toContain(v);
        expect(xml, v).toContain(v);
      }
    }
    for (const e of rows.filter((r) => r.replaces.length)) expect(text).toContain(`代替 ${e.replaces.join('、')}`);
  });

  it('应有数 leaves out 被代替 and 废止 rows (still counted by status) and says so under the table', () => {
    const before = computeStats(system).total.expected;
    const row = allStandards(system).find((e) => e.status === 'current')!;
    const saved = row.status;
    row.status = 'replaced';
    try {
      const s = computeStats(system);
      expect(s.total.expected).toBe(before - 1);
      expect(s.byStatus.find((b) => b.status === 'replaced')?.count).toBe(1);
    } finally {
      row.status = saved;
    }
    expect(model.stats.total.expected).toBe(before);
    expect(docText()).toContain('注：应有数为明细表中除被代替、废止以外的全部标准');
  });
});
