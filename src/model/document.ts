import type { Text } from '../i18n/index.js';
import { TO_BE_MADE, walkNodes, type StandardSystem } from './types.js';

/** One thing a complete 编制说明 still needs, with where to write it. */
export interface DocumentGap {
  /** the field to write, e.g. `document.date`, `description`, `due` */
  field: string;
  what: Text;
  /** the YAML mapping the field belongs in (for file:line) */
  at: { file: StandardSystem['file']; node: Record<string, unknown>; key?: string };
}

const DOC_FIELDS: [keyof NonNullable<StandardSystem['document']>, Text][] = [
  ['date', { zh: '编制日期（document.date，封面日期）', en: 'the date of the document (document.date, on the cover)' }],
  ['basis', { zh: '编制依据（document.basis）', en: 'the basis documents (document.basis)' }],
  ['process', { zh: '编制过程（document.process）', en: 'the drafting process (document.process)' }],
  ['consultation', { zh: '征求意见情况（document.consultation）', en: 'the consultation (document.consultation)' }],
];

/**
 * What the 编制说明 cannot say from the data yet. The exporter leaves these parts out of a final
 * document (no placeholder) and marks them in a --draft one; the document-incomplete rule lists them.
 */
export function documentGaps(system: StandardSystem): DocumentGap[] {
  const out: DocumentGap[] = [];
  const doc = system.document;
  const docRaw = (system.raw.document && typeof system.raw.document === 'object' ? system.raw.document : undefined) as Record<string, unknown> | undefined;
  if (!doc?.organization && !system.owner) {
    out.push({ field: 'document.organization', what: { zh: '编制单位（document.organization 或 owner）', en: 'the drafting organisation (document.organization or owner)' }, at: { file: system.file, node: docRaw ?? system.raw, key: docRaw ? undefined : 'title' } });
  }
  for (const [k, what] of DOC_FIELDS) {
    const v = doc?.[k];
    if (Array.isArray(v) ? v.length > 0 : v) continue;
    out.push({ field: `document.${k}`, what, at: { file: system.file, node: docRaw ?? system.raw, key: docRaw ? undefined : 'title' } });
  }
  for (const n of walkNodes(system.subsystems)) {
    if (!n.description) {
      out.push({ field: 'description', what: { zh: `子体系 “${n.code} ${n.title}” 的范围说明（description）`, en: `the scope of sub-system "${n.code} ${n.title}" (description)` }, at: { file: n.file, node: n.raw, key: 'title' } });
    }
    for (const e of n.standards) {
      if (!TO_BE_MADE.has(e.status)) continue;
      const missing = [!e.due && '计划完成时间（due）', !e.undertaker && '承担单位（undertaker）'].filter(Boolean) as string[];
      if (missing.length) {
        const en = [!e.due && 'due', !e.undertaker && 'undertaker'].filter(Boolean).join(', ');
        out.push({ field: e.due ? 'undertaker' : 'due', what: { zh: `待制定/修订的 “${e.title}” 的${missing.join('、')}`, en: `${en} of the planned row "${e.title}"` }, at: { file: e.file, node: e.raw, key: 'title' } });
      }
    }
  }
  return out;
}
