/**
 * The real-number corpus (tests/fixtures/real-numbers/*.csv: number, title, source per record) against the
 * grammar, the number rules and the --fix rewrite. Every record is a real published number copied from the
 * source named in its row; see tests/fixtures/real-numbers/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberFix } from '../../src/authoring/fix/plan.js';
import { isKnownIndustryCode, numberProblemSeverity, parseStandardNumber } from '../../src/numbers/index.js';
import { lint, rows } from '../rules/lint.js';

const DIR = join(import.meta.dirname, '../fixtures/real-numbers');

interface Rec {
  file: string;
  number: string;
  title: string;
  source: string;
}

/** Minimal CSV reader (quoted fields with "" escapes), enough for the corpus files. */
function readCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), out.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), out.push(row);
  return out;
}

const corpus: Rec[] = [];
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort()) {
  const [head, ...body] = readCsv(readFileSync(join(DIR, file), 'utf8'));
  expect(head).toEqual(['number', 'title', 'source']);
  for (const r of body) corpus.push({ file, number: r[0]!, title: r[1]!, source: r[2]! });
}

interface DatedRec {
  file: string;
  number: string;
  title: string;
  published: string;
  source: string;
}

/** tests/fixtures/real-numbers/dates/*.csv: real numbers with the publication date (发布日期) their source gives. */
const dated: DatedRec[] = [];
for (const file of readdirSync(join(DIR, 'dates')).filter((f) => f.endsWith('.csv')).sort()) {
  const [head, ...body] = readCsv(readFileSync(join(DIR, 'dates', file), 'utf8'));
  expect(head).toEqual(['number', 'title', 'published', 'source']);
  for (const r of body) dated.push({ file, number: r[0]!, title: r[1]!, published: r[2]!, source: r[3]! });
}

describe('real-number corpus', () => {
  it('is large enough and every record names its source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const r of corpus) {
      expect(r.number, r.file).not.toBe('');
      expect(r.source, `${r.file}: ${r.number}`).toMatch(/https?:\/\/|issue 12|find_string|read_file/);
    }
  });

  it('every number parses, with no error-level problem and no "unusual" problem', () => {
    const bad: string[] = [];
    for (const r of corpus) {
      const p = parseStandardNumber(r.number, { now: new Date('2026-11-21') });
      const problems = p.problems.filter((x) => numberProblemSeverity(x) === 'error' || x.kind === 'missing-T' || x.kind === 'nested-part');
      if (!p.ok || !p.number || problems.length) bad.push(`${r.file}: ${r.number} ${JSON.stringify(p.problems)}`);
    }
    expect(bad).toEqual([]);
  });

  it('every industry code in the corpus is in the code table (so no "相近的代号" hint names another code)', () => {
    const unknown = new Set<string>();
    for (const r of corpus) {
      const c = parseStandardNumber(r.number).number?.industryCode;
      if (c !== undefined && !isKnownIndustryCode(c)) unknown.add(c);
    }
    expect([...unknown]).toEqual([]);
  });

  it('--fix rewrites keep the same standard (code, sequence, part, year)', () => {
    for (const r of corpus) {
      const fixed = numberFix(r.number);
      if (fixed === undefined) continue;
      const a = parseStandardNumber(r.number).number!;
      const b = parseStandardNumber(fixed).number!;
      expect({ code: b.code, seq: b.seq, part: b.part, year: b.year, amendment: b.amendment, edition: b.edition }, `${r.number} → ${fixed}`).toEqual({
        code: a.code,
        seq: a.seq,
        part: a.part,
        year: a.year,
        amendment: a.amendment,
        edition: a.edition,
      });
      // and the rewrite is final
      expect(numberFix(fixed)).toBeUndefined();
    }
  });

  it('validate on the whole corpus as one system: no number-format, unknown-industry-code or number-unusual finding', () => {
    const seen = new Set<string>();
    const rs: string[][] = [];
    // undated citations ("GB/T 33527") are real but cannot be a current row's number: they go in references
    const undated: string[] = [];
    for (const r of corpus) {
      const n = parseStandardNumber(r.number).number!;
      const key = n.canonical;
      if (seen.has(key)) continue;
      seen.add(key);
      if (n.year === undefined) {
        undated.push(r.number);
        continue;
      }
      rs.push([`code: "101-${String(rs.length + 1).padStart(3, '0')}"`, `number: ${JSON.stringify(r.number)}`, `title: ${JSON.stringify(r.title || '（来源未给名称）')}`]);
    }
    rs[0]!.push(`references: ${JSON.stringify(undated)}`);
    const ds = lint(rows(...rs));
    const hits = ds.filter((d) => ['number-format', 'unknown-industry-code', 'number-unusual'].includes(d.rule));
    expect(hits.map((d) => `${d.rule} ${d.line}: ${typeof d.message === "string" ? d.message : JSON.stringify(d.message)}`)).toEqual([]);
    // non-canonical spellings are reported with their canonical form, never as errors
    for (const d of ds.filter((x) => x.rule === 'number-canonical')) expect(d.severity).toBe('warning');
  });
});

describe('real numbers with publication dates', () => {
  it('every record has a number, a date and its source', () => {
    expect(dated.length).toBeGreaterThanOrEqual(50);
    for (const r of dated) {
      expect(r.published, `${r.file}: ${r.number}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source, `${r.file}: ${r.number}`).toMatch(/https?:\/\/|find_string|read_file/);
      expect(parseStandardNumber(r.number, { now: new Date('2026-11-21') }).ok, r.number).toBe(true);
    }
  });

  it('year-mismatch raises nothing on them (the year in a number is its year of publication)', () => {
    const rs = dated.map((r, i) => [
      `code: "101-${String(i + 1).padStart(3, '0')}"`,
      `number: ${JSON.stringify(r.number)}`,
      `title: ${JSON.stringify(r.title || '（来源未给名称）')}`,
      `published: "${r.published}"`,
    ]);
    const ds = lint(rows(...rs));
    expect(ds.filter((d) => d.rule === 'year-mismatch').map((d) => `${d.line}: ${JSON.stringify(d.message)}`)).toEqual([]);
  });
});
