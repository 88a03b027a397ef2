import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { ENGINEERING_CODES, type ParsedNumber } from '../numbers/index.js';
import { numberFields } from './number-fields.js';
import { yaml } from './helpers.js';
import type { Rule } from './types.js';

/**
 * Numbers that are valid but worth checking by eye, and that no automatic fix may touch: two-digit
 * years (old citations such as `LD66-94`), a year run into the sequence without a dash (`RBT 2142017`)
 * and parts of parts. A code without /T is not reported: mandatory industry and local standards exist
 * (WS 363, DL 5009.1, JGJ 46, GB 50016 …), see tests/fixtures/real-numbers/.
 */
/**
 * Engineering-construction standards (工程建设标准): national GB 50000–59999 (GB 50045, GB 55001), the
 * engineering industry codes (JGJ, CJJ, JTG, RFJ), CECS and the provincial series (DBJ 11-501-2009).
 */
function isEngineeringConstruction(n: ParsedNumber): boolean {
  if (n.level === 'national') return n.seq.length === 5 && n.seq[0] === '5';
  if (n.industryCode !== undefined) return ENGINEERING_CODES.includes(n.industryCode);
  return n.code === 'CECS' || n.series !== undefined;
}

export const numberUnusual: Rule = {
  id: 'number-unusual',
  severity: 'warning',
  description: {
    zh: '标准编号的年代号只有两位、年代号与顺序号连写，或部分号再分部分（如 .1.2）',
    en: 'a number with a two-digit year, a year run into the sequence, or a part of a part (.1.2)',
  },
  docs: {
    zh: '这些写法都对应真实存在的标准，但无法确定其准确编号，所以只提示、从不自动修改（`--fix` 和 `import` 都保持原文）：两位年代号不展开成四位，因为无法从编号本身确定世纪；1995 年以前的标准封面本来就印两位年代号（`GB 14553—93`、`LD66-94`），这种写法不报告，1995 年以后（`-95` 至 `-99`、`-00` 至 `-49`）封面印四位，两位的是简写引用（`DL/T645-97`），才提示；工程建设标准（GB 50xxx 等、JGJ、CJJ、JTG、CECS、DBJ）到 1999 年仍印两位年代号（`GB 50045-95`、`JGJ 59-99`），其 `-95` 至 `-99` 不报告；顺序号后紧跟像年份的四位数字而没有“-”（`RBT 2142017`，实为 RB/T 214-2017）时，无法确定顺序号在哪里结束；部分号一般只有一级（`GB/T 31596.3`），出现两级（`.1.2`）多为录入错误。不带 /T 的行业或地方标准编号不报告：强制性行业标准（如 `WS 363`、`DL 5009.1`、`JGJ 46-2005`）和强制性地方标准都真实存在。修正：对照标准封面写出完整编号；确为原样引用的，可在该行前加 `# hrss-std-disable-next-line number-unusual -- <理由>`。',
    en: 'Each of these spellings names a real standard, but its exact number cannot be derived, so it is reported and never rewritten (`--fix` and `import` keep the text): two-digit years are not expanded, because the number alone does not give the century; standards issued before 1995 print a two-digit year on the cover (`GB 14553—93`, `LD66-94`), so that spelling is not reported, while from 1995 on covers print four digits and a two-digit year (`-95` to `-99`, `-00` to `-49`, e.g. `DL/T645-97`) is a shortened citation and is reported; engineering-construction standards (GB 50xxx and the like, JGJ, CJJ, JTG, CECS, DBJ) printed two-digit years until 1999 (`GB 50045-95`, `JGJ 59-99`), so their `-95` to `-99` is not reported; a sequence followed by four digits that look like a year without a dash (`RBT 2142017`, really RB/T 214-2017) leaves open where the sequence ends; part numbers have one level (`GB/T 31596.3`), two levels (`.1.2`) are usually a typing error. A code without /T is not reported: mandatory industry standards (`WS 363`, `DL 5009.1`, `JGJ 46-2005`) and mandatory local standards exist. Fix: write the full number from the cover; for a deliberate verbatim citation add `# hrss-std-disable-next-line number-unusual -- <reason>` above the line.',
  },
  pointsAt: { zh: '编号的值或列表项', en: 'the number or list item' },
  example: {
    in: 'row',
    bad: yaml`
      number: RBT 2142017                 # 顺序号与年代号连写，--fix 不会改写
      references: [DL/T645-97]            # 1995 年后的两位年代号，不展开
    `,
    good: yaml`
      number: RB/T 214-2017               # 核对封面后写出完整编号
      references: [DL/T 645-1997]         # 仅在封面确认年份后改写
    `,
  },
  notReported: [
    { values: ['WS 363.1-2011', 'DL 5009.1-2014', 'JGJ 46-2005', 'DB44 123-2021', 'DB 44/26-2001'], why: { zh: '强制性标准', en: 'mandatory standards' } },
    { values: ['GB 14553-93', 'LD66-94'], why: { zh: '1995 年前封面上的两位年代号', en: 'two-digit year as printed before 1995' } },
  ],
  check({ system }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      for (const f of numberFields(entry)) {
        if (f.parse.problems.length === 0) continue;
        const v = f.value.trim();
        for (const p of f.parse.problems) {
          if (p.kind === 'two-digit-year') {
            // Standards issued before the mid-1990s printed a two-digit year on the cover (GB 14553—93, GB 7026—86;
            // research/standards-rules.md §year), so 50–94 is the standard's own spelling, not something to check.
            // 95–99 and 00–49 were printed with four digits: there a two-digit year is a shortened citation.
            const yy = Number(p.year);
            if (yy >= 50 && yy <= 94) continue;
            // Engineering-construction standards kept the two-digit year on the cover until 1999: GB 50045-95
            // (cited "GB 50045-95（2005年版）") and JGJ 59-99 are their printed numbers (real-numbers corpus).
            if (yy >= 95 && f.parse.number !== undefined && isEngineeringConstruction(f.parse.number)) continue;
            out.push({
              message: { zh: `编号 “${v}” 的年代号 “${p.year}” 只有两位`, en: `the year "${p.year}" of "${v}" has two digits` },
              hint: { zh: `两位年代号不会被自动展开；请对照标准封面写成四位年代号（如 -${yy >= 50 ? 19 : 20}${p.year}）`, en: `two-digit years are never expanded automatically; write the four-digit year from the cover (e.g. -${yy >= 50 ? 19 : 20}${p.year})` },
              at: f.at,
            });
          } else if (p.kind === 'run-together-year') {
            const guess = `${p.seq.slice(0, -4)}-${p.seq.slice(-4)}`;
            out.push({
              message: { zh: `编号 “${v}” 的顺序号 ${p.seq} 末尾像是年代号，可能漏写了 “-”`, en: `the sequence ${p.seq} of "${v}" ends in what looks like a year; a "-" may be missing` },
              hint: { zh: `若顺序号为 ${guess}，请对照标准封面改写；不会自动修改`, en: `if it is ${guess}, correct it from the cover; this is never changed automatically` },
              at: f.at,
            });
          } else if (p.kind === 'nested-part') {
            out.push({
              message: { zh: `编号 “${v}” 的部分号有两级`, en: `"${v}" has a part of a part` },
              hint: { zh: '部分号一般只有一级（如 GB/T 31596.3-2023），请对照标准封面核实', en: 'part numbers have one level (GB/T 31596.3-2023); check the cover' },
              at: f.at,
            });
          }
        }
      }
    }
    return out;
  },
};
