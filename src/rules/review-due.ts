import type { Finding } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import { allStandards } from '../model/types.js';
import { addYears, isDate, rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

export const reviewDue: Rule = {
  id: 'review-due',
  severity: 'warning',
  description: { zh: '现行标准超过复审周期（默认 5 年）未复审', en: 'a current standard has not been reviewed within the review period (5 years by default)' },
  docs: {
    zh: '标准实施后应定期复审，复审周期一般不超过五年，以确认标准继续有效、需要修订还是废止。本规则对现行标准取最近复审日期 `reviewed` 与发布日期 `published` 中较晚的一个（两者都没有时取编号年代号的 1 月 1 日），若早于检查日期减去复审周期就报告。没有任何日期的行、已写 `replaced_by` 或内置资料记载已被代替/废止的行不检查（后者由 `status-replaced` 报告）。复审周期可在 `.hrss-std.yaml` 中用 `review_years:` 设置，检查日期用 `today:` 固定。修正：组织复审后在该行记录 `reviewed: YYYY-MM-DD`；复审结论为需修订的，把状态改为 `revising`（待修订）。',
    en: 'Standards are reviewed periodically, at most every five years as a rule, to confirm they stay valid or need revision or withdrawal. For a current row the later of `reviewed` and `published` (or 1 January of the number\'s year when both are missing) is compared with the check date minus the review period. Rows without any date, and rows with `replaced_by` or recorded as replaced/withdrawn in the built-in data, are skipped (`status-replaced` reports those). Set the period with `review_years:` and fix the check date with `today:` in .hrss-std.yaml. Fix: after the review record `reviewed: YYYY-MM-DD`; if it needs revision set `status: revising`.',
  },
  pointsAt: { zh: '`reviewed`，否则 `published`，否则 `number`', en: '`reviewed`, else `published`, else `number`' },
  example: {
    in: 'row',
    bad: yaml`
      number: GB/T 33534-2017
      published: "2017-03-09"             # 此后未记录复审（检查日期 2026-11-21）
    `,
    good: yaml`
      number: GB/T 33534-2017
      published: "2017-03-09"
      reviewed: "2025-06-30"              # 复审后记录实际复审日期
    `,
  },
  check({ system, today, reviewYears, known }) {
    const out: Finding[] = [];
    // due when the start of the period is before this date (one comparison per row, no date arithmetic)
    const startedBefore = addYears(today, -reviewYears);
    for (const entry of allStandards(system)) {
      if (entry.status !== 'current' || entry.replacedBy) continue;
      // a standard already replaced or withdrawn is status-replaced's business, not due for review
      const n = parsedNumber(entry)?.number;
      const k = n ? known.byNumber.get(n.canonical) : undefined;
      if (k?.status === 'replaced' || k?.status === 'withdrawn') continue;
      let since: string | undefined;
      let key: string;
      const reviewed = isDate(entry.reviewed) ? entry.reviewed : undefined;
      const published = isDate(entry.published) ? entry.published : undefined;
      if (reviewed && (!published || reviewed >= published)) {
        since = reviewed;
        key = 'reviewed';
      } else if (published) {
        since = published;
        key = 'published';
      } else {
        const year = n?.year;
        if (year === undefined) continue;
        since = `${year}-01-01`;
        key = 'number';
      }
      if (since >= startedBefore) continue;
      const due = addYears(since, reviewYears);
      const message =
        key === 'reviewed'
          ? { zh: `最近复审于 ${since}，已超过 ${reviewYears} 年复审周期（应于 ${due} 前再次复审）`, en: `last reviewed ${since}: the ${reviewYears}-year review period ended on ${due}` }
          : key === 'published'
            ? { zh: `发布于 ${since}，未记录复审，已超过 ${reviewYears} 年复审周期（应于 ${due} 前复审）`, en: `published ${since} and no review recorded: the ${reviewYears}-year review period ended on ${due}` }
            : { zh: `未记录发布和复审日期，按年代号 ${since.slice(0, 4)} 计已超过 ${reviewYears} 年复审周期`, en: `no publication or review date; counted from the year ${since.slice(0, 4)} of the number, the ${reviewYears}-year review period has ended` };
      out.push({
        message,
        hint: { zh: '复审后记录 reviewed: YYYY-MM-DD；需修订的改为 status: revising', en: 'after the review record reviewed: YYYY-MM-DD; if it needs revision set status: revising' },
        at: rowAt(entry, key),
      });
    }
    return out;
  },
};
