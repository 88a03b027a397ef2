import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { HRSS_INDUSTRY_CODE, INDUSTRY_CODES } from '../numbers/index.js';
import { nearest, yaml } from './helpers.js';
import { numberFields } from './number-fields.js';
import type { Rule } from './types.js';

export const unknownIndustryCode: Rule = {
  id: 'unknown-industry-code',
  severity: 'error',
  description: { zh: '行业标准代号不在行业标准代号表中', en: 'the industry code of a number is not a known 行业标准代号' },
  docs: {
    zh: '行业标准编号以行业代号开头（两个字母，工程建设行业标准为三个字母，如 `JGJ`、`CJJ`），例如人社领域的 `LD/T`（劳动和劳动安全）、民政的 `MZ/T`、档案的 `DA/T`。代号不在代号表中时，多半是拼写错误（如 `LB/T` 写成 `LT/T`）或把别的编号当成了行业标准，级别统计和状态核对都会出错。代号表取自行业标准代号清单（64 个），补充了后来新增的 `RB`、`NB` 和工程建设代号 `JGJ`、`CJJ`、`JTG`（协会标准 `CECS 21:2000` 单独识别）；表中的真实代号不会得到“相近的代号”提示；若确有表中尚未收录的新代号，请在该行前加 `# hrss-std-disable-next-line unknown-industry-code -- <依据>`。修正：对照标准封面改正代号。',
    en: 'An industry-standard number starts with a sector code (two letters; three for engineering-construction standards such as `JGJ`, `CJJ`), e.g. `LD/T` for 人社 (labour), `MZ/T` civil affairs, `DA/T` archives. A code that is not in the list is usually a typing error or another kind of number, and level statistics and status checks go wrong. The list is the 64-code sector list plus the later `RB` and `NB` and the engineering codes `JGJ`, `CJJ`, `JTG` (association standards `CECS 21:2000` are read as their own series); a real code in the list never gets a \"similar codes\" hint; for a genuinely new code add `# hrss-std-disable-next-line unknown-industry-code -- <source>` above the line. Fix: correct the code from the cover of the standard.',
  },
  pointsAt: { zh: '编号的值或列表项', en: 'the number or list item' },
  example: {
    in: 'row',
    bad: yaml`
      number: LT/T 01-2020
    `,
    good: yaml`
      number: LD/T 01-2020                # 人社部行业标准代号为 LD
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    const suggestions = new Map<string, string[]>();
    for (const entry of allStandards(system)) {
      for (const f of numberFields(entry)) {
        for (const p of f.parse.problems) {
          if (p.kind !== 'unknown-industry-code') continue;
          let near = suggestions.get(p.code);
          if (!near) suggestions.set(p.code, (near = nearest(p.code, INDUSTRY_CODES, 1, 6)));
          const list = near.length ? near.join('、') : '';
          out.push({
            message: { zh: `“${f.value.trim()}” 中的行业代号 ${p.code} 不在行业标准代号表中`, en: `${p.code} in "${f.value.trim()}" is not a known industry code` },
            hint: {
              zh: `${list ? `相近的代号：${list}；` : ''}人社部的行业标准代号是 ${HRSS_INDUSTRY_CODE}（${HRSS_INDUSTRY_CODE}/T）`,
              en: `${list ? `similar codes: ${near.join(', ')}; ` : ''}the industry code of the Ministry of Human Resources and Social Security (人社部) is ${HRSS_INDUSTRY_CODE} (${HRSS_INDUSTRY_CODE}/T)`,
            },
            at: f.at,
          });
        }
      }
    }
    return out;
  },
};
