import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { numberFields } from './number-fields.js';
import type { Rule } from './types.js';

/**
 * Numbers that are valid but unusual enough to check by eye: industry/local numbers without /T
 * (legacy mandatory ones, or /T forgotten) and parts of parts. Split from `number-format`
 * because they are warnings, and from `number-canonical` because no automatic fix is safe.
 */
export const numberUnusual: Rule = {
  id: 'number-unusual',
  severity: 'warning',
  description: {
    zh: '行业/地方标准编号缺少 /T，或部分号再分部分（如 .1.2）',
    en: 'an industry or local number without /T, or a part of a part (.1.2)',
  },
  docs: {
    zh: '2018 年起施行的《标准化法》规定行业标准、地方标准是推荐性标准，编号带 /T（如 `LD/T 01-2020`、`DB44/T 1234-2021`）。不带 /T 的行业或地方标准编号要么是旧的强制性标准（可能已废止或转化），要么是漏写了 /T。部分号一般只有一级（`GB/T 31596.3`），出现两级（`.1.2`）多为录入错误。两者都不自动修正：请对照标准封面核实后改正；确为旧编号的，可在该行前加 `# hrss-std-disable-next-line number-unusual -- <理由>`。',
    en: 'Since the 2018 Standardization Law, industry and local standards are recommended standards and carry /T (`LD/T 01-2020`, `DB44/T 1234-2021`). An industry or local number without /T is either an old mandatory standard (possibly withdrawn or converted) or /T was left out. Part numbers have one level (`GB/T 31596.3`); two levels (`.1.2`) are usually a typing error. Neither is fixed automatically: check the cover of the standard; for a genuine legacy number add `# hrss-std-disable-next-line number-unusual -- <reason>` above the line.',
  },
  check({ system }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      for (const f of numberFields(entry)) {
        if (f.parse.problems.length === 0) continue;
        const v = f.value.trim();
        for (const p of f.parse.problems) {
          if (p.kind === 'missing-T') {
            const c = f.parse.number?.canonical;
            const withT = c?.startsWith(p.code) ? `${p.code}/T${c.slice(p.code.length)}` : '';
            out.push({
              message: { zh: `编号 “${v}” 的代号 ${p.code} 缺少 “/T”`, en: `the code ${p.code} of "${v}" has no "/T"` },
              hint: {
                zh: `现行行业、地方标准均为推荐性标准（${withT || `${p.code}/T …`}）；若确为旧的强制性编号，请核实其是否仍然有效`,
                en: `industry and local standards are recommended standards (${withT || `${p.code}/T …`}); if this is an old mandatory number, check it is still in force`,
              },
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
