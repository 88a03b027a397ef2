import type { Finding, Loc } from '../diagnostics/types.js';
import { displayNumber } from '../model/level.js';
import { serviceIndex } from '../coverage/index-services.js';
import { stateOf } from '../coverage/coverage.js';
import type { Rule } from './types.js';

/**
 * 业务全覆盖 (人社部发〔2023〕62号): every counted catalog unit without any
 * standard, or with only replaced/withdrawn ones. Planned-only items are not
 * reported: the work is already in the plan, and `hrss-std gaps` lists them.
 */
export const serviceGap: Rule = {
  id: 'service-gap',
  severity: 'warning',
  description: { zh: '目录中的服务事项没有任何现行或规划中的标准', en: 'a catalog service item has no standard, current or planned' },
  docs: {
    zh: '人社部发〔2023〕62号要求业务全覆盖：基本公共服务事项都应有标准支撑。本规则对目录（`catalog:`）中每个计入统计的事项检查：没有任何标准的 `services` 写到它（直接写事项 id、写其所属项目 id，或写其 `also` 中的项目 id），或者只有被代替/废止的标准。只有待制定、制定中、待修订标准的事项不在此报告（已在规划中），可用 `hrss-std gaps` 查看。不属任何项目的事项（unassigned_items）不检查。修正：在服务该事项的标准的 `services` 中写入事项 id；暂无标准时添加 `status: planned` 的待制定行并写明宜定级别。一个事项一条警告，位置是 system.yaml 的 `catalog:`。',
    en: '人社部发〔2023〕62号 asks that every basic public service item be served by standards. For each counted item of the catalog (`catalog:`) this reports when no row names it in `services` (its own id, its project id, or a project in its `also`), or only replaced/withdrawn rows do. Items with only planned/drafting/revising rows are not reported (the work is planned); `hrss-std gaps` lists them. Unassigned items are not checked. Fix: add the item id to the `services` of the standard that serves it, or add a `status: planned` row with its intended level. One warning per item, at `catalog:` in system.yaml.',
  },
  pointsAt: { zh: 'system.yaml 的 `catalog`（目录在 .hrss-std.yaml 中指定时为文件开头）', en: '`catalog` in system.yaml (its first line when the catalog is set in .hrss-std.yaml)' },
  check({ system, catalog }) {
    if (!catalog) return [];
    const at: Loc = 'catalog' in system.raw ? { file: system.file, node: system.raw, key: 'catalog' } : { file: system.file, offset: 0 };
    const index = serviceIndex(system, catalog);
    const out: Finding[] = [];
    for (const u of index.units) {
      if (!u.counted) continue;
      const rows = index.rows.get(u.item.id) ?? [];
      const state = stateOf(rows);
      if (state !== 'uncovered' && state !== 'lapsed') continue;
      const project = u.projectId ? catalog.projectsById.get(u.projectId) : undefined;
      const what = u.unit === 'project'
        ? { zh: `服务项目 ${u.item.id} “${u.item.name}”（目录未列事项）`, en: `project ${u.item.id} "${u.item.name}" (no items listed)` }
        : { zh: `服务事项 ${u.item.id} “${u.item.name}”（项目 ${project?.id} ${project?.name}）`, en: `service item ${u.item.id} "${u.item.name}" (project ${project?.id} ${project?.name})` };
      const lapsed = rows.map((r) => displayNumber(r.entry) ?? r.entry.title).join('、');
      out.push({
        message: state === 'uncovered'
          ? { zh: `${what.zh}没有任何标准`, en: `${what.en} has no standard` }
          : { zh: `${what.zh}只有被代替或废止的标准（${lapsed}）`, en: `${what.en} has only replaced or withdrawn standards (${lapsed})` },
        hint: {
          zh: `在服务它的标准的 services 中写入 ${u.item.id}；暂无标准时添加 status: planned 的待制定行`,
          en: `add ${u.item.id} to the services of the standard that serves it, or add a status: planned row`,
        },
        at,
        data: { item: u.item.id, project: u.projectId ?? null, state },
      });
    }
    return out;
  },
};
