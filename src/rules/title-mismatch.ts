import type { Finding } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import { allStandards } from '../model/types.js';
import { preNormalize } from '../numbers/index.js';
import { rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

/** Titles compared without spacing and with full-width punctuation folded: 第1部分：x = 第1部分: x. */
function fold(title: string): string {
  return preNormalize(title).replace(/\s+/g, '').replace(/[《》“”"']/g, '');
}

/** Known entries whose Chinese title was inferred or not seen are not used to judge the user's. */
const UNSURE_TITLE = /title (?:inferred|not seen)|title inferred|inferred from the English/i;

export const titleMismatch: Rule = {
  id: 'title-mismatch',
  severity: 'warning',
  description: { zh: '标准名称与已知标准资料中的名称不一致', en: 'the title differs from the title in the known-standards data' },
  docs: {
    zh: '实际文件中标准名称引错很常见（例如把 GB/T 33527《公共就业服务总则》写成《职业介绍服务总则》）。编号在内置的已知标准资料（data/known-standards.yaml，每条注明来源）中有名称时，本规则比较两者（忽略空格和全角/半角标点差异）。资料中名称是推断或未核实的条目不参与比较。修正：对照标准文本封面核对名称和编号，改正写错的一项；若资料有误，请在该行前加禁用注释并写明依据。',
    en: 'Mis-cited titles are common in real documents (GB/T 33527 公共就业服务总则 cited as 职业介绍服务总则). When the number is in the built-in known-standards data (data/known-standards.yaml, each entry with its source) with a title, the two are compared, ignoring spaces and full-/half-width punctuation. Entries whose Chinese title is inferred or unverified are not used. Fix: check the title and number against the cover of the standard and correct the wrong one; if the data is wrong, add a disable comment with your source.',
  },
  pointsAt: { zh: '`title` 的值', en: 'the `title` value' },
  example: {
    in: 'row',
    bad: yaml`
      number: GB/T 33528-2017
      title: 职业介绍服务术语
    `,
    good: yaml`
      number: GB/T 33528-2017
      title: 公共就业服务 术语
    `,
  },
  check({ system, known }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      const n = parsedNumber(entry)?.number;
      if (!n || !entry.title) continue;
      const k = n.year === undefined ? known.undated.get(n.canonical) : known.byNumber.get(n.canonical);
      if (!k?.title || (k.note && UNSURE_TITLE.test(k.note))) continue;
      if (fold(k.title) === fold(entry.title)) continue;
      out.push({
        message: { zh: `${n.canonical} 的名称应为《${k.title}》，这里写的是《${entry.title}》`, en: `the title of ${n.canonical} is "${k.title}", not "${entry.title}"` },
        hint: { zh: `对照标准封面核对名称和编号（资料来源：${k.source.split(' ; ')[0]}）`, en: `check title and number against the cover (source: ${k.source.split(' ; ')[0]})` },
        at: rowAt(entry, 'title'),
        data: { title: k.title },
      });
    }
    return out;
  },
};
