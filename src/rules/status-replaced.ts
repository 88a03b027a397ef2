import type { Finding, Loc } from '../diagnostics/types.js';
import type { KnownStandards } from '../data/known.js';
import type { Text } from '../i18n/index.js';
import { parsedNumber } from '../model/level.js';
import { allStandards, IN_FORCE, type StandardEntry } from '../model/types.js';
import { numberKey, parseStandardNumber, seriesKey } from '../numbers/index.js';
import { rowAt, rowLabel, yaml } from './helpers.js';
import { numberFields } from './number-fields.js';
import type { Rule } from './types.js';

const canonical = (s: string) => parseStandardNumber(s).number?.canonical ?? s.trim();

/** Title without blanks and punctuation, for "same standard" comparisons. */
const titleKey = (t: string | undefined) => (t ?? '').replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Same code and sequence with a later year is a new edition only when the titles agree or the known-standards
 * data links the two. Some series restart their sequence each year (LD/T 03-2020, LD/T 03-2021 and LD/T 03-2022
 * are three different standards), so the number alone proves nothing.
 */
function isEdition(older: { key: string; title?: string }, newer: { key: string; title?: string }, known: KnownStandards): boolean {
  const a = titleKey(older.title);
  if (a !== '' && a === titleKey(newer.title)) return true;
  const ko = known.byNumber.get(older.key);
  const kn = known.byNumber.get(newer.key);
  return ko?.replaced_by === newer.key || (kn?.replaces?.includes(older.key) ?? false);
}

export const statusReplaced: Rule = {
  id: 'status-replaced',
  severity: 'error',
  description: {
    zh: '列为现行（或即将实施）的标准已被代替或废止',
    en: 'a standard listed as current (or upcoming) has been replaced or withdrawn',
  },
  docs: {
    zh: '体系表中的现行标准必须真正有效：引用已被代替或废止的版本，会让服务按过时的要求执行。本规则在四种情况下报告状态为现行或即将实施的行：该行自己写了 `replaced_by`；内置的已知标准资料（data/known-standards.yaml，注明来源）记载它已被代替或废止；本体系中另一项现行标准在 `replaces` 中写明代替它；本体系中同一标准的较新版本（如 GB/T 31597-2022 之于 GB/T 31597-2015）也列为现行。代号和顺序号相同、年代号不同并不一定是同一标准的两个版本：有的系列每年重新编号（`LD/T 03-2020`、`LD/T 03-2021`、`LD/T 03-2022` 是名称不同的三项标准），所以只有两行的标准名称一致（忽略空格和标点），或内置标准资料记载二者的代替关系时，才视为新旧版本。修正：把该行的编号、名称和日期换成新版本（新版本写 `replaces: [旧编号]`）；若需保留旧版本作为记录，把它的状态改为 `replaced`（被代替）并写 `replaced_by`，或 `withdrawn`（废止）并在 `note` 中说明。',
    en: 'Current standards in the table must really be in force: citing a replaced or withdrawn edition makes services follow outdated requirements. A current or upcoming row is reported when it has `replaced_by` itself; when the built-in known-standards data (data/known-standards.yaml, with sources) records it as replaced or withdrawn; when another current row of the system lists it in `replaces`; or when a newer edition of the same standard (GB/T 31597-2022 for GB/T 31597-2015) is also current in the system. Same code and sequence with another year is not necessarily an edition: some series restart their numbering each year (`LD/T 03-2020`, `LD/T 03-2021` and `LD/T 03-2022` are three standards with different titles), so two rows count as editions only when their titles agree (ignoring blanks and punctuation) or the built-in data records the replacement. Fix: update the row to the new edition (number, title, dates, `replaces: [old number]`); to keep the old edition as a record, set `status: replaced` with `replaced_by`, or `withdrawn` with a `note`.',
  },
  pointsAt: { zh: '`status`（未写状态时为 `number`）', en: '`status` (or `number` when no status is written)' },
  example: {
    in: 'rows',
    bad: yaml`
      - code: "302-01"
        number: GB/T 31597-2015           # 已被 GB/T 31597-2022 代替
        title: 城乡居民基本养老保险服务规范
        status: current
    `,
    good: yaml`
      - code: "302-01"
        number: GB/T 31597-2022
        title: 城乡居民基本养老保险服务规范
        status: current
        replaces: [GB/T 31597-2015]
    `,
  },
  check({ system, known }) {
    const rows: { entry: StandardEntry; key: string; series: string; year?: number }[] = [];
    const replacedBy = new Map<string, StandardEntry>();
    const bySeries = new Map<string, { entry: StandardEntry; key: string; year: number }[]>();
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
        let list = bySeries.get(series);
        if (!list) bySeries.set(series, (list = []));
        list.push({ entry, key: numberKey(n), year: n.year });
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
      // the newest later row of the same series that is really a new edition of this one
      let nw: { entry: StandardEntry; year: number } | undefined;
      if (year !== undefined) {
        for (const c of bySeries.get(series) ?? []) {
          if (c.year <= year || (nw && nw.year >= c.year)) continue;
          if (isEdition({ key, title: entry.title }, { key: c.key, title: c.entry.title }, known)) nw = c;
        }
      }
      if (year !== undefined && nw && nw.year > year) {
        const s = parsedNumber(nw.entry)?.number?.canonical ?? nw.entry.number;
        push(entry, { zh: `本体系同时把较新版本 ${s} 列为现行，${key} 应已被代替`, en: `the newer edition ${s} is also current in this system; ${key} should be replaced` }, s, nw.entry);
      }
    }
    return out;
  },
};
