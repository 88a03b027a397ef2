/**
 * Chinese standard-number grammar (标准编号): parse, validate and canonicalise.
 *
 *   <代号> <顺序号>[.<部分号>][-<年代号>][/<采标号>]
 *
 * Levels and codes (see /work/shared/research/standards-rules.md §3):
 *   national    GB, GB/T, GB/Z, GBZ, GBZ/T         GB/T 24421.2-2023
 *   industry    XX, XX/T, XX/Z (XX in INDUSTRY_CODES) LD/T 01-2020, DB/T 12-2010 (地震)
 *   local       DBnn[/T], DBnnnn[/T] (GB/T 2260)     DB44/T 1234-2021, DB4403/T 50-2020
 *   group       T/<org>                             T/CQTSHRA 006-2024
 *   enterprise  Q/<org>                             Q/SH1020 0001-2010
 *   local (工程建设地方标准, series-seq-year)       DBJ/T 15-92-2021, DB/T 29-20-2017, DG/TJ 08-2326-2020, DGJ32/TJ 186-2015
 *
 * An edition note after the year ("GB 50010-2010(2015年版)", "(2016版)", full-width parentheses) is kept in
 * `edition` and, spelled "(YYYY年版)", in the canonical form: the edition is part of what the citation names.
 *
 * Canonical form: half-width ASCII, upper-case code, exactly one space after the code, "-" before
 * the year with no spaces around it, 4-digit year, leading zeros in the sequence kept, adoption
 * suffix ("/ISO 9001:2015") removed.
 *
 * Performance: an input that is already canonical ASCII is matched by FAST_RE without any
 * pre-normalisation and its canonical string is the input itself. Everything else goes through one
 * cheap character pass (full-width, dashes, spaces) and one precompiled regex (GENERAL_RE).
 */
import { isKnownIndustryCode } from './industry-codes.js';
import { isKnownRegionCode } from './regions.js';

export type StandardLevel = 'national' | 'industry' | 'local' | 'group' | 'enterprise';

export interface ParsedNumber {
  /** As written. */
  input: string;
  /** Canonical spelling, e.g. "GB/T 24421.2-2023". */
  canonical: string;
  level: StandardLevel;
  /** The 代号 including /T or /Z: "GB/T", "LD/T", "DB44/T", "DB4408/T", "T/CQTSHRA", "Q/SH". */
  code: string;
  /** Has /T; always true for group and enterprise standards. GB, GB/Z, legacy XX and DBnn are false. */
  recommended: boolean;
  /** Two-letter industry code, industry level only ("LD"). */
  industryCode?: string;
  /** "44" or "4408", local level only. */
  regionCode?: string;
  /** Group or enterprise code ("CQTSHRA", "SH1020"). */
  org?: string;
  /** Sequence number as a string, leading zeros kept ("01", "045"). */
  seq: string;
  /** Part number ("2"); "1.2" for a nested part (reported as `nested-part`). */
  part?: string;
  /** 4-digit year; absent for undated numbers and 2-digit years (never expanded). */
  year?: number;
  /** Adoption suffix without the separator: "ISO 9001:2015" for "GB/T 19001-2016/ISO 9001:2015". */
  adoptedSuffix?: string;
  /** Degree word when the input used the "… idt ISO 9001:2008" notation (upper-cased). */
  adoptedDegree?: 'IDT' | 'MOD' | 'NEQ' | 'EQV';
  /** Amendment sheet (修改单) without the separator: "XG1-2012" for "GB 1499.1-2008/XG1-2012"; kept in `canonical`. */
  amendment?: string;
  /** Year of an edition note after the number's year: 2015 for "GB 50010-2010(2015年版)"; kept in `canonical` as "(2015年版)". */
  edition?: number;
  /**
   * Series number of an engineering-construction local standard ("15" in DBJ/T 15-92-2021, "29" in DB/T 29-20-2017,
   * "08" in DG/TJ 08-2326-2020). It is part of `code` and is not a GB/T 2260 region code (Guangdong's DBJ series is
   * 15, Tianjin's is 29, Shanghai's 08), so it is not checked against the region table.
   */
  series?: string;
  /** Second number of a jointly issued group standard ("T/TAF 083-2024" in "T/CCSA 393-2024 / T/TAF 083-2024"), canonical. */
  jointNumber?: string;
}

export type NumberProblem =
  /** X/x placeholders (征求意见稿 / not yet published): "DBXX/T XXXX-XXXX", "T/GDHRX-2023". */
  | { kind: 'placeholder' }
  | { kind: 'unparseable' }
  /** Valid but no year (不注日期引用): "GB/T 33527". */
  | { kind: 'undated' }
  | { kind: 'unknown-industry-code'; code: string }
  /** DB prefix whose province (first two digits) is not a GB/T 2260 province code. */
  | { kind: 'unknown-region'; code: string }
  /** 2-digit year ("LD66-94"): never expanded, kept as written; warning-level. */
  | { kind: 'two-digit-year'; year: string }
  /** No longer produced (mandatory industry and local standards without /T are normal); kept for callers. */
  | { kind: 'missing-T'; code: string }
  /** Two part levels ("HJ 25.1.2"); warning-level. */
  | { kind: 'nested-part' }
  /** No dash and no year, but the sequence ends in what looks like a year ("RB/T 2142017" for RB/T 214-2017); never rewritten. */
  | { kind: 'run-together-year'; seq: string }
  /** Year < 1950 or > current year + 1. */
  | { kind: 'bad-year'; year: number };

export type NumberProblemKind = NumberProblem['kind'];

export interface ParseResult {
  /** True when the number is usable: parsed and no error-severity problem (see numberProblemSeverity). */
  ok: boolean;
  /** Present whenever the grammar matched, except for placeholders. */
  number?: ParsedNumber;
  problems: NumberProblem[];
  /** input !== canonical (true for unparseable inputs too). */
  nonCanonical: boolean;
}

export interface ParseOptions {
  /** Additional industry codes to accept (case-insensitive), e.g. newer codes not in INDUSTRY_CODES. */
  extraIndustryCodes?: readonly string[];
  /** Reference date for the `bad-year` check; default: now. */
  now?: Date;
}

export type ProblemSeverity = 'error' | 'warning';

/** error → ParseResult.ok is false; warning → the number is still usable. */
export function numberProblemSeverity(p: NumberProblem): ProblemSeverity {
  switch (p.kind) {
    case 'undated':
    case 'missing-T':
    case 'nested-part':
    case 'two-digit-year':
    case 'run-together-year':
      return 'warning';
    default:
      return 'error';
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Regexes                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * Already-canonical ASCII input. Groups:
 *  1 national code | 2 local region | 3 group org | 4 enterprise org | 5 industry code (/T)
 *  6 seq | 7 part | 8 year
 */
const FAST_RE =
  /^(?:(GB(?:\/[TZ]|Z(?:\/T)?)?)|DB(\d\d(?:\d\d)?)\/T|T\/([A-Z][A-Z0-9]{1,11})|Q\/([A-Z0-9]{1,12})|([A-Z]{2,4})\/T) (\d{1,8})(?:\.(\d{1,4}))?(?:-(\d{4}))?$/;

/**
 * Anything else, applied to the pre-normalised string (half-width, "-" dashes, single spaces,
 * trimmed). Case-insensitive. Groups:
 *  1 GB/x letter (after / or -) | 2 GBT (T without separator) | 3 GBZ | 4 GBZ/T
 *  5 local region | 6 local T
 *  7 group org | 8 enterprise org
 *  9 industry code | 10 industry /x letter | 11 industry T without separator
 *  12 seq | 13 part(s) including the leading dot | 14 year
 *  15 amendment sheet | 16 joint number | 17 "/ISO …" adoption suffix | 18 degree word | 19 reference after the degree word
 *  20 edition year ("(2015年版)")
 * The national branch is the only one without a capture of its own: no 5/7/8/9 means national.
 */
/** Edition note after the year, one capture (the edition year). Input is pre-normalised: "（" is already "(". */
const EDITION = '(?: ?\\((\\d{4}) ?年?版\\))?';

const GENERAL_RE = new RegExp(
  '^(?:' +
    'GB(?: ?[/-] ?([TZ])| ?(T)|(Z)(?: ?/ ?(T))?)?' +
    // without /T the region must be followed by a space: "DB441234" is ambiguous (44|1234 or 4412|34).
    // A blank after DB ("DB 13/T 2091-2014") only before a region and a slash. Regions have 2 (province),
    // 4 (city) or 5–6 digits (district: "DB31117/Z 016-2022").
    // A mandatory local number may keep the slash without T ("DB 44/26-2001", Guangdong's published list).
    '|DB(?: (?=\\d+ ?/))?((?:\\d\\d|XX)(?:\\d{2,4}|XX)?)(?: ?[/-]? ?([TZ])| ?\\/ ?(?=\\d)|(?= ))' +
    '|T ?/ ?([A-Z][A-Z0-9]{1,11}?)' +
    '|Q ?/ ?([A-Z0-9]{1,12}?)' +
    // "DB" directly followed by digits is never the 地震 industry code; codes have 2–4 letters (LD, JGJ, CECS)
    '|(?!DB\\d|DB \\d+ ?/)([A-Z]{2,4}?)(?: ?[/-] ?([TZ])| ?(T))?' +
    ')' +
    // a letter before the sequence only in 公路 (JTG D60-2015, JTG/T F50-2011), with a volume (册) after a slash
    // ("JTG F80/1-2017" 第一册, "JTG D70/2-2014" 第二册): the volume is part of the sequence
    ' ?((?<=^JTG(?: ?[/-] ?T)? ?)[A-HJ-NP-WYZ]\\d{2,4}(?:/\\d{1,2})?|\\d{1,8}|\\d{0,7}X{1,8})' +
    '((?:\\.(?:\\d{1,4}|X{1,4}))*)' +
    // year after "-" (any dash run), ":" (CECS 21:2000) or a single blank before 4 digits (old citations "GB 9684 1988");
    // then an amendment sheet "/XG1-2012", a joint number "/ T/TAF 083-2024", or an adoption suffix (two letters: ISO, IEC, EN…)
    '(?:(?: ?-{1,3} ?|:| (?=\\d{4}(?:$|[ /])))(\\d{4}|\\d{2}|\\d{0,3}X{1,4})' +
    '(?: ?/ ?(XG\\d{1,2}(?: ?-{1,3} ?\\d{4})?)| ?/ ?(T ?/ ?[A-Z].*)| ?/ ?([A-Z]{2}.*)| (IDT|MOD|NEQ|EQV) ([A-Z]{2}.*))?' +
    // edition note (局部修订后的版本): "GB 50010-2010(2015年版)", "GB 50011-2010 (2016版)", "GB 50045-95（2005年版）"
    EDITION +
    ')?' +
    '$',
  'i',
);

/* ------------------------------------------------------------------------------------------ */
/* Pre-normalisation                                                                          */
/* ------------------------------------------------------------------------------------------ */

export function isDash(c: number): boolean {
  return (
    (c >= 0x2010 && c <= 0x2015) || // ‐ ‑ ‒ – — ―
    c === 0x2043 || // ⁃
    c === 0x2212 || // −
    c === 0xfe58 || // ﹘
    c === 0xfe63 || // ﹣
    c === 0x2e3a || // ⸺
    c === 0x2e3b || // ⸻
    c === 0x2500 || // ─ (OCR)
    c === 0x2501 // ━ (OCR)
  );
}

export function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x7f ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f
  );
}

export function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0xfeff || c === 0xad || c === 0x2060;
}

/**
 * Full-width → half-width, dash variants → "-", whitespace runs → one space, trimmed, invisible
 * characters dropped. Case is kept. Returns the input itself when nothing needs changing.
 */
export function preNormalize(input: string): string {
  // Cheap check first: printable ASCII without leading, trailing or double spaces.
  let prevSpace = true;
  let clean = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      prevSpace = false;
    } else if (c === 0x20 && !prevSpace) {
      prevSpace = true;
    } else {
      clean = false;
      break;
    }
  }
  if (clean && !prevSpace) return input;

  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (isDash(c)) c = 0x2d;
    else if (c === 0x2215 || c === 0x2044) c = 0x2f; // ∕ ⁄
    else if (isSpace(c)) {
      pendingSpace = out.length > 0;
      continue;
    } else if (isInvisible(c)) continue;
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

let cachedYearLimit = 0;
let cachedUntil = 0;

/** current year + 1, without allocating a Date on every call. */
function maxYear(now: Date | undefined): number {
  if (now !== undefined) return now.getFullYear() + 1;
  const t = Date.now();
  if (t >= cachedUntil) {
    const d = new Date(t);
    cachedYearLimit = d.getFullYear() + 1;
    cachedUntil = new Date(d.getFullYear() + 1, 0, 1).getTime();
  }
  return cachedYearLimit;
}

function hasX(s: string | undefined): boolean {
  if (s === undefined) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x58 || c === 0x78) return true;
  }
  return false;
}

/** Parts of a number that only some shapes have. */
interface FinishExtra {
  amendment?: string;
  jointNumber?: string;
  colonYear?: boolean;
  /** Edition year of a "(2015年版)" note. */
  edition?: number;
  /** Between code and sequence in the canonical form; default one space ("DBJ/T 15" + "-" + "92"). */
  joiner?: string;
  series?: string;
}

/** Canonical spelling of the last run() call (set for every matched input, placeholders included). */
let lastCanonical = '';

function finish(
  input: string,
  level: StandardLevel,
  code: string,
  recommended: boolean,
  industryCode: string | undefined,
  regionCode: string | undefined,
  org: string | undefined,
  seq: string,
  part: string | undefined,
  yearRaw: string | undefined,
  adoptedSuffix: string | undefined,
  adoptedDegree: ParsedNumber['adoptedDegree'],
  canonicalIsInput: boolean,
  opts: ParseOptions | undefined,
  extra?: FinishExtra,
): ParseResult {
  // Year: 4 digits as is. Two-digit years are never expanded ("LD66-94" may be 1994, but the number is kept as
  // written): the number stays usable and is reported as a warning.
  let year: number | undefined;
  const yearText = yearRaw;
  const placeholder =
    hasX(seq) || hasX(part) || hasX(yearRaw) || hasX(regionCode) || (org !== undefined && /^X+$/.test(org));
  if (yearRaw !== undefined && !placeholder && yearRaw.length === 4) year = +yearRaw;

  let canonical: string;
  if (canonicalIsInput) {
    canonical = input;
  } else {
    canonical = code + (extra?.joiner ?? ' ') + seq;
    if (part !== undefined) canonical += '.' + part;
    if (yearText !== undefined) canonical += (extra?.colonYear ? ':' : '-') + (placeholder ? yearText.toUpperCase() : yearText);
    if (extra?.amendment !== undefined) canonical += '/' + extra.amendment;
    if (extra?.edition !== undefined) canonical += '(' + extra.edition + '年版)';
  }
  lastCanonical = canonical;
  const nonCanonical = canonicalIsInput ? false : input !== canonical;

  if (placeholder) {
    return { ok: false, problems: [{ kind: 'placeholder' }], nonCanonical };
  }

  const problems: NumberProblem[] = [];
  let ok = true;
  if (industryCode !== undefined && !isKnownIndustryCode(industryCode)) {
    let extra = false;
    const list = opts?.extraIndustryCodes;
    if (list !== undefined) {
      for (let i = 0; i < list.length; i++) {
        if (list[i]!.toUpperCase() === industryCode) {
          extra = true;
          break;
        }
      }
    }
    if (!extra) {
      problems.push({ kind: 'unknown-industry-code', code: industryCode });
      ok = false;
    }
  }
  if (regionCode !== undefined && !isKnownRegionCode(regionCode)) {
    problems.push({ kind: 'unknown-region', code: regionCode });
    ok = false;
  }
  // No "missing-T": mandatory industry and local standards exist (WS 363, DL 5009.1, JGJ 46, DB31 …), so a code
  // without /T is not unusual in itself.
  if (part !== undefined && part.indexOf('.') !== -1) {
    problems.push({ kind: 'nested-part' });
  }
  if (yearRaw === undefined) {
    if (seq.length >= 6 && /(?:19[5-9]\d|20[0-4]\d)$/.test(seq)) problems.push({ kind: 'run-together-year', seq });
    else problems.push({ kind: 'undated' });
  } else if (year === undefined) {
    problems.push({ kind: 'two-digit-year', year: yearRaw });
  } else if (year < 1950 || year > maxYear(opts?.now)) {
    problems.push({ kind: 'bad-year', year });
    ok = false;
  }

  const number: ParsedNumber = { input, canonical, level, code, recommended, seq };
  if (industryCode !== undefined) number.industryCode = industryCode;
  if (regionCode !== undefined) number.regionCode = regionCode;
  if (org !== undefined) number.org = org;
  if (part !== undefined) number.part = part;
  if (year !== undefined) number.year = year;
  if (adoptedSuffix !== undefined) number.adoptedSuffix = adoptedSuffix;
  if (adoptedDegree !== undefined) number.adoptedDegree = adoptedDegree;
  if (extra?.amendment !== undefined) number.amendment = extra.amendment;
  if (extra?.jointNumber !== undefined) number.jointNumber = extra.jointNumber;
  if (extra?.edition !== undefined) number.edition = extra.edition;
  if (extra?.series !== undefined) number.series = extra.series;
  return { ok, number, problems, nonCanonical };
}

function runFast(input: string, m: RegExpExecArray, opts: ParseOptions | undefined): ParseResult {
  const seq = m[6]!;
  const part = m[7];
  const year = m[8];
  if (m[1] !== undefined) {
    const code = m[1];
    const rec = code === 'GB/T' || code === 'GBZ/T';
    return finish(input, 'national', code, rec, undefined, undefined, undefined, seq, part, year, undefined, undefined, true, opts);
  }
  if (m[2] !== undefined) {
    return finish(input, 'local', 'DB' + m[2] + '/T', true, undefined, m[2], undefined, seq, part, year, undefined, undefined, true, opts);
  }
  if (m[3] !== undefined) {
    return finish(input, 'group', 'T/' + m[3], true, undefined, undefined, m[3], seq, part, year, undefined, undefined, true, opts);
  }
  if (m[4] !== undefined) {
    return finish(input, 'enterprise', 'Q/' + m[4], true, undefined, undefined, m[4], seq, part, year, undefined, undefined, true, opts);
  }
  const ind = m[5]!;
  return finish(input, 'industry', ind + '/T', true, ind, undefined, undefined, seq, part, year, undefined, undefined, true, opts);
}

function runGeneral(input: string, s: string, opts: ParseOptions | undefined): ParseResult | undefined {
  const m = GENERAL_RE.exec(s);
  if (m === null) return undefined;
  const seq = m[12]!.toUpperCase();
  const partRaw = m[13]!;
  const part = partRaw.length > 0 ? partRaw.slice(1).toUpperCase() : undefined;
  const year = m[14];
  let adoptedSuffix: string | undefined;
  let degree: ParsedNumber['adoptedDegree'];
  const extra: FinishExtra = {};
  if (m[20] !== undefined) extra.edition = +m[20];
  // "seq:year" is the CECS series' own notation only ("ISO 9001:2015" is not a Chinese number)
  const colonYear = year !== undefined && /^[A-Za-z]{2,4} ?\d+(?:\.\d+)* ?:/.test(s);
  if (colonYear && !/^CECS/i.test(s)) return undefined;
  if (m[15] !== undefined) {
    extra.amendment = m[15].toUpperCase().replace(/ ?-{1,3} ?/, '-');
  } else if (m[16] !== undefined) {
    const joint = parseStandardNumber(m[16].trim(), opts);
    extra.jointNumber = joint.number?.canonical ?? m[16].trim();
  } else if (m[17] !== undefined) {
    adoptedSuffix = m[17];
  } else if (m[18] !== undefined) {
    degree = m[18].toUpperCase() as ParsedNumber['adoptedDegree'];
    adoptedSuffix = m[19];
  }
  if (m[5] !== undefined) {
    const region = m[5].toUpperCase();
    const x = m[6] !== undefined ? m[6].toUpperCase() : '';
    const t = x === 'T';
    return finish(input, 'local', 'DB' + region + (x ? '/' + x : ''), t, undefined, region, undefined, seq, part, year, adoptedSuffix, degree, false, opts, extra);
  }
  if (m[7] !== undefined) {
    const org = m[7].toUpperCase();
    return finish(input, 'group', 'T/' + org, true, undefined, undefined, org, seq, part, year, adoptedSuffix, degree, false, opts, extra);
  }
  if (m[8] !== undefined) {
    const org = m[8].toUpperCase();
    return finish(input, 'enterprise', 'Q/' + org, true, undefined, undefined, org, seq, part, year, adoptedSuffix, degree, false, opts, extra);
  }
  if (m[9] !== undefined && m[9].toUpperCase() === 'CECS' && m[10] === undefined && m[11] === undefined) {
    // 中国工程建设标准化协会 association standards (the series before T/CECS): "CECS 21:2000"
    if (colonYear) extra.colonYear = true;
    return finish(input, 'group', 'CECS', true, undefined, undefined, 'CECS', seq, part, year, adoptedSuffix, degree, false, opts, extra);
  }
  if (m[9] !== undefined && m[9].toUpperCase() !== 'GB') {
    const ind = m[9].toUpperCase();
    const x = m[10] !== undefined ? m[10].toUpperCase() : m[11] !== undefined ? 'T' : '';
    const code = x === '' ? ind : ind + '/' + x;
    return finish(input, 'industry', code, x === 'T', ind, undefined, undefined, seq, part, year, adoptedSuffix, degree, false, opts, extra);
  }
  // National. m[9] === "GB" cannot match when the national branch failed, but treat it as GB anyway.
  let code: string;
  if (m[1] !== undefined) code = 'GB/' + m[1].toUpperCase();
  else if (m[2] !== undefined) code = 'GB/T';
  else if (m[3] !== undefined) code = m[4] !== undefined ? 'GBZ/T' : 'GBZ';
  else if (m[9] !== undefined && m[10] !== undefined) code = 'GB/' + m[10].toUpperCase();
  else if (m[9] !== undefined && m[11] !== undefined) code = 'GB/T';
  else code = 'GB';
  const rec = code === 'GB/T' || code === 'GBZ/T';
  return finish(input, 'national', code, rec, undefined, undefined, undefined, seq, part, year, adoptedSuffix, degree, false, opts, extra);
}

/* ------------------------------------------------------------------------------------------ */
/* Engineering-construction local standards (工程建设地方标准)                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * Provincial housing-and-construction departments number their engineering standards in series of their own:
 * series, sequence and year, all separated by dashes, the series not being a GB/T 2260 code
 * (real numbers in tests/fixtures/real-numbers/local-engineering-*.csv):
 *   DBJ[/T] nn[/T]-seq-year   DBJ 11-501-2009 (北京), DBJ/T 15-92-2021 (广东), DBJ 53/T-83-2017 (云南)
 *   DB[/T] 29-seq-year        DB/T 29-20-2017, DB 29-205-2024 (天津; 29 is not a province code, Tianjin is 12)
 *   DGJ 08 / DG/TJ 08-seq-year DGJ 08-11-2018, DG/TJ 08-2326-2020 (上海)
 *   DGJnn/TJ|J seq-year       DGJ32/TJ 186-2015, DGJ32/J 189-2015 (江苏)
 * Tried only after the general grammar failed, so no number it accepts is read differently now.
 * Groups: 1 DBJ | 2 /T after DBJ | 3 series | 4 /T after the series | 5 separator before the sequence
 *  6 DB (天津) | 7 /T | 8 DGJ or DG/TJ (上海) | 9 series | 10 DGJ (江苏) series | 11 TJ or J
 *  12 seq | 13 part | 14 year | 15 edition year
 */
const ENG_LOCAL_RE = new RegExp(
  '^(?:' +
    '(DBJ)( ?/ ?T)? ?(\\d{2})( ?/ ?T)?( ?- ?| ?)' +
    '|(DB)( ?/ ?T)? ?29 ?- ?' +
    '|(DGJ|DG ?/ ?TJ) ?(\\d{2}) ?- ?' +
    '|DGJ ?(\\d{2}) ?/ ?(TJ|J) ?' +
    ')' +
    '(\\d{1,4})(?:\\.(\\d{1,3}))? ?-{1,3} ?(\\d{4}|\\d{2})' +
    EDITION +
    '$',
  'i',
);

function runEngLocal(input: string, s: string, opts: ParseOptions | undefined): ParseResult | undefined {
  const m = ENG_LOCAL_RE.exec(s);
  if (m === null) return undefined;
  let code: string;
  let series: string;
  let joiner = '-';
  let recommended: boolean;
  if (m[1] !== undefined) {
    // "DBJ11501-2009" would leave open where the series ends: a separator or a /T must come between
    if (m[4] === undefined && m[5] === '') return undefined;
    series = m[3]!;
    code = 'DBJ' + (m[2] ? '/T' : '') + ' ' + series + (m[4] ? '/T' : '');
    if (m[5]!.trim() === '') joiner = ' ';
    recommended = m[2] !== undefined || m[4] !== undefined;
  } else if (m[6] !== undefined) {
    series = '29';
    code = 'DB' + (m[7] ? '/T' : '') + ' 29';
    recommended = m[7] !== undefined;
  } else if (m[8] !== undefined) {
    series = m[9]!;
    const t = /T/i.test(m[8]);
    code = (t ? 'DG/TJ' : 'DGJ') + ' ' + series;
    recommended = t;
  } else {
    series = m[10]!;
    const kind = m[11]!.toUpperCase();
    code = 'DGJ' + series + '/' + kind;
    joiner = ' ';
    recommended = kind === 'TJ';
  }
  const extra: FinishExtra = { joiner, series };
  if (m[15] !== undefined) extra.edition = +m[15];
  return finish(input, 'local', code, recommended, undefined, undefined, undefined, m[12]!, m[13], m[14], undefined, undefined, false, opts, extra);
}

/**
 * True when replacing the input by `canonical` certainly names the same standard. Not for two-digit years
 * ("LD66-94" is never expanded) nor for a year run into the sequence ("RBT 2142017" must not become
 * "RB/T 2142017"); placeholders and unparseable input have nothing to rewrite to.
 */
export function rewriteIsSafe(r: ParseResult): boolean {
  if (r.number === undefined) return false;
  for (const p of r.problems) {
    if (p.kind === 'placeholder' || p.kind === 'unparseable' || p.kind === 'two-digit-year' || p.kind === 'run-together-year') return false;
  }
  return true;
}

const UNPARSEABLE: NumberProblem = Object.freeze({ kind: 'unparseable' }) as NumberProblem;

/**
 * Parse a standard number as written (messy spellings accepted) and report problems.
 * `ok` is false for placeholders, unparseable input, unknown industry/region codes and bad years;
 * undated numbers, two-digit years, a year run into the sequence and nested parts are warnings (`ok` stays true).
 */
export function parseStandardNumber(input: string, opts?: ParseOptions): ParseResult {
  const fast = FAST_RE.exec(input);
  if (fast !== null) return runFast(input, fast, opts);
  const s = preNormalize(input);
  const r = runGeneral(input, s, opts) ?? runEngLocal(input, s, opts);
  if (r !== undefined) return r;
  lastCanonical = fallbackCanonical(s);
  return { ok: false, problems: [UNPARSEABLE], nonCanonical: input !== lastCanonical };
}

/** Best-effort tidy-up for input the grammar does not match (already pre-normalised). */
function fallbackCanonical(s: string): string {
  return s
    .replace(/ ?-{1,3} ?(?=\d|X|x|$)/g, '-')
    .replace(/^GB ?(?:[/-] ?)?T ?(?=\d)/i, 'GB/T ')
    .replace(/^([A-Z]{2}) ?[/-] ?([TZ]) ?(?=\d)/i, (_m, c: string, t: string) => c.toUpperCase() + '/' + t.toUpperCase() + ' ');
}

/**
 * Canonical spelling for display and --fix, even when the number is not ok: placeholders keep
 * their X ("DB51/T XXXX-XXXX"), unparseable input is only tidied (half-width, dashes, spaces).
 */
export function canonicalizeNumber(input: string): string {
  parseStandardNumber(input);
  return lastCanonical;
}

const LEVEL_LABELS: Readonly<Record<StandardLevel, { zh: string; en: string }>> = Object.freeze({
  national: { zh: '国家标准', en: 'National standard' },
  industry: { zh: '行业标准', en: 'Industry standard' },
  local: { zh: '地方标准', en: 'Local standard' },
  group: { zh: '团体标准', en: 'Group standard' },
  enterprise: { zh: '企业标准', en: 'Enterprise standard' },
});

export function levelLabel(level: StandardLevel, lang: 'zh' | 'en'): string {
  return LEVEL_LABELS[level][lang];
}

/** Identity for duplicate detection: the canonical number (which never carries the adoption suffix). */
export function numberKey(n: ParsedNumber): string {
  return n.canonical;
}

/** Code + seq + part without year ("GB/T 24421.2"): editions of the same standard share it. */
export function seriesKey(n: ParsedNumber): string {
  return n.part === undefined ? n.code + ' ' + n.seq : n.code + ' ' + n.seq + '.' + n.part;
}
