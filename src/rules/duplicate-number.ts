import type { Finding } from '../diagnostics/types.js';
import { parsedNumber } from '../model/level.js';
import { allStandards, type StandardEntry } from '../model/types.js';
import { numberKey } from '../numbers/index.js';
import { othersOf, rowAt, rowLabel, yaml } from './helpers.js';
import type { Rule } from './types.js';

export const duplicateNumber: Rule = {
  id: 'duplicate-number',
  severity: 'error',
  description: { zh: '同一标准在体系中出现了两次或更多', en: 'the same standard appears more than once in a system' },
  docs: {
    zh: '标准明细表中每项标准只列一次，否则“现有数”会被重复统计。编号先按规范写法比较，所以 `GB/T 33534—2017` 和 `GB/T 33534-2017` 算同一标准。每一处都会报告，并指向其他出现的位置。一项标准支撑多个服务事项时，把事项都写在该行的 `services` 中，而不是在另一个子体系里再列一次。同一系列的不同版本（如 -2015 与 -2022）不是重复，由 `status-replaced` 检查。修正：保留一处，删去其余，并合并它们的 `services`。',
    en: 'Each standard is listed once in the detail table, or the counts double. Numbers are compared in canonical form, so `GB/T 33534—2017` and `GB/T 33534-2017` are the same standard. Every occurrence is reported, pointing at the others. When one standard supports several services, list them all in that row\'s `services` instead of repeating the row elsewhere. Two editions of a series (-2015 and -2022) are not duplicates; `status-replaced` checks those. Fix: keep one row, delete the others, merge their `services`.',
  },
  pointsAt: { zh: '每一处的 `number`，并列出其他位置', en: 'each `number`, with the other places' },
  example: {
    in: 'rows',
    bad: yaml`
      # 201 子体系
      - code: "201-01"
        number: GB/T 33534-2017
        services: [P05-01]
      # 202 子体系
      - code: "202-01"
        number: GB/T 33534—2017           # 同一标准（写法不同也算）
        services: [P05-02]
    `,
    good: yaml`
      - code: "202-01"
        number: GB/T 33534-2017
        services: [P05-01, P05-02]        # 只列一次，合并 services
    `,
  },
  check({ system }) {
    // a list only for numbers seen twice: most numbers occur once
    const groups = new Map<string, StandardEntry | StandardEntry[]>();
    for (const entry of allStandards(system)) {
      const n = parsedNumber(entry)?.number;
      if (!n) continue;
      const key = numberKey(n);
      const g = groups.get(key);
      if (g === undefined) groups.set(key, entry);
      else if (Array.isArray(g)) g.push(entry);
      else groups.set(key, [g, entry]);
    }
    const out: Finding[] = [];
    for (const [key, rows] of groups) {
      if (!Array.isArray(rows)) continue;
      rows.forEach((entry, i) => {
        const others = othersOf(rows, i);
        out.push({
          message: {
            zh: `标准 ${key} 在本体系中出现了 ${rows.length} 次`,
            en: `${key} appears ${rows.length} times in this system`,
          },
          hint: { zh: '每项标准只列一次；涉及多个服务事项时合并写在 services 中', en: 'list each standard once; put all its services in one row' },
          at: rowAt(entry, 'number'),
          related: others.map((o) => ({ at: rowAt(o, 'number'), message: { zh: `另见 ${rowLabel(o)}`, en: `also at ${rowLabel(o)}` } })),
        });
      });
    }
    return out;
  },
};
