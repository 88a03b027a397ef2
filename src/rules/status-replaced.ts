import type { Finding, Loc } from '../diagnostics/types.js';
import type { Text } from '../i18n/index.js';
import { parsedNumber } from '../model/level.js';
import { allStandards, IN_FORCE, type StandardEntry } from '../model/types.js';
import { numberKey, parseStandardNumber, seriesKey } from '../numbers/index.js';
import { rowAt, rowLabel } from './helpers.js';
import { numberFields } from './number-fields.js';
import type { Rule } from './types.js';

const canonical = (s: string) => parseStandardNumber(s).number?.canonical ?? s.trim();

export const statusReplaced: Rule = {
  id: 'status-replaced',
  severity: 'error',
  description: {
    zh: '列为现行（或即将实施）的标准已被代替或废止',
    en: 'a standard listed as current (or upcoming) has been replaced or withdrawn',
  },
  docs: {
    zh: '体系表中的现行标准必须真正有效：引用已被代替或废止的版本，会让服务按过时的要求执行。本规则在四种情况下报告状态为现行或即将实施的行：该行自己写了 `replaced_by`；内置的已知标准资料（data/known-standards.yaml，注明来源）记载它已被代替或废止；本体系中另一项现行标准在 `replaces` 中写明代替它；本体系中同一标准的较新版本（如 GB/T 31597-2022 之于 GB/T 31597-2015）也列为现行。修正：把该行的编号、名称和日期换成新版本（新版本写 `replaces: [旧编号]`）；若需保留旧版本作为记录，把它的状态改为 `replaced`（被代替）并写 `replaced_by`，或 `withdrawn`（废止）并在 `note` 中说明。',
    en: 'Current standards in the table must really be in force: citing a replaced or withdrawn edition makes services follow outdated requirements. A current or upcoming row is reported when it has `replaced_by` itself; when the built-in known-standards data (data/known-standards.yaml, with sources) records it as replaced or withdrawn; when another current row of the system lists it in `replaces`; or when a newer edition of the same standard (GB/T 31597-2022 for GB/T 31597-2015) is also current in the system. Fix: update the row to the new edition (number, title, dates, `replaces: [old number]`); to keep the old edition as a record, set `status: replaced` with `replaced_by`, or `withdrawn` with a `note`.',
  },
  check({ system, known }) {
    const rows: { entry: StandardEntry; key: string; series: string; year?: number }[] = [];
    const replacedBy = new Map<string, StandardEntry>();
    const newest = new Map<string, { entry: StandardEntry; year: number }>();
    for (const entry of allStandards(system)) {
      if (!IN_FORCE.has(entry.status)) continue;
      for (const f of numberFields(entry)) {
        const n = f.parse.number;
        if (f.key === 'replaces' && n && !replacedBy.has(numberKey(n))) replacedBy.set(numberKey(n), entry);
      }
      const n = parsedNumber(entry)?.number;
      if (!n) continue;
      const series = seriesKey(n);
      rows.push({ entry, key: numberKey(n), series, year: n.year });
      if (n.year !== undefined) {
        const cur = newest.get(series);
        if (!cur || n.year > cur.year) newest.set(series, { entry, year: n.year });
      }
    }
    const out: Finding[] = [];
    const push = (entry: StandardEntry, message: Text, successor: string | undefined, related?: StandardEntry) => {
      const at: Loc = rowAt(entry, entry.statusStated ? 'status' : 'number');
      out.push({
        message,
        hint: successor
          ? { zh: `改用 ${successor}（更新本行的编号、名称和日期）；或把本行改为 status: replaced 并写 replaced_by: ${successor}`, en: `use ${successor} instead (update number, title and dates), or set status: replaced with replaced_by: ${successor}` }
          : { zh: '删除本行或改为 status: withdrawn（废止），并在 note 中说明替代做法', en: 'remove the row, or set status: withdrawn and explain in note:' },
        at,
        related: related ? [{ at: rowAt(related, 'number'), message: { zh: `新版本：${rowLabel(related)}`, en: `newer: ${rowLabel(related)}` } }] : undefined,
        data: successor ? { successor } : undefined,
      });
    };
    for (const { entry, key, series, year } of rows) {
      if (entry.replacedBy) {
        const s = canonical(entry.replacedBy);
        push(entry, { zh: `${key} 标为“现行”，但本行写明已被 ${s} 代替`, en: `${key} is marked current but its replaced_by says ${s}` }, s);
        continue;
      }
      const k = known.byNumber.get(key);
      if (k?.status === 'replaced' || k?.status === 'withdrawn') {
        const s = k.replaced_by;
        push(
          entry,
          s
            ? { zh: `${key} 已被 ${s} 代替（据内置标准资料），不应列为现行`, en: `${key} has been replaced by ${s} (built-in standards data); it is not current` }
            : { zh: `${key} 已废止（据内置标准资料），不应列为现行`, en: `${key} has been withdrawn (built-in standards data); it is not current` },
          s,
        );
        continue;
      }
      const by = replacedBy.get(key);
      if (by && by !== entry) {
        const s = parsedNumber(by)?.number?.canonical ?? by.number;
        push(entry, { zh: `${key} 已被本体系中的 ${s} 代替，不应再列为现行`, en: `${key} is replaced by ${s} in this system; it is not current` }, s, by);
        continue;
      }
      const nw = newest.get(series);
      if (year !== undefined && nw && nw.year > year) {
        const s = parsedNumber(nw.entry)?.number?.canonical ?? nw.entry.number;
        push(entry, { zh: `本体系同时把较新版本 ${s} 列为现行，${key} 应已被代替`, en: `the newer edition ${s} is also current in this system; ${key} should be replaced` }, s, nw.entry);
      }
    }
    return out;
  },
};
