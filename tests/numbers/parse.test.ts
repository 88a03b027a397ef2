import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import {
  rewriteIsSafe,
  parseStandardNumber,
  canonicalizeNumber,
  levelLabel,
  numberKey,
  seriesKey,
  numberProblemSeverity,
  preNormalize,
  type NumberProblem,
  type ParsedNumber,
  type StandardLevel,
} from '../../src/numbers/parse.js';
import {
  INDUSTRY_CODES,
  INDUSTRY_CODES_64,
  LATER_INDUSTRY_CODES,
  isKnownIndustryCode,
  ENGINEERING_CODES,
} from '../../src/numbers/industry-codes.js';
import { PROVINCE_CODES, CITY_CODES, isKnownRegionCode, regionName } from '../../src/numbers/regions.js';
import * as barrel from '../../src/numbers/index.js';

const NOW = new Date('2025-06-01T00:00:00Z');

interface KnownEntry {
  number: string;
  level: StandardLevel;
}
interface KnownFile {
  standards: KnownEntry[];
  undated: KnownEntry[];
  unverified: KnownEntry[];
}
const known = yaml.load(
  readFileSync(new URL('../../data/known-standards.yaml', import.meta.url), 'utf8'),
) as KnownFile;

function kinds(problems: NumberProblem[]): string[] {
  return problems.map((p) => p.kind);
}

/** Parse and insist on a number (with a helpful failure message). */
function num(input: string): ParsedNumber {
  const r = parseStandardNumber(input, { now: NOW });
  expect(r.number, `${input} → ${JSON.stringify(r.problems)}`).toBeDefined();
  return r.number!;
}

/**
 * Independent decomposition of a canonical number "CODE SEQ[.PART][-YEAR]" by plain string
 * splitting, to check the parser's fields against.
 */
function split(canonical: string) {
  const sp = canonical.indexOf(' ');
  const code = canonical.slice(0, sp);
  let rest = canonical.slice(sp + 1);
  let year: number | undefined;
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    year = Number(rest.slice(dash + 1));
    rest = rest.slice(0, dash);
  }
  const dot = rest.indexOf('.');
  const seq = dot >= 0 ? rest.slice(0, dot) : rest;
  const part = dot >= 0 ? rest.slice(dot + 1) : undefined;
  return { code, seq, part, year };
}

describe('known-standards.yaml', () => {
  it('has the expected number of entries (sanity check of the fixture)', () => {
    expect(known.standards.length).toBe(76);
    expect(known.undated.length).toBe(13);
  });

  const dated = [...known.standards, ...known.unverified];
  it.each(dated.map((e) => [e.number, e] as const))('%s parses exactly', (_n, e) => {
    const r = parseStandardNumber(e.number, { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.nonCanonical).toBe(false);
    const n = r.number!;
    const x = split(e.number);
    expect(n.canonical).toBe(e.number);
    expect(n.input).toBe(e.number);
    expect(n.level).toBe(e.level);
    expect(n.code).toBe(x.code);
    expect(n.seq).toBe(x.seq);
    expect(n.part).toBe(x.part);
    expect(n.year).toBe(x.year);
    expect(n.recommended).toBe(true);
    expect(canonicalizeNumber(e.number)).toBe(e.number);
  });

  it.each(known.undated.map((e) => [e.number, e] as const))('%s (undated) parses with an undated warning', (_n, e) => {
    const r = parseStandardNumber(e.number, { now: NOW });
    expect(r.ok).toBe(true);
    expect(kinds(r.problems)).toEqual(['undated']);
    expect(r.nonCanonical).toBe(false);
    const x = split(e.number);
    expect(r.number!.level).toBe(e.level);
    expect(r.number!.code).toBe(x.code);
    expect(r.number!.seq).toBe(x.seq);
    expect(r.number!.year).toBeUndefined();
  });

  it('every known entry also parses identically through the slow path (full-width, em dash)', () => {
    for (const e of [...known.standards, ...known.undated]) {
      const messy = e.number
        .replace(/-/g, '—')
        .replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
        .replace(/ /g, '\u3000');
      const a = parseStandardNumber(e.number, { now: NOW });
      const b = parseStandardNumber(messy, { now: NOW });
      expect(b.nonCanonical).toBe(true);
      expect({ ...b.number, input: e.number }).toEqual(a.number);
      expect(b.problems).toEqual(a.problems);
    }
  });
});

describe('fields of real numbers', () => {
  it('national with part', () => {
    const n = num('GB/T 24421.2-2023');
    expect(n).toMatchObject({ level: 'national', code: 'GB/T', seq: '24421', part: '2', year: 2023, recommended: true });
    expect(n.industryCode).toBeUndefined();
    expect(n.regionCode).toBeUndefined();
  });

  it('industry LD keeps leading zeros', () => {
    const n = num('LD/T 01-2020');
    expect(n).toMatchObject({ level: 'industry', code: 'LD/T', industryCode: 'LD', seq: '01', year: 2020 });
    expect(num('DB3706/T 045-2016').seq).toBe('045');
  });

  it('local province and city codes', () => {
    expect(num('DB11/T 3008.6-2018')).toMatchObject({ level: 'local', code: 'DB11/T', regionCode: '11', seq: '3008', part: '6' });
    expect(num('DB4403/T 254.1-2022')).toMatchObject({ level: 'local', code: 'DB4403/T', regionCode: '4403', seq: '254', part: '1' });
    expect(num('DB4408/T 1-2024')).toMatchObject({ code: 'DB4408/T', regionCode: '4408' });
  });

  it('group standard', () => {
    expect(num('T/CQTSHRA 006-2024')).toMatchObject({ level: 'group', code: 'T/CQTSHRA', org: 'CQTSHRA', seq: '006', year: 2024, recommended: true });
  });

  it('enterprise standards, including codes with digits', () => {
    expect(num('Q/SH 0001-2010')).toMatchObject({ level: 'enterprise', code: 'Q/SH', org: 'SH', seq: '0001', recommended: true });
    expect(num('Q/SH1020 0001-2010')).toMatchObject({ code: 'Q/SH1020', org: 'SH1020', seq: '0001' });
    expect(num('Q/CSG 1-2020').org).toBe('CSG');
  });

  it('GB without /T is mandatory national, GB/Z guidance', () => {
    const gb = parseStandardNumber('GB 7026-1986', { now: NOW });
    expect(gb.ok).toBe(true);
    expect(gb.problems).toEqual([]);
    expect(gb.number).toMatchObject({ level: 'national', code: 'GB', recommended: false });
    const gbz = parseStandardNumber('GB/Z 20000.1-2002', { now: NOW });
    expect(gbz.ok).toBe(true);
    expect(gbz.number).toMatchObject({ level: 'national', code: 'GB/Z', recommended: false, part: '1' });
    expect(num('GBZ 188-2014')).toMatchObject({ level: 'national', code: 'GBZ' });
    expect(num('GBZ/T 229.1-2010')).toMatchObject({ level: 'national', code: 'GBZ/T', recommended: true });
  });

  it('DB followed by a slash or space is the 地震 industry code, DB+digits is local', () => {
    const quake = parseStandardNumber('DB/T 12-2010', { now: NOW });
    expect(quake.ok).toBe(true);
    expect(quake.number).toMatchObject({ level: 'industry', code: 'DB/T', industryCode: 'DB' });
    const legacyQuake = parseStandardNumber('DB 12-2010', { now: NOW });
    expect(legacyQuake.number).toMatchObject({ level: 'industry', code: 'DB', industryCode: 'DB' });
    // a mandatory industry number without /T is normal (WS 363, DL 5009.1): no problem at all
    expect(kinds(legacyQuake.problems)).toEqual([]);
    // a blank after DB before a region and a slash is local ("DB 13/T 2091-2014")
    expect(num('DB 13/T 2091-2014')).toMatchObject({ level: 'local', code: 'DB13/T', canonical: 'DB13/T 2091-2014' });
    expect(num('DB12/T 3009-2024').level).toBe('local');
  });

  it('RB (later code) is accepted, extra codes can be configured', () => {
    expect(parseStandardNumber('RB/T 214-2017', { now: NOW }).ok).toBe(true);
    const zz = parseStandardNumber('ZZ/T 1-2020', { now: NOW });
    expect(zz.problems).toEqual([{ kind: 'unknown-industry-code', code: 'ZZ' }]);
    expect(parseStandardNumber('ZZ/T 1-2020', { now: NOW, extraIndustryCodes: ['zz'] }).ok).toBe(true);
  });
});

describe('shapes seen in the real-number corpus (tests/fixtures/real-numbers/)', () => {
  it('an edition note after the year is kept, in the canonical spelling "(YYYY年版)"', () => {
    // GB 50010-2010(2015年版) etc.: structural design reports (search-tool ids 56316842187, 67254036224, 67415899324)
    const n = num('GB 50010-2010(2015年版)');
    expect(n).toMatchObject({ level: 'national', code: 'GB', seq: '50010', year: 2010, edition: 2015, canonical: 'GB 50010-2010(2015年版)' });
    expect(parseStandardNumber('GB 50010-2010(2015年版)').nonCanonical).toBe(false);
    expect(canonicalizeNumber('GB50010-2010（2015年版）')).toBe('GB 50010-2010(2015年版)');
    expect(canonicalizeNumber('GB 50011-2010 (2016年版)')).toBe('GB 50011-2010(2016年版)');
    expect(canonicalizeNumber('GB 50011-2010(2016版)')).toBe('GB 50011-2010(2016年版)');
    // the edition belongs to the citation: another key than the undated-edition number, same series
    expect(numberKey(num('GB 50010-2010(2015年版)'))).not.toBe(numberKey(num('GB 50010-2010')));
    expect(seriesKey(num('GB 50010-2010(2015年版)'))).toBe('GB 50010');
    // with a two-digit year the number stays usable and is never rewritten
    const old = parseStandardNumber('GB 50045-95（2005年版）', { now: NOW });
    expect(old.ok).toBe(true);
    expect(old.number).toMatchObject({ edition: 2005 });
    expect(kinds(old.problems)).toEqual(['two-digit-year']);
    expect(rewriteIsSafe(old)).toBe(false);
    // an edition note without the number's year is not a number
    expect(parseStandardNumber('GB 50010(2015年版)').ok).toBe(false);
  });

  it('JTG numbers with a volume (册) after a slash', () => {
    // JTG F80/1—2017 公路工程质量检验评定标准 第一册 土建工程 (search-tool id 53302079196)
    expect(num('JTG F80/1—2017')).toMatchObject({ level: 'industry', code: 'JTG', seq: 'F80/1', year: 2017, canonical: 'JTG F80/1-2017' });
    expect(seriesKey(num('JTG F80/1-2017'))).not.toBe(seriesKey(num('JTG F80/2-2004')));
    // the volume slash is JTG's only: "GB 50010/1-2010" is not a number
    expect(parseStandardNumber('GB 50010/1-2010').ok).toBe(false);
  });

  it('engineering-construction local series: series, sequence and year', () => {
    // regulation-audit lists with official pages (search-tool read_file id 70719158697)
    expect(num('DBJ/T 15-92-2021')).toMatchObject({ level: 'local', code: 'DBJ/T 15', series: '15', seq: '92', year: 2021, recommended: true, canonical: 'DBJ/T 15-92-2021' });
    expect(num('DBJ/T 15-92-2021').regionCode).toBeUndefined();
    expect(num('DBJ11-501-2009')).toMatchObject({ code: 'DBJ 11', recommended: false, canonical: 'DBJ 11-501-2009' });
    expect(num('DBJ53/T-67-2014')).toMatchObject({ code: 'DBJ 53/T', seq: '67', canonical: 'DBJ 53/T-67-2014' });
    expect(num('DBJ43/T 301-2015').canonical).toBe('DBJ 43/T 301-2015');
    expect(num('DB/T29-20-2017')).toMatchObject({ code: 'DB/T 29', series: '29', seq: '20', canonical: 'DB/T 29-20-2017' });
    expect(num('DB29-205-2024')).toMatchObject({ code: 'DB 29', recommended: false, canonical: 'DB 29-205-2024' });
    expect(num('DG/TJ08-2326-2020')).toMatchObject({ code: 'DG/TJ 08', seq: '2326', recommended: true, canonical: 'DG/TJ 08-2326-2020' });
    expect(num('DGJ08-11-2018')).toMatchObject({ code: 'DGJ 08', recommended: false, canonical: 'DGJ 08-11-2018' });
    expect(num('DGJ32/TJ186-2015')).toMatchObject({ code: 'DGJ32/TJ', seq: '186', canonical: 'DGJ32/TJ 186-2015' });
    expect(num('DGJ32/J189-2015')).toMatchObject({ code: 'DGJ32/J', recommended: false });
    expect(num('DBJ 11-501-2009(2016年版)')).toMatchObject({ edition: 2016, canonical: 'DBJ 11-501-2009(2016年版)' });
    // unchanged: the 地震 industry code and Guangdong's mandatory local numbers
    expect(num('DB/T 12-2010')).toMatchObject({ level: 'industry', code: 'DB/T' });
    expect(num('DB 44/26-2001')).toMatchObject({ level: 'local', regionCode: '44' });
    // no separator between series and sequence leaves the series open
    expect(parseStandardNumber('DBJ11501-2009').ok).toBe(false);
    // only Tianjin (29) numbers its DB series with dashes: DB44-1234-2021 is still unreadable
    expect(parseStandardNumber('DB44-1234-2021').ok).toBe(false);
  });

  it('RFJ (人民防空工程) is an engineering-construction code', () => {
    expect(parseStandardNumber('RFJ02-2009', { now: NOW })).toMatchObject({ ok: true, problems: [] });
    expect(num('RFJ02-2009').canonical).toBe('RFJ 02-2009');
  });
});

describe('messy inputs → canonical', () => {
  const cases: [string, string][] = [
    ['GB/T33531—2017', 'GB/T 33531-2017'],
    ['ＧＢ／Ｔ　３３５３１－２０１７', 'GB/T 33531-2017'],
    ['GBT 13016-2018', 'GB/T 13016-2018'],
    ['GB-T 13016–2018', 'GB/T 13016-2018'],
    ['GB / T 13016 - 2018', 'GB/T 13016-2018'],
    ['gb/t 13016-2018', 'GB/T 13016-2018'],
    ['GBT13016-2018', 'GB/T 13016-2018'],
    ['  GB/T  13016-2018 ', 'GB/T 13016-2018'],
    ['GB/T 13016---2018', 'GB/T 13016-2018'],
    ['GB/T 13016——2018', 'GB/T 13016-2018'],
    ['GB/T 1.1—2020', 'GB/T 1.1-2020'],
    ['DB44/T1234-2021', 'DB44/T 1234-2021'],
    ['DB33/T2578—2023', 'DB33/T 2578-2023'],
    ['DB3309/T 115—2024', 'DB3309/T 115-2024'],
    ['LD/T 01－2020', 'LD/T 01-2020'],
    ['LDT 01-2020', 'LD/T 01-2020'],
    ['LD-T 3002-2023', 'LD/T 3002-2023'],
    ['GB 7026—86', 'GB 7026-86'],
    ['GB 9684 1988', 'GB 9684-1988'],
    ['GB/T 19001-2016/ISO 9001:2015', 'GB/T 19001-2016'],
    ['GB/T 19001—2016/ISO 9001:2015', 'GB/T 19001-2016'],
    ['T/CQTSHRA006-2024', 'T/CQTSHRA 006-2024'],
    ['GB/T\u200b 33531-2017', 'GB/T 33531-2017'],
  ];
  it.each(cases)('%s → %s', (input, canonical) => {
    const r = parseStandardNumber(input, { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.number!.canonical).toBe(canonical);
    expect(r.nonCanonical).toBe(true);
    expect(canonicalizeNumber(input)).toBe(canonical);
    // The canonical form is a fixed point.
    const again = parseStandardNumber(canonical, { now: NOW });
    expect(again.nonCanonical).toBe(false);
    expect(again.number!.canonical).toBe(canonical);
  });

  it('two-digit years are never expanded: kept as written, a warning (issue 12: LD66-94 stayed LD 66-1994)', () => {
    const ld = parseStandardNumber('LD66-94', { now: NOW });
    expect(ld.ok).toBe(true);
    expect(ld.number).toMatchObject({ code: 'LD', seq: '66', canonical: 'LD 66-94' });
    expect(ld.number!.year).toBeUndefined();
    expect(rewriteIsSafe(ld)).toBe(false);
    for (const y of ['86', '95', '96', '99', '05', '49']) {
      const r = parseStandardNumber(`GB 1234-${y}`, { now: NOW });
      expect(r.ok).toBe(true);
      expect(r.problems).toEqual([{ kind: 'two-digit-year', year: y }]);
      expect(r.number!.year).toBeUndefined();
      expect(r.number!.canonical).toBe(`GB 1234-${y}`);
    }
  });

  it('adoption suffix is split off and numberKey ignores it', () => {
    const r = parseStandardNumber('GB/T 19001-2016/ISO 9001:2015', { now: NOW });
    expect(r.number!.adoptedSuffix).toBe('ISO 9001:2015');
    expect(numberKey(r.number!)).toBe('GB/T 19001-2016');
    expect(numberKey(r.number!)).toBe(numberKey(num('GB/T 19001-2016')));
    const idt = num('GB/T 19001-2008 idt ISO 9001:2008');
    expect(idt).toMatchObject({ canonical: 'GB/T 19001-2008', adoptedSuffix: 'ISO 9001:2008', adoptedDegree: 'IDT' });
  });

  it('fast path and slow path agree field by field', () => {
    const fast = parseStandardNumber('DB4403/T 254.1-2022', { now: NOW });
    const slow = parseStandardNumber('DB4403/T254.1—2022', { now: NOW });
    expect(fast.nonCanonical).toBe(false);
    expect(slow.nonCanonical).toBe(true);
    expect({ ...slow.number, input: 'x' }).toEqual({ ...fast.number, input: 'x' });
  });
});

describe('problems', () => {
  it.each(['DBXX/T XXXX-XXXX', 'DB51/TXXXX—XXXX', 'T/GDHRX-2023', 'DBXX/TXXXX—202X', 'dbxx/t xxxx-xxxx', 'GB/T XXXXX-2024', 'DB44/T 1234-20XX', 'T/XXXX 001-2024'])(
    '%s is a placeholder',
    (input) => {
      const r = parseStandardNumber(input, { now: NOW });
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([{ kind: 'placeholder' }]);
      expect(r.number).toBeUndefined();
    },
  );

  it('placeholders still get a tidy display form', () => {
    expect(canonicalizeNumber('DB51/TXXXX—XXXX')).toBe('DB51/T XXXX-XXXX');
    expect(canonicalizeNumber('dbxx/t xxxx—202x')).toBe('DBXX/T XXXX-202X');
  });

  it('an X inside a group code is not a placeholder when a real sequence follows', () => {
    expect(num('T/CSX 001-2020')).toMatchObject({ org: 'CSX', seq: '001' });
    expect(num('T/CSX001-2020')).toMatchObject({ org: 'CSX', seq: '001' });
  });

  it('undated number is valid with a warning', () => {
    const r = parseStandardNumber('GB/T 33527', { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([{ kind: 'undated' }]);
    expect(r.number!.year).toBeUndefined();
    expect(seriesKey(r.number!)).toBe('GB/T 33527');
  });

  it('unknown industry code', () => {
    const r = parseStandardNumber('XX/T 1-2020', { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ kind: 'unknown-industry-code', code: 'XX' }]);
    expect(r.number!.level).toBe('industry');
    // LB (旅游) is real; a typo for LD is not detectable, but an invented code is.
    expect(parseStandardNumber('LB/T 1-2020', { now: NOW }).ok).toBe(true);
    expect(kinds(parseStandardNumber('LX/T 1-2020', { now: NOW }).problems)).toEqual(['unknown-industry-code']);
  });

  it('unknown province in a DB prefix', () => {
    const r = parseStandardNumber('DB99/T 1-2020', { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ kind: 'unknown-region', code: '99' }]);
    expect(parseStandardNumber('DB9901/T 1-2020', { now: NOW }).problems).toEqual([{ kind: 'unknown-region', code: '9901' }]);
    expect(parseStandardNumber('DB10/T 1-2020', { now: NOW }).problems).toEqual([{ kind: 'unknown-region', code: '10' }]);
    // a city code with a known province but outside our small map is accepted
    expect(parseStandardNumber('DB4499/T 1-2020', { now: NOW }).ok).toBe(true);
  });

  it('mandatory local and industry numbers without /T are not a problem (issue 12: WS 363, DL 5009.1 were flagged)', () => {
    const r = parseStandardNumber('DB44 1234-2021', { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.number).toMatchObject({ level: 'local', code: 'DB44', regionCode: '44', recommended: false, canonical: 'DB44 1234-2021' });
    expect(parseStandardNumber('LD 1-1990', { now: NOW }).problems).toEqual([]);
    expect(parseStandardNumber('WS 363.1-2011', { now: NOW }).problems).toEqual([]);
    expect(parseStandardNumber('DL 5009.1-2014', { now: NOW }).problems).toEqual([]);
    expect(parseStandardNumber('GB 7026-1986', { now: NOW }).problems).toEqual([]);
    expect(parseStandardNumber('DL/Z 981-2005', { now: NOW }).problems).toEqual([]);
  });

  it('DB + digits without /T and without a space is ambiguous and rejected', () => {
    expect(kinds(parseStandardNumber('DB441234-2021', { now: NOW }).problems)).toEqual(['unparseable']);
  });

  it('nested parts are a warning', () => {
    const r = parseStandardNumber('HJ/T 25.1.2-2014', { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([{ kind: 'nested-part' }]);
    expect(r.number).toMatchObject({ seq: '25', part: '1.2', canonical: 'HJ/T 25.1.2-2014' });
    expect(seriesKey(r.number!)).toBe('HJ/T 25.1.2');
    const bare = parseStandardNumber('HJ 25.1.2', { now: NOW });
    expect(kinds(bare.problems)).toEqual(['nested-part', 'undated']);
  });

  it('bad years depend on `now`', () => {
    expect(parseStandardNumber('GB/T 1-1949', { now: NOW }).problems).toEqual([{ kind: 'bad-year', year: 1949 }]);
    expect(parseStandardNumber('GB/T 1-1950', { now: NOW }).ok).toBe(true);
    expect(parseStandardNumber('GB/T 1-2026', { now: NOW }).ok).toBe(true);
    const r = parseStandardNumber('GB/T 1-2027', { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ kind: 'bad-year', year: 2027 }]);
    expect(r.number!.year).toBe(2027);
    expect(parseStandardNumber('GB/T 1-2027', { now: new Date('2026-03-01') }).ok).toBe(true);
    // default `now` is the real clock
    expect(parseStandardNumber(`GB/T 1-${new Date().getFullYear() + 1}`).ok).toBe(true);
    expect(parseStandardNumber(`GB/T 1-${new Date().getFullYear() + 2}`).ok).toBe(false);
  });

  it.each([
    '',
    '   ',
    'GBT31596.12015',
    'DB330 /T 113 — 0',
    'ISO 9001:2015',
    '标准',
    'GB/T',
    'T/ABC-2023',
    'GB/T 13016-201',
  ])('%j is unparseable', (input) => {
    const r = parseStandardNumber(input, { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ kind: 'unparseable' }]);
    expect(r.number).toBeUndefined();
  });

  it('unparseable input is still tidied by canonicalizeNumber', () => {
    expect(canonicalizeNumber('GBT31596.12015')).toBe('GB/T 31596.12015');
    expect(canonicalizeNumber('ＧＢ／Ｔ　３１５９６．１２０１５')).toBe('GB/T 31596.12015');
    expect(canonicalizeNumber('DB330 /T 113 — 0')).toBe('DB330 /T 113-0');
    expect(parseStandardNumber('GBT31596.12015').nonCanonical).toBe(true);
    expect(parseStandardNumber('标准').nonCanonical).toBe(false);
  });

  it('a letter before the sequence is read for JTG only (JTG D60-2015) and nowhere else', () => {
    expect(num('JTG D60-2015')).toMatchObject({ code: 'JTG', seq: 'D60', year: 2015, canonical: 'JTG D60-2015' });
    expect(num('JTG/T F50-2011')).toMatchObject({ code: 'JTG/T', seq: 'F50' });
    expect(kinds(parseStandardNumber('GB/T D60-2015', { now: NOW }).problems)).toEqual(['unparseable']);
    expect(num('T/CQTSHRA006-2024').canonical).toBe('T/CQTSHRA 006-2024');
  });

  it('JJF (计量技术规范) is read as a code that is not an industry code', () => {
    expect(parseStandardNumber('JJF 1059.1-2012', { now: NOW }).problems).toEqual([{ kind: 'unknown-industry-code', code: 'JJF' }]);
  });

  it('severity: undated, two-digit and run-together years, missing-T and nested-part are warnings', () => {
    const warnings: NumberProblem[] = [
      { kind: 'undated' },
      { kind: 'missing-T', code: 'DB44' },
      { kind: 'nested-part' },
      { kind: 'two-digit-year', year: '05' },
      { kind: 'run-together-year', seq: '2142017' },
    ];
    const errors: NumberProblem[] = [
      { kind: 'placeholder' },
      { kind: 'unparseable' },
      { kind: 'unknown-industry-code', code: 'XX' },
      { kind: 'unknown-region', code: '99' },
      { kind: 'bad-year', year: 1900 },
    ];
    for (const p of warnings) expect(numberProblemSeverity(p)).toBe('warning');
    for (const p of errors) expect(numberProblemSeverity(p)).toBe('error');
  });
});

describe('keys and labels', () => {
  it('editions share a seriesKey, parts do not', () => {
    const a = num('GB/T 24421.2-2009');
    const b = num('GB/T 24421.2-2023');
    const c = num('GB/T 24421.4-2023');
    expect(seriesKey(a)).toBe('GB/T 24421.2');
    expect(seriesKey(a)).toBe(seriesKey(b));
    expect(seriesKey(c)).not.toBe(seriesKey(b));
    expect(numberKey(a)).not.toBe(numberKey(b));
    expect(seriesKey(num('LD/T 01-2020'))).toBe('LD/T 01');
  });

  it('messy and canonical spellings of one number share a numberKey', () => {
    expect(numberKey(num('GB/T33531—2017'))).toBe(numberKey(num('GB/T 33531-2017')));
  });

  it('level labels', () => {
    expect(levelLabel('national', 'zh')).toBe('国家标准');
    expect(levelLabel('industry', 'zh')).toBe('行业标准');
    expect(levelLabel('local', 'zh')).toBe('地方标准');
    expect(levelLabel('group', 'zh')).toBe('团体标准');
    expect(levelLabel('enterprise', 'zh')).toBe('企业标准');
    expect(levelLabel('local', 'en')).toBe('Local standard');
  });
});

describe('code tables', () => {
  it('64 industry codes plus RB, NB and the engineering-construction codes', () => {
    expect(INDUSTRY_CODES_64.length).toBe(64);
    expect(new Set(INDUSTRY_CODES_64).size).toBe(64);
    expect(INDUSTRY_CODES_64).not.toContain('RB');
    expect(LATER_INDUSTRY_CODES).toEqual(['RB', 'NB']);
    expect(ENGINEERING_CODES).toEqual(['JGJ', 'CJJ', 'JTG', 'RFJ']);
    expect(INDUSTRY_CODES.length).toBe(70);
    for (const c of ['LD', 'MZ', 'WS', 'GA', 'JR', 'SJ', 'YD', 'GM', 'DA', 'AQ', 'LB', 'DB', 'RB', 'NB', 'JGJ', 'CJJ']) {
      expect(isKnownIndustryCode(c)).toBe(true);
    }
    expect(isKnownIndustryCode('GB')).toBe(false);
  });

  it('34 province-level codes, city codes under known provinces', () => {
    expect(Object.keys(PROVINCE_CODES).length).toBe(34);
    expect(PROVINCE_CODES['11']).toBe('北京市');
    expect(PROVINCE_CODES['44']).toBe('广东省');
    expect(PROVINCE_CODES['65']).toBe('新疆维吾尔自治区');
    expect(PROVINCE_CODES['82']).toBe('澳门特别行政区');
    for (const city of Object.keys(CITY_CODES)) {
      expect(isKnownRegionCode(city)).toBe(true);
      expect(PROVINCE_CODES[city.slice(0, 2)]).toBeDefined();
    }
    expect(regionName('4408')).toBe('广东省湛江市');
    expect(regionName('4403')).toBe('广东省深圳市');
    expect(regionName('4499')).toBe('广东省 4499');
    expect(regionName('99')).toBeUndefined();
    expect(isKnownRegionCode('441')).toBe(false);
  });

  it('every local number in known-standards.yaml uses a named city or a province', () => {
    for (const e of [...known.standards, ...known.undated]) {
      const n = num(e.number);
      if (n.level !== 'local') continue;
      const name = regionName(n.regionCode!);
      expect(name, e.number).toBeDefined();
      if (n.regionCode!.length === 4) expect(CITY_CODES[n.regionCode!], e.number).toBeDefined();
    }
  });

  it('index re-exports the module', () => {
    expect(barrel.parseStandardNumber).toBe(parseStandardNumber);
    expect(barrel.PROVINCE_CODES).toBe(PROVINCE_CODES);
  });
});

describe('pre-normalisation', () => {
  it('returns the same string when nothing needs changing', () => {
    const s = 'GB/T 13016-2018';
    expect(preNormalize(s)).toBe(s);
  });
  it('maps full-width, dash variants and spaces', () => {
    expect(preNormalize('\u3000ＧＢ／Ｔ\u00a0\u00a013016\u2013\u2014\u2212\u2010\u2015\u2012\uff0d2018 ')).toBe('GB/T 13016-------2018');
  });
});

// Speed is measured by `npm run bench`, never by timed unit tests; this checks the
// parser stays consistent over a long mixed run (no state leaking between calls).
describe('bulk parsing', () => {
  it('gives the same verdicts over 100,000 mixed inputs', () => {
    const inputs = [
      'GB/T 24421.2-2023',
      'LD/T 01-2020',
      'DB4403/T 254.1-2022',
      'T/CQTSHRA 006-2024',
      'GB/T33531—2017',
      'ＧＢ／Ｔ　３３５３１－２０１７',
      'DB44 1234-2021',
      'DBXX/T XXXX-XXXX',
      'GB/T 33527',
      'garbage',
    ];
    let ok = 0;
    for (let i = 0; i < 100_000; i++) if (parseStandardNumber(inputs[i % inputs.length]!, { now: NOW }).ok) ok++;
    expect(ok).toBe(80_000);
  });
});
