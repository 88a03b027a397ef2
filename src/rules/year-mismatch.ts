import type { Finding } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import { allStandards } from '../model/types.js';
import { isDate, rowAt, yearOf, yaml } from './helpers.js';
import type { Rule } from './types.js';

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  severity: 'warning',
  description: { zh: '编号中的年代号与发布日期的年份不一致', en: 'the year in the number differs from the year of `published`' },
  docs: {
    zh: '标准编号中的年代号就是标准的发布年份，所以 `GB/T 33534-2017` 的发布日期应在 2017 年内。容差：年底批准的标准常在次年 1 月才发布（如 GB/T 26268-2010 于 2011-01-14 发布），因此发布日期在编号年份次年的 1 月时不报告；编号带版本说明时（`GB 50010-2010(2015年版)`），发布日期可以是该版本的年份；其他任何不一致都报告。两者不一致时，通常是发布日期抄错了，或者编号写成了另一个版本（例如把 2009 版的编号配上 2023 版的日期）。修正：对照标准封面核对发布日期和编号的年代号。',
    en: 'The year in a standard number is its year of publication, so `GB/T 33534-2017` was published in 2017. Tolerance: standards approved at the end of a year are often published in January of the next (GB/T 26268-2010 was published 2011-01-14), so a publication date in January of the following year is not reported; a number with an edition note (`GB 50010-2010(2015年版)`) may carry the date of that edition; any other difference is. A mismatch usually means the date was copied wrongly, or the number names another edition (the 2009 number with the dates of the 2023 edition). Fix: check both against the cover of the standard.',
  },
  pointsAt: { zh: '`published` 的值', en: 'the `published` value' },
  example: {
    in: 'row',
    bad: yaml`
      number: GB/T 33534-2017
      published: "2018-03-09"
    `,
    good: yaml`
      number: GB/T 33534-2017
      published: "2017-03-09"
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      const n = parsedNumber(entry)?.number;
      if (!n?.year || !isDate(entry.published)) continue;
      const py = yearOf(entry.published);
      if (py === n.year) continue;
      // an edition note names the year of the revised edition: GB 50010-2010(2015年版) was published in 2015
      if (n.edition !== undefined && py === n.edition) continue;
      // Tolerance: a standard approved at the end of a year keeps that year in its number but is often
      // published in January of the next (GB/T 26268-2010, published 2011-01-14, reported in issue 12).
      if (py === n.year + 1 && entry.published.slice(5, 7) === '01') continue;
      out.push({
        message: { zh: `编号 ${n.canonical} 的年代号是 ${n.year}，发布日期却是 ${entry.published}`, en: `${n.canonical} has the year ${n.year}, but published is ${entry.published}` },
        hint: { zh: '年代号即发布年份：请对照标准封面核对发布日期和编号', en: 'the year in the number is the year of publication: check both against the cover' },
        at: rowAt(entry, 'published'),
      });
    }
    return out;
  },
};
