import type { Finding } from '../diagnostics/types.js';
import { serviceIndex } from '../coverage/index-services.js';
import { displayNumber, effectiveLevel } from '../model/level.js';
import { allStandards, IN_FORCE, LEVEL_LABELS, TO_BE_MADE, type Level, type StandardEntry } from '../model/types.js';
import type { Rule } from './types.js';

const PREFERRED: ReadonlySet<Level> = new Set(['national', 'industry', 'local']);
const OWN: ReadonlySet<Level> = new Set(['group', 'enterprise']);

const label = (e: StandardEntry) => displayNumber(e) ?? `“${e.title}”`;

/**
 * 宜优先采用国家标准、行业标准和地方标准 (湛江指南 6.2; 团体标准 fill gaps where
 * none of those exists). Never an error: stricter group/enterprise standards are lawful.
 */
export const priority: Rule = {
  id: 'priority',
  severity: 'warning',
  description: { zh: '团体/企业标准应说明理由，且不宜用于已有国家、行业或地方标准的服务事项', en: 'group/enterprise standards need a justification and should not serve items a national/industry/local standard already serves' },
  docs: {
    zh: '体系内宜优先采用国家标准、行业标准和地方标准；团体标准、企业（内部）标准只在没有相应国家、行业、地方标准时采用。本规则报告两种情况：(1) 级别为团体或企业（按标准编号判定，没有编号时按 level）的现行或规划中的标准没有写 `justification`（采用理由）；(2) 团体或企业标准服务的事项，同一体系中已有现行的国家、行业或地方标准服务（与 `hrss-std gaps` 使用同一覆盖关系：写事项 id、项目 id 或 also 项目 id 都算），位置在该行的 `services`，并指向那条国家/行业/地方标准。修正：在 `justification` 中说明为何需要该标准（例如要求高于国家标准），或改用已有的国家、行业、地方标准。',
    en: 'A system should adopt national, industry and local standards first; group and enterprise (internal) standards only where none exists. Reported: (1) a current or planned row whose level is group or enterprise (from its number, else `level`) without `justification`; (2) a group/enterprise row serving an item that a national/industry/local standard in force in the same system already serves (same coverage ties as `hrss-std gaps`: item id, project id or an `also` project), at the row\'s `services`, pointing at that standard. Fix: say in `justification` why the standard is needed (e.g. stricter than the national one), or use the existing standard.',
  },
  pointsAt: { zh: '缺少理由时为 `level`（未写级别时为 `number`）；与已有标准重叠时为 `services`，并列出那条标准', en: '`level` (or `number` when no level is written) when the justification is missing; `services`, with the other standard, for an overlap' },
  check({ system, catalog }) {
    const out: Finding[] = [];
    const own = allStandards(system).filter((e) => {
      const l = effectiveLevel(e);
      return l && OWN.has(l) && (IN_FORCE.has(e.status) || TO_BE_MADE.has(e.status));
    });
    if (!own.length) return out;
    for (const e of own) {
      if (e.justification?.trim()) continue;
      const lvl = LEVEL_LABELS[effectiveLevel(e)!];
      const key = 'level' in e.raw ? 'level' : 'number' in e.raw ? 'number' : undefined;
      out.push({
        message: { zh: `${lvl.zh} ${label(e)} 没有写明采用理由（justification）`, en: `${lvl.en} standard ${label(e)} has no justification` },
        hint: {
          zh: '宜优先采用国家标准、行业标准和地方标准；团体/企业标准只在没有相应标准时采用，请在 justification 中说明理由',
          en: 'prefer national, industry and local standards; say in justification why this group/enterprise standard is used',
        },
        at: key ? { file: e.file, node: e.raw, key } : { file: e.file, node: e.raw },
      });
    }
    if (!catalog) return out;
    const index = serviceIndex(system, catalog);
    // One pass over the index: for each group/enterprise row, the units a preferred row in force also serves.
    const ownSet = new Set(own);
    const overlapsOf = new Map<StandardEntry, { unit: string; name: string; by: StandardEntry }[]>();
    for (const u of index.units) {
      const rows = index.rows.get(u.item.id)!;
      const by = rows.find((r) => IN_FORCE.has(r.entry.status) && PREFERRED.has(effectiveLevel(r.entry) as Level));
      if (!by) continue;
      for (const r of rows) {
        if (!ownSet.has(r.entry)) continue;
        let list = overlapsOf.get(r.entry);
        if (!list) overlapsOf.set(r.entry, (list = []));
        list.push({ unit: u.item.id, name: u.item.name, by: by.entry });
      }
    }
    for (const e of own) {
      const overlaps = overlapsOf.get(e) ?? [];
      if (!overlaps.length) continue;
      const lvl = LEVEL_LABELS[effectiveLevel(e)!];
      const first = overlaps[0]!;
      const more = overlaps.length > 1 ? { zh: `等 ${overlaps.length} 个事项`, en: ` and ${overlaps.length - 1} more` } : { zh: '', en: '' };
      const related = [...new Set(overlaps.map((o) => o.by))].slice(0, 5).map((by) => ({
        at: { file: by.file, node: by.raw },
        message: {
          zh: `${LEVEL_LABELS[effectiveLevel(by)!].zh} ${label(by)} 已服务 ${overlaps.filter((o) => o.by === by).map((o) => o.unit).join('、')}`,
          en: `${LEVEL_LABELS[effectiveLevel(by)!].en} standard ${label(by)} already serves ${overlaps.filter((o) => o.by === by).map((o) => o.unit).join(', ')}`,
        },
      }));
      out.push({
        message: {
          zh: `${lvl.zh} ${label(e)} 服务的事项 ${first.unit} “${first.name}”${more.zh}已有现行国家、行业或地方标准（${label(first.by)}）`,
          en: `${lvl.en} standard ${label(e)} serves ${first.unit} "${first.name}"${more.en}, which a national/industry/local standard in force already serves (${label(first.by)})`,
        },
        hint: {
          zh: '宜优先采用已有的国家、行业或地方标准；若该标准要求更高或另有必要，请在 justification 中说明',
          en: 'prefer the existing standard; if this one is stricter or otherwise needed, say so in justification',
        },
        at: 'services' in e.raw ? { file: e.file, node: e.raw, key: 'services' } : { file: e.file, node: e.raw },
        related,
        data: { items: overlaps.map((o) => o.unit) },
      });
    }
    return out;
  },
};
