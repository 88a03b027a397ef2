import YAML from 'yaml';
import type { ImportResult } from './build.js';

export interface EmitOptions {
  id: string;
  title: string;
  /** file name as given (shown in sources) */
  fileName: string;
  confirmed: boolean;
}

/** The catalog as plain data, in the key order of format.md. */
export function catalogData(r: ImportResult, o: EmitOptions): Record<string, unknown> {
  const src = (row: number) => `${o.fileName} 第${row}行`;
  const items = r.projects.reduce((n, p) => n + p.items.length, 0);
  return {
    id: o.id,
    title: o.title,
    source: r.sheet === o.fileName ? o.fileName : `${o.fileName}（工作表 ${r.sheet}）`,
    note: `由 hrss-std catalog import 从 ${o.fileName} 导入：${r.projects.length} 个服务项目、${items} 个服务事项。` +
      (o.confirmed ? '导入时标为 confirmed（用户声明该表为官方清单）。' : '事项标为 partial：未声明该表为官方清单（导入时加 --confirmed 可标为 confirmed）。'),
    counts: { projects: r.projects.length, items, projects_without_items: r.projects.filter((p) => !p.items.length).length },
    projects: r.projects.map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.area ? { area: p.area } : {}),
      source: src(p.row),
      items: p.items.map((i) => ({
        id: i.id,
        name: i.name,
        source: src(i.row),
        confidence: o.confirmed ? 'confirmed' : 'partial',
        ...(i.target ? { target: i.target } : {}),
        ...(i.basis ? { basis: i.basis } : {}),
      })),
    })),
  };
}

/** YAML text with a header comment naming where it came from; no dates, so re-imports diff cleanly. */
export function catalogYaml(r: ImportResult, o: EmitOptions): string {
  const head = [
    `# 服务事项目录：由 hrss-std catalog import 从 ${o.fileName} 生成（${r.sheet === o.fileName ? '' : `工作表 “${r.sheet}”，`}表头在第 ${r.header.row} 行）。`,
    '# 每个项目和事项的 source 指向原表的行号。id 为导入时按顺序编排（表中有编号列时用表中编号）。',
    '# 在 system.yaml 中用 catalog: <本文件的相对路径> 引用。',
  ];
  return head.join('\n') + '\n' + YAML.stringify(catalogData(r, o), { lineWidth: 0 });
}
