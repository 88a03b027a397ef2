import type { Text } from '../i18n/index.js';
import type { GroupId } from './types.js';

/**
 * The indicators of `hrss-std assess`, with their default thresholds and the reason for each
 * default (docs/assess.md prints this table). Percent indicators pass at value ≥ threshold, count
 * indicators at value ≤ threshold. Where a policy states a goal (全覆盖, 逐项编制, 复审周期) the
 * default is that goal; a staged target belongs in `.hrss-std.yaml` (`assess.thresholds`).
 */
export interface IndicatorDef {
  id: string;
  group: GroupId;
  title: Text;
  measure: 'percent' | 'count';
  threshold: number;
  reason: Text;
  /** rules whose findings the indicator counts (a rule set to off makes the indicator na) */
  rules?: string[];
}

export const INDICATORS: readonly IndicatorDef[] = [
  // 完整性
  { id: 'framework-parts', group: 'completeness', measure: 'percent', threshold: 100,
    title: { zh: '框架组成部分齐全率', en: 'framework parts present' },
    reason: { zh: '体系声明的框架（湛江指南 6.1 七部分或 GB/T 24421 三部分）每部分都应有子体系和标准行', en: 'every part of the declared framework should have a sub-system with rows' } },
  { id: 'item-coverage', group: 'completeness', measure: 'percent', threshold: 100,
    title: { zh: '服务事项覆盖率', en: 'service item coverage' },
    reason: { zh: '人社部发〔2023〕62号：业务全覆盖', en: '人社部发〔2023〕62号: every service covered' } },
  { id: 'kind-coverage', group: 'completeness', measure: 'percent', threshold: 100,
    title: { zh: '文件类型齐全率（服务指南、操作规程）', en: 'kind coverage (guide and procedure per item)' },
    reason: { zh: '人社部发〔2023〕62号：逐项编制服务指南和操作规程', en: '人社部发〔2023〕62号: a guide and a procedure for each item' } },
  { id: 'object-coverage', group: 'completeness', measure: 'percent', threshold: 100,
    title: { zh: '服务对象覆盖率（最低组）', en: 'service-object coverage (lowest group)' },
    reason: { zh: '人社部发〔2023〕62号：服务对象全覆盖', en: '人社部发〔2023〕62号: every service object covered' } },
  { id: 'institution-coverage', group: 'completeness', measure: 'percent', threshold: 100,
    title: { zh: '服务机构标准覆盖率（8 个方面）', en: 'institution coverage (8 aspects)' },
    reason: { zh: '人社部发〔2023〕62号：场地环境、设施设备、人员配备有基础标准，硬件建设、服务提供、内部管理、考核评价、风险防控有标可依', en: '人社部发〔2023〕62号: premises, facilities, staffing; hardware, provision, management, evaluation, risk all have standards' } },
  // 规范性
  { id: 'number-valid', group: 'conformity', measure: 'percent', threshold: 100, rules: ['number-format', 'number-canonical'],
    title: { zh: '标准编号规范率', en: 'valid canonical numbers' },
    reason: { zh: '编号是标准的唯一标识，写错或写法不规范就无法核对和检索（GB/T 1.1 的编号写法）', en: 'the number identifies a standard; a wrong or non-canonical one cannot be checked or found' } },
  { id: 'required-fields', group: 'conformity', measure: 'percent', threshold: 100,
    title: { zh: '必填信息完整率', en: 'required fields complete' },
    reason: { zh: '明细表每行应能核对（编号、发布和实施日期）；待制定的标准应有宜定级别和计划（计划完成时间、承担单位）', en: 'each published row can be checked (number, dates); each planned row has a level and a plan (due, undertaker)' } },
  { id: 'code-hierarchy', group: 'conformity', measure: 'percent', threshold: 100, rules: ['code-hierarchy', 'duplicate-code'],
    title: { zh: '体系表编号层级正确率', en: 'code hierarchy kept' },
    reason: { zh: '体系表编号按层级延续且唯一，结构图、明细表才能互相引用（GB/T 13016）', en: 'codes extend their parent\'s and are unique, so chart and table refer to each other' } },
  { id: 'suppression-reasons', group: 'conformity', measure: 'percent', threshold: 100,
    title: { zh: '禁用注释写明理由率', en: 'suppressions with a reason' },
    reason: { zh: '每处例外都应写明理由，评价人员才能判断是否接受', en: 'each exception needs a reason a reviewer can judge' } },
  // 协调性
  { id: 'duplicates', group: 'coherence', measure: 'count', threshold: 0, rules: ['duplicate-number'],
    title: { zh: '重复列入的标准行', en: 'duplicated rows' },
    reason: { zh: '同一标准只列一次，否则现有数重复统计', en: 'a standard is listed once, or the counts double' } },
  { id: 'replaced-listed', group: 'coherence', measure: 'count', threshold: 0, rules: ['status-replaced'],
    title: { zh: '体系内已被代替仍列为现行的标准', en: 'replaced within the system yet listed as current' },
    reason: { zh: '体系中已有新版本或代替标准时，旧版本不应同时现行', en: 'an old edition is not current beside its successor' } },
  { id: 'missing-references', group: 'coherence', measure: 'count', threshold: 0, rules: ['missing-reference'],
    title: { zh: '规范性引用文件未列入体系', en: 'normative references not in the system' },
    reason: { zh: '被引用的标准是执行该标准的前提，应在体系中', en: 'a referenced standard is needed to apply the one citing it' } },
  { id: 'priority', group: 'coherence', measure: 'count', threshold: 0, rules: ['priority'],
    title: { zh: '优先采用规则（团体/企业标准）', en: 'priority rule (group/enterprise standards)' },
    reason: { zh: '湛江指南 6.2：宜优先采用国家、行业和地方标准，团体/企业标准应说明理由', en: '湛江指南 6.2: national, industry and local standards first; group/enterprise ones need a reason' } },
  { id: 'conflicts', group: 'coherence', measure: 'count', threshold: 0, rules: ['title-mismatch', 'level-mismatch', 'year-mismatch', 'date-order'],
    title: { zh: '信息相互矛盾的标准行', en: 'rows whose fields contradict' },
    reason: { zh: '名称、级别、年代号、日期与编号或已知资料矛盾的行，至少有一项写错', en: 'a row contradicting its number or the known data has a wrong field' } },
  // 有效性
  { id: 'share-current', group: 'effectiveness', measure: 'percent', threshold: 50,
    title: { zh: '标准现有率（现行或即将实施 ÷ 全部标准行）', en: 'share of rows in force' },
    reason: { zh: '工具默认值（文件未规定）：体系表中过半的标准已有现行文本；应有而未有的标准由完整性各项反映，可按建设阶段在配置中调整', en: 'tool default (no document sets one): over half the table exists as standards in force; adjust per stage in the config' } },
  { id: 'review-period', group: 'effectiveness', measure: 'percent', threshold: 100, rules: ['review-due'],
    title: { zh: '复审周期内的现行标准比率', en: 'current standards within the review period' },
    reason: { zh: '《中华人民共和国标准化法》：标准的复审周期一般不超过五年（review_years 可配置）', en: 'Standardization Law: review at most every five years (review_years)' } },
  { id: 'planned-overdue', group: 'effectiveness', measure: 'count', threshold: 0,
    title: { zh: '超过计划完成时间的待制定标准', en: 'planned rows past their due date' },
    reason: { zh: '计划完成时间已过仍未发布，计划应更新或落实', en: 'a plan past its date needs updating or doing' } },
  { id: 'replaced-upstream', group: 'effectiveness', measure: 'count', threshold: 0, rules: ['status-replaced'],
    title: { zh: '已被代替或废止但未更新的标准', en: 'replaced or withdrawn upstream, not updated here' },
    reason: { zh: '列为现行的标准已被发布机构代替或废止（内置已知标准资料，注明来源），服务会按过时的要求执行', en: 'a current row the publisher has replaced or withdrawn (built-in known data, with sources)' } },
];

export const INDICATOR_IDS: readonly string[] = INDICATORS.map((d) => d.id);
export const DEFAULT_BASIC_SCORE = 60;
