/**
 * 行业标准代号 (industry standard codes).
 *
 * The 64 codes come from metanorma/metanorma-model-gb `models/gb-standard-sector-prefix.adoc`
 * (see /work/shared/research/standards-rules.md §3.3). The same codes appear in the published 行业标准代号
 * tables reprinted from the 国家标准化管理委员会 list, e.g. http://shorologe.com/newsshow.aspx?id=169
 * (全国钟表标准化技术委员会, 2013, codes with 主管部门) and https://m.food12331.com/knowledge/quality/59758.html
 * (序号 / 名称 / 代号 / 主管部门). That list is dated, so it is extended
 * below and callers can add more through `parseStandardNumber(…, { extraIndustryCodes })`.
 *
 * "DB" is both the 地震 industry code and the local-standard prefix: `DB/T 12-2010` is 地震,
 * `DB44/T 1234-2021` is local. The parser tells them apart by whether digits follow "DB" directly.
 */
export const INDUSTRY_CODES_64: readonly string[] = Object.freeze([
  'AQ', 'BB', 'CB', 'CH', 'CJ', 'CY', 'DA', 'DB', 'DL', 'DZ', 'EJ', 'FZ', 'GA', 'GH', 'GM', 'GY',
  'HB', 'HG', 'HJ', 'HS', 'HY', 'JB', 'JC', 'JG', 'JR', 'JT', 'JY', 'LB', 'LD', 'LS', 'LY', 'MH',
  'MT', 'MZ', 'NY', 'QB', 'QC', 'QJ', 'QX', 'SB', 'SC', 'SH', 'SJ', 'SL', 'SN', 'SY', 'TB', 'TD',
  'TJ', 'TY', 'WB', 'WH', 'WJ', 'WM', 'WS', 'WW', 'XB', 'YB', 'YC', 'YD', 'YS', 'YY', 'YZ', 'ZY',
]);

/**
 * Codes assigned after the metanorma list was compiled.
 * RB (认证认可) is a later code: it is not in the 64-code list above (research confidence [L]).
 */
export const LATER_INDUSTRY_CODES: readonly string[] = Object.freeze(['RB', 'NB']);

/**
 * Codes of engineering-construction industry standards (工程建设行业标准), three letters, not in the sector list:
 * JGJ 建筑工程, CJJ 城镇建设, JTG 公路工程, RFJ 人民防空工程 (国家人民防空办公室: RFJ 02-2009 轨道交通工程人民防空设计规范,
 * cited in a subway design report, tests/fixtures/real-numbers/edition-notes-structural.csv). Seen on real numbers in
 * tests/fixtures/real-numbers/ (sources there). NB (能源, NB/T 47013) is listed with the later codes above. CECS
 * (协会标准) is parsed as its own series.
 */
export const ENGINEERING_CODES: readonly string[] = Object.freeze(['JGJ', 'CJJ', 'JTG', 'RFJ']);

/** All industry codes the parser accepts by default: the 64 codes plus the later ones. */
export const INDUSTRY_CODES: readonly string[] = Object.freeze([...INDUSTRY_CODES_64, ...LATER_INDUSTRY_CODES, ...ENGINEERING_CODES]);

const INDUSTRY_CODE_SET: ReadonlySet<string> = new Set(INDUSTRY_CODES);

/** 人社's own industry code (劳动和劳动安全; LD/T standards are issued by 人力资源和社会保障部). */
export const HRSS_INDUSTRY_CODE = 'LD';

/** True when `code` (upper-case, two to four letters) is a known industry code. */
export function isKnownIndustryCode(code: string): boolean {
  return INDUSTRY_CODE_SET.has(code);
}
