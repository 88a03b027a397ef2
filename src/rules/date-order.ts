import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { isDate, rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

/** Dates of one row that cannot be in this order. Future dates against status: `status-date`. */
export const dateOrder: Rule = {
  id: 'date-order',
  severity: 'error',
  description: {
    zh: '实施日期或复审日期早于发布日期；复审日期晚于检查日期',
    en: '`effective` or `reviewed` is before `published`; `reviewed` is after the check date',
  },
  docs: {
    zh: '标准先发布、后实施（实施日期可以与发布日期同一天），复审只能针对已发布的标准，而且复审日期记录的是已经做过的复审，不会晚于今天（检查日期，可在 .hrss-std.yaml 中用 `today:` 固定）。顺序颠倒说明日期抄错了或填反了。修正：对照标准封面和复审记录改正日期。',
    en: 'A standard is published, then takes effect (possibly the same day); a review can only follow publication, and `reviewed` records a review already done, so it is not after today (the check date, fixed with `today:` in .hrss-std.yaml). Dates in the wrong order were copied wrongly or swapped. Fix: correct them from the cover of the standard and the review record.',
  },
  pointsAt: { zh: '`effective` 或 `reviewed` 的值', en: 'the `effective` or `reviewed` value' },
  example: {
    in: 'row',
    bad: yaml`
      published: "2017-10-01"
      effective: "2017-03-09"             # 早于发布日期（两个日期填反了）
    `,
    good: yaml`
      published: "2017-03-09"
      effective: "2017-10-01"
    `,
  },
  check({ system, today }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      const pub = isDate(entry.published) ? entry.published : undefined;
      if (pub && isDate(entry.effective) && entry.effective < pub) {
        out.push({
          message: { zh: `实施日期 ${entry.effective} 早于发布日期 ${pub}`, en: `effective ${entry.effective} is before published ${pub}` },
          hint: { zh: '标准先发布后实施；检查两个日期是否填反', en: 'a standard takes effect after publication; are the two dates swapped?' },
          at: rowAt(entry, 'effective'),
        });
      }
      if (!isDate(entry.reviewed)) continue;
      if (pub && entry.reviewed < pub) {
        out.push({
          message: { zh: `复审日期 ${entry.reviewed} 早于发布日期 ${pub}`, en: `reviewed ${entry.reviewed} is before published ${pub}` },
          hint: { zh: '复审日期应为最近一次复审的日期，不早于发布日期', en: 'reviewed is the date of the latest review, not before publication' },
          at: rowAt(entry, 'reviewed'),
        });
      } else if (entry.reviewed > today) {
        out.push({
          message: { zh: `复审日期 ${entry.reviewed} 晚于检查日期 ${today}`, en: `reviewed ${entry.reviewed} is after the check date ${today}` },
          hint: { zh: 'reviewed 记录已完成的复审；计划中的复审请写在 note 中', en: 'reviewed records a review already done; put a planned review in note:' },
          at: rowAt(entry, 'reviewed'),
        });
      }
    }
    return out;
  },
};
