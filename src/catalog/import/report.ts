import type { Lang } from '../../i18n/index.js';
import { describeHeader } from './build.js';
import type { ImportOutcome } from './index.js';

const zh = (lang: Lang, a: string, b: string) => (lang === 'zh' ? a : b);

/** What the importer read, decided and could not read — every skipped row by its number. */
export function renderImportReport(o: ImportOutcome, lang: Lang, output?: string): string {
  const r = o.result;
  const items = r.projects.reduce((n, p) => n + p.items.length, 0);
  const empty = r.projects.filter((p) => !p.items.length).length;
  const out: string[] = [];
  const where = o.encoding
    ? zh(lang, `（编码 ${o.encoding}）`, ` (encoding ${o.encoding})`)
    : zh(lang, `（工作表 “${r.sheet}”）`, ` (sheet "${r.sheet}")`);
  out.push(zh(lang,
    `读取 ${o.options.fileName}${where}，表头在第 ${r.header.row} 行：`,
    `Read ${o.options.fileName}${where}; header on row ${r.header.row}:`));
  out.push(...describeHeader(r.header, lang));
  out.push(zh(lang,
    `导入 ${r.projects.length} 个服务项目、${items} 个服务事项${empty ? `（其中 ${empty} 个项目未列事项）` : ''}；跳过空行 ${r.blankRows} 行。目录 id：${o.options.id}，名称：${o.options.title}。`,
    `Imported ${r.projects.length} projects and ${items} items${empty ? ` (${empty} projects list no items)` : ''}; ${r.blankRows} blank rows skipped. Catalog id: ${o.options.id}, title: ${o.options.title}.`));
  out.push(zh(lang,
    `事项可信度：${o.options.confirmed ? 'confirmed（按 --confirmed）' : 'partial（若此表就是官方清单，加 --confirmed）'}。`,
    `Item confidence: ${o.options.confirmed ? 'confirmed (--confirmed)' : 'partial (pass --confirmed if this is the official list)'}.`));
  const groups: [string, { zh: string; en: string }][] = [
    ['unreadable', { zh: '无法读取的行（未导入）', en: 'Rows that could not be read (not imported)' }],
    ['duplicate', { zh: '重复', en: 'Duplicates' }],
    ['heading', { zh: '分组标题', en: 'Section headings' }],
    ['merged-project', { zh: '分处出现的项目', en: 'Projects appearing in several places' }],
    ['total', { zh: '合计行', en: 'Total rows' }],
    ['remark', { zh: '备注行', en: 'Remark rows' }],
  ];
  for (const [kind, title] of groups) {
    const notes = r.notes.filter((n) => n.kind === kind);
    if (!notes.length) continue;
    out.push(zh(lang, `${title.zh}（${notes.length}）：`, `${title.en} (${notes.length}):`));
    for (const n of notes) out.push(zh(lang, `  第 ${n.row} 行：${n.text.zh}`, `  row ${n.row}: ${n.text.en}`));
  }
  if (output) {
    out.push(zh(lang, `已写入 ${output}；在 system.yaml 中写 catalog: <该文件相对 system.yaml 的路径> 即可按它做覆盖分析。`, `Wrote ${output}; name it in system.yaml as catalog: <path relative to system.yaml>.`));
  }
  return out.join('\n') + '\n';
}
