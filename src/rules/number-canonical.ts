import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { rewriteIsSafe } from '../numbers/index.js';
import { numberFields } from './number-fields.js';
import { yaml } from './helpers.js';
import type { Rule } from './types.js';

/** Numbers that parse but are not written the canonical way; `data.canonical` feeds `--fix`. */
export const numberCanonical: Rule = {
  id: 'number-canonical',
  severity: 'warning',
  description: {
    zh: '标准编号写法不规范（全角字符、“—”等破折号、GBT、多余或缺少空格、附带采标号）',
    en: 'a standard number is not written canonically (full-width characters, long dashes, GBT, spacing, adoption suffix)',
  },
  docs: {
    zh: '同一标准若有多种写法，查重、核对状态和统计都会出错。规范写法为半角字符、代号大写、代号与顺序号之间一个空格、年代号前用半角连字符“-”且为四位，例如 `GB/T 24421.2-2023`、`DB4403/T 50-2020`。标准封面上的一字线“—”、全角“／”“－”、`GBT`、`GB/T33531—2017` 之类的写法都会被识别并给出规范写法；采标号（如 `/ISO 9001:2015`）应写在 `adopted:` 中而不是编号里。检查 `number`、`replaces`、`replaced_by`、`references` 中的每个编号。修正：按提示改为规范写法（JSON 输出的 `data.canonical` 即规范写法，可供自动修复使用）。',
    en: 'When one standard is written several ways, duplicate, status and statistics checks go wrong. The canonical form is half-width, upper-case code, one space after the code, an ASCII hyphen and a four-digit year: `GB/T 24421.2-2023`, `DB4403/T 50-2020`. Long dashes from printed covers, full-width slashes and hyphens, `GBT`, `GB/T33531—2017` and the like are recognised and the canonical form is given; an adoption suffix (`/ISO 9001:2015`) belongs in `adopted:`, not in the number. Checks every number in `number`, `replaces`, `replaced_by` and `references`. Fix: write the form shown (`data.canonical` in the JSON output, used by automatic fixing).',
  },
  pointsAt: { zh: '编号的值或列表项', en: 'the number or list item' },
  example: {
    in: 'row',
    bad: yaml`
      number: GB/T 33534—2017             # 封面上的一字线
      replaces: [GBT 13016-2009]
    `,
    good: yaml`
      number: GB/T 33534-2017
      replaces: [GB/T 13016-2009]
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      for (const f of numberFields(entry)) {
        const n = f.parse.number;
        // no suggestion that might name another standard ("RBT 2142017", "LD66-94": number-unusual reports them)
        if (!n || !f.parse.nonCanonical || !rewriteIsSafe(f.parse)) continue;
        const written = f.value;
        // `number` is trimmed by the model; whitespace around it alone is not worth a warning
        if (written.trim() === n.canonical && !n.adoptedSuffix) continue;
        if (n.jointNumber !== undefined) {
          // jointly issued group standard: both numbers stay; only a messy spelling is worth a word
          const both = `${n.canonical} / ${n.jointNumber}`;
          if (written.trim() === both) continue;
          out.push({
            message: { zh: `联合发布的编号 “${written.trim()}” 可写作 “${both}”`, en: `the joint number "${written.trim()}" can be written "${both}"` },
            hint: { zh: '两个编号都保留；使用半角字符，年代号前用 “-”', en: 'keep both numbers; half-width characters and "-" before the year' },
            at: f.at,
          });
          continue;
        }
        const suffix = n.adoptedSuffix;
        out.push({
          message: { zh: `编号 “${written.trim()}” 应写作 “${n.canonical}”`, en: `"${written.trim()}" should be written "${n.canonical}"` },
          hint: suffix
            ? {
                zh: `采标号写在 adopted 中：adopted: { ref: "${suffix}", degree: ${n.adoptedDegree ?? 'IDT'} }（一致性程度按标准封面填写）`,
                en: `put the adopted standard in adopted: { ref: "${suffix}", degree: ${n.adoptedDegree ?? 'IDT'} } (degree as on the cover)`,
              }
            : { zh: '使用半角字符、代号后一个空格、年代号前用 “-” 且写四位', en: 'half-width characters, one space after the code, "-" and a four-digit year' },
          at: f.at,
          data: { canonical: n.canonical, written },
        });
      }
    }
    return out;
  },
};
