import type { StandardEntry } from './types.js';

/**
 * 文件类型 (`kind:` on a standard row): what document a row is. The vocabulary comes from the
 * two seed documents: 人社部发〔2023〕62号 asks for a 服务指南 and an 操作规程 per item and for
 * standards on 场地环境、设施设备、人员配备; the Zhanjiang guide (编制说明 §7.2) names the factors
 * a service standard covers (服务质量、服务流程、服务人员及岗位、服务设施设备及用品、服务安全).
 * More kinds can be declared in `.hrss-std.yaml` under `kinds:` (id → Chinese title).
 */
export const BUILTIN_KINDS: Readonly<Record<string, string>> = {
  guide: '服务指南',
  procedure: '操作规程',
  'service-spec': '服务规范',
  quality: '服务质量',
  process: '服务流程',
  staff: '人员及岗位',
  facilities: '设施设备',
  environment: '场地环境',
  safety: '服务安全',
  management: '管理规范',
  evaluation: '评价与改进',
};

// The default lives with the other config defaults (config/ sits below model/ in the layers).
export { DEFAULT_REQUIRED_KINDS } from '../config/config.js';

/**
 * Title endings that make the kind certain. Only these three: a title ending in 服务指南 is a
 * 服务指南 whatever else it says, while e.g. "…服务质量评价" or "…设施设备配置" are not certain
 * enough to classify without the author saying so.
 */
const CERTAIN_ENDINGS: readonly [string, string][] = [
  ['服务指南', 'guide'],
  ['操作规程', 'procedure'],
  ['服务规范', 'service-spec'],
];

export interface KindVocabulary {
  /** id → Chinese title, built-in kinds first, then the config's */
  titles: Record<string, string>;
  /** id or title as written → id */
  lookup: Map<string, string>;
}

export function kindVocabulary(extra: Readonly<Record<string, string>> = {}): KindVocabulary {
  const titles: Record<string, string> = { ...BUILTIN_KINDS, ...extra };
  const lookup = new Map<string, string>();
  for (const [id, title] of Object.entries(titles)) {
    lookup.set(id, id);
    lookup.set(title, id);
  }
  return { titles, lookup };
}

export interface RowKind {
  /** kind id; undefined when the row states none and the title does not make it certain */
  id?: string;
  /** how it was decided */
  source: 'stated' | 'title' | 'none' | 'unknown';
  /** the stated value when it is not in the vocabulary */
  unknown?: string;
}

/** The kind of a row: as stated (id or Chinese title), else inferred from a certain title ending. */
export function rowKind(row: Pick<StandardEntry, 'raw' | 'title'>, vocab: KindVocabulary): RowKind {
  const stated = row.raw.kind;
  if (typeof stated === 'string' && stated.trim()) {
    const id = vocab.lookup.get(stated.trim());
    return id ? { id, source: 'stated' } : { source: 'unknown', unknown: stated };
  }
  const title = row.title.trim();
  for (const [ending, id] of CERTAIN_ENDINGS) if (title.endsWith(ending)) return { id, source: 'title' };
  return { source: 'none' };
}
