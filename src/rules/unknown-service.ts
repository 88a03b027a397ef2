import type { Catalog } from '../catalog/types.js';
import type { Finding } from '../diagnostics/types.js';
import { allStandards } from '../model/types.js';
import { nearest, yaml } from './helpers.js';
import type { Rule } from './types.js';

export const unknownService: Rule = {
  id: 'unknown-service',
  severity: 'error',
  description: { zh: 'services 中的事项 id 不在服务事项目录中', en: 'a `services` id is not in the service catalog' },
  docs: {
    zh: '`services` 把标准和服务事项目录（`catalog:`，内置为 hrss-basic）中的事项或整个服务项目对应起来，覆盖分析（`hrss-std gaps`）据此判断哪些服务已有标准。写错的 id 不会被计入任何事项，服务会被误报为缺口。没有配置目录时不检查。修正：按提示改成目录中存在的 id；用 `hrss-std catalog list` 查看全部事项 id；本地新增的事项请加入自己的目录文件。',
    en: '`services` ties a standard to items (or whole projects) of the service catalog (`catalog:`, built-in hrss-basic); coverage (`hrss-std gaps`) relies on it. A mistyped id counts for nothing and the service shows as a gap. Not checked when no catalog is configured. Fix: use an id that exists (see the hint, or `hrss-std catalog list`); add local items to your own catalog file.',
  },
  pointsAt: { zh: '`services` 中的该项', en: 'the `services` item' },
  example: {
    in: 'row',
    catalog: 'hrss-basic',
    bad: yaml`
      services: [P05-1]                   # 目录中没有 P05-1
    `,
    good: yaml`
      services: [P05-01]                  # hrss-std catalog list 查看全部 id
    `,
  },
  check({ system, catalog }) {
    if (!catalog) return [];
    const out: Finding[] = [];
    let ids: string[] | undefined;
    const near = new Map<string, string[]>();
    for (const entry of allStandards(system)) {
      const arr = entry.raw.services;
      if (!Array.isArray(arr)) continue;
      for (let i = 0; i < arr.length; i++) {
        const id: unknown = arr[i];
        if (typeof id !== 'string' || catalog.items.has(id) || catalog.projectsById.has(id)) continue;
        let guess = near.get(id);
        ids ??= [...catalog.items.keys(), ...catalog.projectsById.keys()];
        if (!guess) near.set(id, (guess = suggest(id, catalog, ids)));
        out.push({
          message: {
            zh: `服务事项 “${id}” 不在服务事项目录 ${catalog.id} 中`,
            en: `service "${id}" is not in the catalog ${catalog.id}`,
          },
          hint: guess.length === 1 && catalog.projectsById.get(guess[0]!)?.items.length === 0 && id.startsWith(guess[0]! + '-')
            ? { zh: `项目 ${guess[0]}（${catalog.projectsById.get(guess[0]!)!.name}）在目录中没有细分事项，请直接写项目 id ${guess[0]}`, en: `project ${guess[0]} lists no items in the catalog; write the project id ${guess[0]}` }
            : guess.length
            ? { zh: `是否应为 ${guess.join('、')}？全部事项见 hrss-std catalog list`, en: `did you mean ${guess.join(', ')}? see hrss-std catalog list` }
            : { zh: '用 hrss-std catalog list 查看全部事项 id', en: 'see hrss-std catalog list for every item id' },
          at: { file: entry.file, node: arr, key: i },
        });
      }
    }
    return out;
  },
};

/** Items of the project the id names ("P07-01" → P07's items, or P07 itself when it lists none), else the closest ids. */
function suggest(id: string, catalog: Catalog, ids: string[]): string[] {
  const dash = id.lastIndexOf('-');
  const project = dash > 0 ? catalog.projectsById.get(id.slice(0, dash)) : undefined;
  if (project) {
    if (project.items.length === 0) return [project.id];
    return nearest(id, project.items.map((i) => i.id), id.length, 3);
  }
  return nearest(id, ids, 2, 3);
}
