import { parseStandardNumber, rewriteIsSafe } from '../../numbers/index.js';
import { LEVEL_ALIASES, STATUS_ALIASES, type Level, type Status } from '../../model/types.js';

/** Full-width ASCII → half-width, ideographic space → space; runs of blanks → one space; trimmed. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\s]+/g, ' ')
    .trim();
}

/** Cells that mean "nothing here" in hand-made tables. */
const EMPTY = new Set(['', '-', '--', '—', '——', '/', '无', '暂无', '空', 'N/A', 'n/a', '待定']);
export function isBlank(s: string): boolean {
  return EMPTY.has(halfWidth(s));
}

/** Level words seen in hand-made tables, beyond the format's own aliases. */
const LEVEL_WORDS: Record<string, Level> = {
  ...LEVEL_ALIASES,
  国家: 'national', 国家级: 'national', 国家级标准: 'national', 推荐性国家标准: 'national', 强制性国家标准: 'national',
  行业: 'industry', 行业级: 'industry',
  地方: 'local', 地方级: 'local', 省级地方标准: 'local', 市级地方标准: 'local', 省地方标准: 'local', 市地方标准: 'local',
  团体: 'group', 团标: 'group',
  企业: 'enterprise', 企标: 'enterprise', 内部: 'enterprise',
};

/** Status words seen in hand-made tables, beyond the format's own aliases. */
const STATUS_WORDS: Record<string, Status> = {
  ...STATUS_ALIASES,
  现行有效: 'current', 有效: 'current', 已发布: 'current', 已实施: 'current',
  待实施: 'upcoming', 已发布待实施: 'upcoming',
  // drafts at their stages of approval (征求意见稿, 送审稿, 报批稿) are being made, never current
  征求意见稿: 'drafting', 征求意见: 'drafting', 送审稿: 'drafting', 报批稿: 'drafting', 草案: 'drafting', 审查稿: 'drafting',
  在编: 'drafting', 编制中: 'drafting', 起草中: 'drafting', 正在制定: 'drafting', 在研: 'drafting',
  拟制定: 'planned', 需制定: 'planned', 待编制: 'planned', 计划制定: 'planned', 规划: 'planned', 拟定: 'planned',
  修订中: 'revising', 需修订: 'revising', 拟修订: 'revising', 修订: 'revising',
  已被代替: 'replaced', 被替代: 'replaced', 已代替: 'replaced',
  已废止: 'withdrawn', 作废: 'withdrawn', 已作废: 'withdrawn',
};

const key = (s: string) => halfWidth(s).replace(/\s+/g, '').toLowerCase();
const LEVEL_INDEX = new Map(Object.entries(LEVEL_WORDS).map(([k, v]) => [key(k), v]));
const STATUS_INDEX = new Map(Object.entries(STATUS_WORDS).map(([k, v]) => [key(k), v]));

export function mapLevel(s: string): Level | undefined {
  return LEVEL_INDEX.get(key(s));
}

export function mapStatus(s: string): Status | undefined {
  return STATUS_INDEX.get(key(s));
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date cell (exceljs gives UTC midnight), an Excel serial day number, or text in common spellings. */
export function mapDate(v: Date | number | string): string | undefined {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return validDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') {
    // Excel's 1900 date system: serial 25569 = 1970-01-01
    if (!Number.isInteger(v) || v < 1 || v > 200000) return undefined;
    return mapDate(new Date(Math.round((v - 25569) * 86400000)));
  }
  const s = halfWidth(v);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A standard number as the YAML should hold it: canonical when the grammar reads it (full-width,
 * dashes and spaces repaired), else as written (validate will explain what is wrong with it).
 * A number with an adoption suffix or a joint number keeps it: the canonical form would drop it.
 * Rewrites that could name another standard are not made (the written text is kept and
 * `suspect` says why): a two-digit year is never expanded (`LD66-94` stays, docs/authoring.md),
 * and a sequence number with a year run into it (`RBT 2142017`, really RB/T 214-2017) is not
 * canonicalised into a number without a year (see rewriteIsSafe).
 */
export function mapNumber(s: string): { number: string; ok: boolean; suspect?: 'two-digit-year' | 'year-run-in' } {
  const text = halfWidth(s);
  if (/[-－—–‐‑]\s*\d{2}$/.test(text) && !/[-－—–‐‑]\s*\d{4}$/.test(text)) {
    return { number: text, ok: parseStandardNumber(text).number !== undefined, suspect: 'two-digit-year' };
  }
  const r = parseStandardNumber(text);
  if (r.number && r.number.year === undefined && /\d{6,}$/.test(text) && /(19[5-9]\d|20[0-4]\d)$/.test(text)) {
    return { number: text, ok: false, suspect: 'year-run-in' };
  }
  if (r.number && r.number.adoptedSuffix === undefined && r.number.adoptedDegree === undefined && r.number.jointNumber === undefined && rewriteIsSafe(r)) {
    return { number: r.number.canonical, ok: true };
  }
  return { number: text, ok: r.number !== undefined };
}

/** Number cells that name no number but a state ("待制定", "无"): the row is a standard without a number. */
export function numberPlaceholder(s: string): boolean {
  return isBlank(s) || /^(待制定|待定|拟制定|拟定|待编制|在编|暂无编号|无编号|未发布|待发布|未定)$/.test(halfWidth(s).replace(/\s+/g, ''));
}

/** C0/C1 control characters (other than TAB and line breaks) and non-characters YAML and XML cannot hold. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** Split a list cell ("P03-01、P03-02；P04") into items. */
export function splitList(s: string): string[] {
  return halfWidth(s).split(/[,，、;；\n]+|\s+/).map((x) => x.trim()).filter(Boolean);
}
