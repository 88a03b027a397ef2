import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { regionName } from '../numbers/index.js';
import { NEEDS_NUMBER, rowAt, statusText, yearOf, yaml } from './helpers.js';
import { FIELD_NAMES, numberFields } from './number-fields.js';
import type { Rule } from './types.js';

const SHAPES = 'GB/T 24421.2-2023、LD/T 01-2020、DB44/T 1234-2021、T/CQTSHRA 006-2024、Q/XYZ 001-2023';

/**
 * Hard faults of standard numbers: unreadable, placeholders, unknown regions, impossible years,
 * a missing or undated number where the row's status says the standard is published.
 * Unknown industry codes have their own rule; legacy spellings (no /T) are `number-unusual`.
 */
export const numberFormat: Rule = {
  id: 'number-format',
  severity: 'error',
  description: {
    zh: '标准编号无法识别、是占位编号、缺少年代号或年份/地区代码无效；已发布状态的标准缺少编号',
    en: 'a standard number is unreadable, a placeholder, undated, or has an invalid year or region code; a published row has no number',
  },
  docs: {
    zh: '标准编号是核对标准状态、版本和重复的依据，必须能被识别。本规则检查 `number`、`replaces`、`replaced_by`、`references` 中的每个编号：无法按“代号 顺序号[.部分号]-年代号”识别的写法；征求意见稿中的占位编号（如 `DBXX/T XXXX-XXXX`）；DB 后的行政区划代码不存在；年代号早于 1950 或晚于检查日期的下一年。状态为现行、即将实施、被代替、废止、待修订的行必须填写带年代号的编号（`references`、`replaces` 可以不注日期）。修正：照标准文本封面填写正式编号；尚未发布的标准删去 `number`，并写 `status: planned`（待制定）或 `drafting`（制定中）。',
    en: 'The standard number is what status, edition and duplicate checks rely on, so it must be readable. Every number in `number`, `replaces`, `replaced_by` and `references` is checked: spellings that do not follow "code seq[.part]-year"; placeholder numbers from drafts (`DBXX/T XXXX-XXXX`); a region code after DB that does not exist; years before 1950 or after next year. Rows whose status is current, upcoming, replaced, withdrawn or revising need a dated number (`references` and `replaces` may be undated). Fix: copy the number from the cover of the standard; for a standard not yet published remove `number` and set `status: planned` or `drafting`.',
  },
  pointsAt: { zh: '编号的值（`replaces`/`references` 为对应的列表项）；缺少编号时为 `status`', en: 'the number (or the list item); `status` when the number is missing' },
  example: {
    in: 'rows',
    bad: yaml`
      - code: "201-03"
        number: DBXX/T XXXX-XXXX          # 征求意见稿的占位编号
        title: 湛江市职业介绍服务规范
        status: current
      - code: "202-01"
        number: GB/T 33534                # 现行标准缺少年代号
        title: 失业登记管理服务规范
    `,
    good: yaml`
      - code: "201-03"
        title: 湛江市职业介绍服务规范
        level: local
        status: drafting                  # 尚未发布：不写编号
        note: 征求意见稿编号 DBXX/T XXXX-XXXX
      - code: "202-01"
        number: GB/T 33534-2017           # 按标准封面补上年代号
        title: 失业登记管理服务规范
    `,
  },
  check({ system, today, known }) {
    const out: Finding[] = [];
    const maxYear = yearOf(today) + 1;
    for (const entry of allStandards(system)) {
      const needsDated = NEEDS_NUMBER.has(entry.status);
      if (!entry.number && needsDated) {
        const st = statusText(entry.status);
        out.push({
          message: { zh: `状态为“${st.zh}”的标准缺少标准编号`, en: `a ${st.en} standard has no number` },
          hint: {
            zh: '填写 number；尚未发布的标准请写 status: planned（待制定）或 drafting（制定中）',
            en: 'add number:; for a standard not yet published use status: planned or drafting',
          },
          at: rowAt(entry, 'status'),
        });
      }
      for (const f of numberFields(entry)) {
        // The year limit follows the configured check date, not the clock (deterministic output).
        const year = f.parse.number?.year;
        const badYear = year !== undefined && (year < 1950 || year > maxYear);
        if (f.parse.problems.length === 0 && !badYear) continue;
        const what = FIELD_NAMES[f.key];
        const v = f.value.trim();
        for (const p of f.parse.problems) {
          switch (p.kind) {
            case 'unparseable':
              out.push({
                message: { zh: `无法识别的${what.zh}：“${v}”`, en: `unreadable ${what.en}: "${v}"` },
                hint: f.key === 'number' && !needsDated
                  ? { zh: `标准编号形如 ${SHAPES}；尚无编号的待制定标准请删除 number`, en: `numbers look like ${SHAPES}; a planned standard without a number should have no number:` }
                  : { zh: `标准编号形如 ${SHAPES}`, en: `numbers look like ${SHAPES}` },
                at: f.at,
              });
              break;
            case 'placeholder':
              out.push({
                message: { zh: `“${v}” 是占位编号（含 X），不是正式发布的标准编号`, en: `"${v}" is a placeholder number (with X), not a published one` },
                hint: needsDated || f.key !== 'number'
                  ? { zh: '按标准封面填写正式编号；尚未发布的标准请把 status 改为 drafting（制定中）并删除编号', en: 'use the published number from the cover; for a standard not yet published set status: drafting and remove the number' }
                  : { zh: '尚未发布的标准请删除 number（可写在 note 中），发布后再填写正式编号', en: 'remove number: until the standard is published (keep it in note: if useful)' },
                at: f.at,
              });
              break;
            case 'undated':
              if (f.key === 'number' && needsDated) {
                const st = statusText(entry.status);
                const seen = known.undated.has(f.parse.number?.canonical ?? v);
                out.push({
                  message: { zh: `标准编号 “${v}” 缺少年代号，无法核对“${st.zh}”标准的版本`, en: `number "${v}" has no year, so the edition of this ${st.en} standard cannot be checked` },
                  hint: seen
                    ? { zh: '按标准文本封面补上年代号（发布年份），写成 “编号-YYYY”；资料中该标准只见不注日期的引用', en: 'add the year from the cover ("number-YYYY"); the project data has only undated citations of it' }
                    : { zh: '按标准文本封面补上年代号（发布年份），写成 “编号-YYYY”', en: 'add the year from the cover of the standard ("number-YYYY")' },
                  at: f.at,
                });
              }
              break;
            case 'unknown-region': {
              const province = p.code.slice(0, 2);
              out.push({
                message: { zh: `地方标准代号 DB${p.code} 中的行政区划代码 “${province}” 不存在`, en: `region code "${province}" in DB${p.code} is not a province code` },
                hint: {
                  zh: `DB 后为 GB/T 2260 省级代码（如 44 = ${regionName('44') ?? ''}），设区的市再加两位（如 4408）`,
                  en: 'DB is followed by the GB/T 2260 province code (44 = Guangdong) and, for a city, two more digits (4408)',
                },
                at: f.at,
              });
              break;
            }
            default:
              break;
          }
        }
        if (badYear) {
          out.push({
            message: { zh: `${what.zh} “${v}” 的年代号 ${year} 不合理`, en: `the year ${year} of "${v}" is not plausible` },
            hint: { zh: `年代号是发布年份，应在 1950 至 ${maxYear} 之间`, en: `the year is the year of publication: 1950 to ${maxYear}` },
            at: f.at,
          });
        }
      }
    }
    return out;
  },
};
