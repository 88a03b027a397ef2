import { halfWidth } from './values.js';

/** The columns of a 标准明细表 the importer understands. */
export type Field =
  | 'seq' | 'code' | 'subsystem' | 'subsystemCode' | 'number' | 'title' | 'level' | 'status'
  | 'published' | 'effective' | 'reviewed' | 'department' | 'services' | 'replaces' | 'replacedBy'
  | 'adopted' | 'references' | 'justification' | 'note';

/**
 * Header words seen in official and hand-made tables, after normalisation (half-width, no blanks,
 * no bracketed remark such as “（中文）”). A header may also be any title configured under
 * `export.columns` in .hrss-std.yaml, so a table exported with custom titles imports again.
 */
const ALIASES: Record<Field, string[]> = {
  seq: ['序号', '序', 'No.', 'No'],
  code: ['标准体系表编号', '体系表编号', '体系编号', '标准体系编号', '明细表编号', '体系结构编号', '体系代码', '编码'],
  subsystem: ['子体系', '子体系名称', '所属子体系', '一级子体系', '二级子体系', '三级子体系', '子体系名', '分体系', '所属类别', '标准类别'],
  subsystemCode: ['子体系编号', '子体系代码', '子体系表编号'],
  number: ['标准编号', '引用标准编号', '标准号', '标准代号', '标准编号/计划号', '编号', '代号', '国家标准编号', '行业标准编号', '地方标准编号', '国家标准号', '标准文号'],
  title: ['标准名称', '名称', '标准名', '标准项目名称', '项目名称', '中文名称', '标准中文名称', '国家标准名称', '行业标准名称', '地方标准名称'],
  level: ['类别', '宜定级别', '级别', '标准级别', '标准层级', '层级', '标准类型', '宜定层级'],
  status: ['状态', '标准状态', '制修订状态', '现状', '制定状态', '实施状态', '标准现状', '制修订'],
  published: ['发布日期', '发布时间'],
  effective: ['实施日期', '实施时间'],
  reviewed: ['复审日期', '最近复审日期'],
  department: ['归口部门', '负责单位', '主管部门', '归口单位', '归口部门/负责单位', '牵头单位', '起草单位'],
  services: ['对应服务事项', '服务事项', '对应事项', '服务事项编号', '对应服务'],
  replaces: ['代替标准', '代替标准号', '替代标准', '代替', '被代替标准号', '被代替标准编号'],
  replacedBy: ['被代替为', '被代替标准', '被替代为'],
  adopted: ['采标', '采标情况', '采用国际标准', '采用国际标准情况', '国际标准'],
  references: ['规范性引用文件', '引用文件', '引用标准'],
  justification: ['采用理由', '理由', '采用团体/企业标准理由'],
  note: ['备注', '说明', '附注'],
};

export function normalizeHeader(s: string): string {
  return halfWidth(s)
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)$/, '')
    .replace(/\[[^\]]*\]$/, '')
    .replace(/[*:：]$/, '');
}

const INDEX = new Map<string, Field>();
for (const [field, words] of Object.entries(ALIASES) as [Field, string[]][]) {
  for (const w of words) INDEX.set(normalizeHeader(w), field);
}

/** The field a header cell names, or undefined. `extra` maps custom titles (normalised) to fields. */
export function headerField(text: string, extra?: Map<string, Field>): Field | undefined {
  const h = normalizeHeader(text);
  if (!h) return undefined;
  return extra?.get(h) ?? INDEX.get(h);
}

/** The header words the importer needs, for the message when no header row is found. */
export const NEEDED_HEADERS = { title: ALIASES.title, others: [...ALIASES.number.slice(0, 3), ...ALIASES.level.slice(0, 3), ...ALIASES.status.slice(0, 2), '发布日期', '实施日期', '代替标准', '备注', '对应服务事项'] };

/** Custom column titles from the config's `export.columns` (column id or default title → title). */
export function customHeaders(columns: Record<string, string>): Map<string, Field> {
  const out = new Map<string, Field>();
  const known = new Set(Object.keys(ALIASES));
  // the export may use snake_case ids (replaced_by) where the importer uses camelCase
  const toField = (k: string) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  for (const [k, title] of Object.entries(columns)) {
    const f = INDEX.get(normalizeHeader(k)) ?? toField(k);
    if (known.has(f)) out.set(normalizeHeader(title), f as Field);
  }
  return out;
}
