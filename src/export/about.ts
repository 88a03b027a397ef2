import { STATE_LABELS, STATE_MEANING, STATES } from '../gaps/labels.js';
import { ROUNDING } from '../coverage/round.js';
import type { ExportModel } from './model.js';

const FRAMEWORKS: Record<string, string> = {
  gbt24421: 'GB/T 24421 服务业组织标准体系（通用基础 / 服务保障 / 服务提供）',
  'zhanjiang-7': '湛江市人社领域公共服务标准体系框架（七个子体系）',
  none: '自定义',
};

/** The 说明 lines (key, value) shared by the workbook's 说明 sheet and the Word title page. */
export function aboutLines(model: ExportModel): [string, string][] {
  const s = model.system;
  const lines: [string, string][] = [
    ['体系名称', s.title],
    ['体系编号（id）', s.id],
  ];
  if (s.region) lines.push(['地区', s.regionCode ? `${s.region}（${s.regionCode}）` : s.region]);
  if (s.owner) lines.push(['编制单位', s.owner]);
  if (s.version) lines.push(['版本', s.version]);
  lines.push(['体系框架', FRAMEWORKS[s.framework] ?? s.framework]);
  if (s.description) lines.push(['体系说明', s.description]);
  const c = model.catalog;
  lines.push(['服务事项目录', c ? `${c.title}（${c.id}${c.edition ? `，${c.edition}` : ''}；${c.builtin ? '内置目录' : `文件 ${c.ref}`}）` : '未配置，未做覆盖分析']);
  lines.push(['标准条目', `${model.rows.length} 项（现有 ${model.stats.total.existing} 项，待制定/制定中/待修订 ${model.plan.length} 项）`]);
  lines.push(['数据日期', `${model.date.iso}：${model.date.explain.zh}`]);
  lines.push(['生成工具', `hrss-std ${model.toolVersion}（同一输入生成的文件逐字节相同）`]);
  return lines;
}

/** Definitions printed with the tables, so a reader knows how the figures were counted. */
export const DEFINITIONS: [string, string][] = [
  ['应有数', '明细表中的全部标准，含待制定、制定中、待修订的标准。'],
  ['现有数', '已发布且现行或即将实施的标准（有标准编号）。'],
  ['宜定级别', '有标准编号的，按编号判定（GB、GB/T 为国家标准，行业代号为行业标准，DB 为地方标准，T/ 为团体标准，Q/ 为企业标准）；待制定的标准为体系规划的宜定级别。'],
  ['覆盖情况', STATES.map((s) => `${STATE_LABELS[s].zh}：${STATE_MEANING[s].zh}`).join('；') + '。'],
  ['覆盖率', `${ROUNDING.zh}。`],
  ['颜色', '明细表中黄色为待制定、制定中、待修订的标准，灰色删除线为被代替或废止的标准；覆盖情况中红色为未覆盖，黄色为仅有规划。'],
];
