import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { isDate, rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

/** 现行 vs 即将实施 follows from the dates: the status should say what the dates say today. */
export const statusDate: Rule = {
  id: 'status-date',
  severity: 'warning',
  description: {
    zh: '状态与日期不符：现行标准尚未发布或尚未实施，即将实施的标准已到实施日期',
    en: 'status disagrees with the dates: a current standard not yet published or in force, an upcoming one already in force',
  },
  docs: {
    zh: '“现行”指已经实施的标准，“即将实施”指已发布、实施日期未到的标准。按检查日期（默认今天，可用 `.hrss-std.yaml` 的 `today:` 固定）：现行标准的发布日期或实施日期在未来，应改为 `status: upcoming`（发布日期在未来则多半是日期写错）；即将实施的标准实施日期已过，应改为 `status: current`。这是警告而不是错误，因为状态只是随时间过期，而不是写错。修正：按提示更新 `status`，或改正日期。',
    en: '"current" means in force; "upcoming" means published with an effective date still ahead. Against the check date (today, or `today:` in .hrss-std.yaml): a current row published or taking effect in the future should be `status: upcoming` (a future publication date is probably a typo); an upcoming row whose effective date has passed should be `status: current`. A warning, not an error: the status went stale with time. Fix: update `status` or correct the date.',
  },
  pointsAt: { zh: '`status`（未写状态时为 `effective`）或 `published` 的值', en: '`status` (or `effective` when no status is written) or `published`' },
  example: {
    in: 'row',
    bad: yaml`
      number: GB/T 45498.1-2025
      status: upcoming                    # 实施日期已过
      published: "2025-03-28"
      effective: "2025-03-28"
    `,
    good: yaml`
      number: GB/T 45498.1-2025
      status: current
      published: "2025-03-28"
      effective: "2025-03-28"
    `,
  },
  check({ system, today }) {
    const out: Finding[] = [];
    for (const entry of allStandards(system)) {
      if (entry.status !== 'current' && entry.status !== 'upcoming') continue;
      const pub = isDate(entry.published) ? entry.published : undefined;
      const eff = isDate(entry.effective) ? entry.effective : undefined;
      if (pub && pub > today) {
        out.push({
          message: { zh: `发布日期 ${pub} 晚于检查日期 ${today}，标准尚未发布`, en: `published ${pub} is after the check date ${today}: not yet published` },
          hint: { zh: '核对发布日期；尚未发布的标准请写 status: drafting（制定中）', en: 'check the date; a standard not yet published is status: drafting' },
          at: rowAt(entry, 'published'),
        });
      } else if (entry.status === 'current' && eff && eff > today) {
        out.push({
          message: { zh: `实施日期 ${eff} 未到（检查日期 ${today}），状态应为“即将实施”`, en: `effective ${eff} is after the check date ${today}: the status should be upcoming` },
          hint: { zh: '改为 status: upcoming；到实施日期后再改回 current', en: 'set status: upcoming, and current once it takes effect' },
          at: rowAt(entry, entry.statusStated ? 'status' : 'effective'),
        });
      } else if (entry.status === 'upcoming' && eff && eff <= today) {
        out.push({
          message: { zh: `实施日期 ${eff} 已到（检查日期 ${today}），状态应为“现行”`, en: `effective ${eff} has passed (check date ${today}): the status should be current` },
          hint: { zh: '改为 status: current', en: 'set status: current' },
          at: rowAt(entry, 'status'),
        });
      }
    }
    return out;
  },
};
