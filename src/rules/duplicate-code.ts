import type { Finding, Loc } from '../diagnostics/types.js';
import { allStandards, walkNodes, type StandardEntry, type SubsystemNode } from '../model/types.js';
import { nodeAt, othersOf, rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

interface Place { at: Loc; what: { zh: string; en: string } }

export const duplicateCode: Rule = {
  id: 'duplicate-code',
  severity: 'error',
  description: { zh: '标准体系表编号重复', en: 'a 标准体系表编号 (code) is used twice' },
  docs: {
    zh: '标准体系表编号（`code`）在一个体系内唯一标识一个子体系或一行标准，结构图、明细表和其他文件都靠它引用。子体系编号和标准行编号共用同一套编号，所以子体系 `101` 与某行的 `101` 也算重复。每一处都会报告，并指向其他位置。修正：给其中一处换一个未使用的编号；已对外发布的编号不要改动，改新加的那一处。',
    en: 'The code identifies a sub-system or a row within a system; the structure chart, the detail table and other documents refer to it. Node codes and row codes share one namespace, so a node `101` and a row `101` clash too. Every occurrence is reported, pointing at the others. Fix: give one of them an unused code; change the newer one, not a code already published.',
  },
  pointsAt: { zh: '每一处的 `code`，并列出其他位置', en: 'each `code`, with the other places' },
  example: {
    in: 'nodes',
    bad: yaml`
      - code: "101"
        title: 术语与缩略语标准
        standards:
          - code: "101"                   # 与子体系编号相同
            number: GB/T 33528-2017
    `,
    good: yaml`
      - code: "101"
        title: 术语与缩略语标准
        standards:
          - code: "101-01"
            number: GB/T 33528-2017
    `,
  },
  check({ system }) {
    // Collect rows and nodes by code first; places and messages only for the few duplicates.
    // a list only for codes seen twice: most codes occur once
    const byCode = new Map<string, SubsystemNode | StandardEntry | (SubsystemNode | StandardEntry)[]>();
    const add = (code: string | undefined, x: SubsystemNode | StandardEntry) => {
      if (!code) return;
      const g = byCode.get(code);
      if (g === undefined) byCode.set(code, x);
      else if (Array.isArray(g)) g.push(x);
      else byCode.set(code, [g, x]);
    };
    for (const node of walkNodes(system.subsystems)) add(node.code, node);
    for (const entry of allStandards(system)) add(entry.code, entry);
    const out: Finding[] = [];
    for (const [code, list] of byCode) {
      if (!Array.isArray(list)) continue;
      const places: Place[] = list.map((x) =>
        x.kind === 'node'
          ? { at: nodeAt(x, 'code'), what: { zh: `子体系“${x.title}”`, en: `sub-system "${x.title}"` } }
          : { at: rowAt(x, 'code'), what: { zh: `标准《${x.title}》`, en: `standard "${x.title}"` } });
      places.forEach((p, i) => {
        const others = othersOf(places, i);
        out.push({
          message: { zh: `编号 “${code}” 在本体系中用了 ${places.length} 次`, en: `code "${code}" is used ${places.length} times in this system` },
          hint: { zh: '子体系和标准行的编号在体系内必须唯一', en: 'node and row codes must be unique within the system' },
          at: p.at,
          related: others.map((o) => ({ at: o.at, message: { zh: `另见${o.what.zh}`, en: `also ${o.what.en}` } })),
        });
      });
    }
    return out;
  },
};
