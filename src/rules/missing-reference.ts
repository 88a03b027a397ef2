import type { Finding } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import { allStandards } from '../model/types.js';
import { numberKey, seriesKey, type ParsedNumber } from '../numbers/index.js';
import { numberFields } from './number-fields.js';
import { yaml } from './helpers.js';
import type { Rule } from './types.js';

/** "GB/T 24421" for any part and edition of GB/T 24421. */
const baseKey = (n: ParsedNumber) => n.code + ' ' + n.seq;

export const missingReference: Rule = {
  id: 'missing-reference',
  severity: 'warning',
  description: { zh: '规范性引用文件不在本体系中', en: 'a normative reference is not in this system' },
  docs: {
    zh: '`references` 记录一项标准的规范性引用文件。被引用的标准是执行该标准的前提，通常也应列入体系（多放在基础通用或相应子体系中）。注日期的引用（`GB/T 13016-2018`）要求体系中有该版本；不注日期的引用（`GB/T 33527`，“其最新版本适用”）匹配该标准的任何版本，不带部分号时也匹配它的任何部分。修正：把被引用的标准加入体系（暂未收录时可先加一行并注明状态）；体系中是其他版本时，核对引用的年代号。',
    en: '`references` lists a standard\'s normative references. They are needed to apply it and usually belong in the system too. A dated reference (`GB/T 13016-2018`) needs that edition in the system; an undated one (`GB/T 33527`, "latest edition applies") matches any edition, and without a part number any part. Fix: add the referenced standard to the system; if another edition is listed, check the year of the reference.',
  },
  pointsAt: { zh: '`references` 中的该项', en: 'the `references` item' },
  example: {
    in: 'rows',
    bad: yaml`
      - number: GB/T 30226-2013
        title: 服务业标准体系编写指南
        references: [GB/T 13016-2018]     # 体系中没有 GB/T 13016-2018
    `,
    good: yaml`
      - number: GB/T 30226-2013
        title: 服务业标准体系编写指南
        references: [GB/T 13016-2018]
      - number: GB/T 13016-2018           # 把被引用的标准列入体系
        title: 标准体系构建原则和要求
    `,
  },
  check({ system }) {
    const rows = allStandards(system);
    // most systems cite no references: build the indexes only when one does
    if (!rows.some((e) => e.references.length > 0)) return [];
    const exact = new Set<string>();
    const series = new Map<string, string>();
    const bases = new Set<string>();
    for (const entry of rows) {
      const n = parsedNumber(entry)?.number;
      if (!n) continue;
      exact.add(numberKey(n));
      if (!series.has(seriesKey(n))) series.set(seriesKey(n), n.canonical);
      bases.add(baseKey(n));
    }
    const out: Finding[] = [];
    for (const entry of rows) {
      for (const f of numberFields(entry)) {
        const n = f.parse.number;
        if (f.key !== 'references' || !n) continue;
        if (n.year === undefined) {
          if (series.has(seriesKey(n)) || (n.part === undefined && bases.has(baseKey(n)))) continue;
        } else if (exact.has(numberKey(n))) continue;
        const other = n.year !== undefined ? series.get(seriesKey(n)) : undefined;
        out.push({
          message: { zh: `引用的标准 ${n.canonical} 不在本体系中`, en: `the referenced standard ${n.canonical} is not in this system` },
          hint: other
            ? { zh: `体系中列的是 ${other}：请核对引用的年代号`, en: `the system lists ${other}: check the year of the reference` }
            : { zh: '把被引用的标准加入体系（通常放在基础通用或相应子体系中）', en: 'add the referenced standard to the system' },
          at: f.at,
        });
      }
    }
    return out;
  },
};
