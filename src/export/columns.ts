import type { Text } from '../i18n/index.js';

/** The columns of the 标准明细表 (GB/T 13017-2018 明细表 plus the service link). */
export const COLUMN_IDS = [
  'seq', 'code', 'subsystem', 'number', 'title', 'level', 'status',
  'published', 'effective', 'department', 'services', 'note',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_COLUMN_LABELS: Record<ColumnId, string> = {
  seq: '序号',
  code: '标准体系表编号',
  subsystem: '子体系名称',
  number: '标准编号',
  title: '标准名称',
  level: '宜定级别',
  status: '状态',
  published: '发布日期',
  effective: '实施日期',
  department: '归口部门',
  services: '对应服务事项',
  note: '备注',
};

export interface Column {
  id: ColumnId;
  label: string;
}

export class ColumnConfigError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/**
 * The 明细表 columns with the labels from `.hrss-std.yaml` `export.columns`.
 * A key is a column id (`number`) or its default label (`标准编号`), so users can write
 * either; an unknown key is an error rather than silently ignored.
 */
export function resolveColumns(overrides: Record<string, string> = {}): Column[] {
  const labels = { ...DEFAULT_COLUMN_LABELS };
  const byLabel = new Map<string, ColumnId>(COLUMN_IDS.map((id) => [DEFAULT_COLUMN_LABELS[id], id]));
  for (const [key, value] of Object.entries(overrides)) {
    const id = (COLUMN_IDS as readonly string[]).includes(key) ? (key as ColumnId) : byLabel.get(key);
    if (!id) {
      throw new ColumnConfigError({
        zh: `配置 export.columns 中的列 “${key}” 不存在；可用：${COLUMN_IDS.map((c) => `${c}（${DEFAULT_COLUMN_LABELS[c]}）`).join('、')}`,
        en: `export.columns names an unknown column "${key}"; available: ${COLUMN_IDS.join(', ')}`,
      });
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ColumnConfigError({
        zh: `配置 export.columns.${key} 的列标题不能为空`,
        en: `export.columns.${key}: the label must not be empty`,
      });
    }
    labels[id] = value.trim();
  }
  return COLUMN_IDS.map((id) => ({ id, label: labels[id] }));
}
