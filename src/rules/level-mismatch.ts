import type { Finding } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import { allStandards, LEVEL_LABELS } from '../model/types.js';
import { rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

export const levelMismatch: Rule = {
  id: 'level-mismatch',
  severity: 'error',
  description: {
    zh: '所写级别与标准编号表示的级别不一致；既无编号又无级别',
    en: 'the stated level disagrees with the level the number implies; a row has neither number nor level',
  },
  docs: {
    zh: '标准的级别由编号的代号决定：GB 为国家标准，LD/T 等为行业标准，DB44/T 等为地方标准，T/ 为团体标准，Q/ 为企业标准。`level` 与编号矛盾时，标准统计表的数量会算错，说明其中之一写错了。没有编号的行（待制定、制定中）要靠 `level` 写明宜定级别，否则无法统计“应有数”和制修订计划。修正：改正 `level` 或编号；有编号时也可以删去 `level`，由编号推断。',
    en: 'The level of a standard follows from the code of its number: GB national, LD/T etc. industry, DB44/T etc. local, T/ group, Q/ enterprise. When `level` contradicts the number, the statistics table counts wrongly and one of the two is mistaken. Rows without a number (planned, drafting) need `level` as the intended level, or they cannot be counted in the plan. Fix: correct `level` or the number; with a number you may also drop `level` and let it be inferred.',
  },
  pointsAt: { zh: '`level` 的值；既无编号又无级别时为该行', en: 'the `level` value; the row when both are missing' },
  example: {
    in: 'rows',
    bad: yaml`
      - number: DB4403/T 50-2020
        title: 劳动人事争议仲裁服务保障规范
        level: 国家标准
      - title: 湛江市就业登记服务规范      # 待制定，但没有宜定级别
        status: planned
    `,
    good: yaml`
      - number: DB4403/T 50-2020
        title: 劳动人事争议仲裁服务保障规范
        level: local                      # 或删去 level，由编号推断
      - title: 湛江市就业登记服务规范
        level: local
        status: planned
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      const implied = parsedNumber(entry)?.number?.level;
      if (!entry.number) {
        if (!entry.level) {
          out.push({
            message: { zh: `${entry.title ? `《${entry.title}》` : '该行'}既没有标准编号，也没有写级别`, en: `${entry.title ? `"${entry.title}"` : 'this row'} has neither a number nor a level` },
            hint: { zh: '写明宜定级别，例如 level: local（地方标准）', en: 'state the intended level, e.g. level: local' },
            at: rowAt(entry),
          });
        }
        continue;
      }
      // A level outside the enum (even "__proto__") is the schema's finding, not this rule's.
      if (entry.level && implied && entry.level !== implied && Object.hasOwn(LEVEL_LABELS, entry.level)) {
        const s = LEVEL_LABELS[entry.level], i = LEVEL_LABELS[implied];
        const num = parsedNumber(entry)?.number?.canonical ?? entry.number;
        out.push({
          message: { zh: `级别写作“${s.zh}”，但编号 ${num} 是${i.zh}`, en: `level says ${s.en}, but ${num} is a ${i.en} standard` },
          hint: { zh: `改为 level: ${implied}，或删去 level 由编号推断；若编号有误请改正编号`, en: `write level: ${implied}, or drop level to infer it; or correct the number` },
          at: rowAt(entry, 'level'),
        });
      }
    }
    return out;
  },
};
