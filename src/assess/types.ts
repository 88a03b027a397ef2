import type { Text } from '../i18n/index.js';

/** The four dimensions of 标准体系评价 (湛江指南编制说明 §9.3). */
export type GroupId = 'completeness' | 'conformity' | 'coherence' | 'effectiveness';
export const GROUPS: readonly GroupId[] = ['completeness', 'conformity', 'coherence', 'effectiveness'];
export const GROUP_TITLES: Record<GroupId, Text> = {
  completeness: { zh: '体系完整性', en: 'Completeness' },
  conformity: { zh: '体系规范性', en: 'Conformity' },
  coherence: { zh: '体系协调性', en: 'Coherence' },
  effectiveness: { zh: '体系有效性', en: 'Effectiveness' },
};

/** pass: meets its threshold; fail: does not; na: cannot be assessed on this data (the note says why). */
export type Verdict = 'pass' | 'fail' | 'na';

/** A place in the YAML a figure rests on, or a problem is at. */
export interface Place {
  file: string;
  line: number;
  /** what is at this place (a row, or what is wrong with it) */
  what: Text;
  /** how to put it right, for the places that fall short */
  hint?: Text;
}

export interface Indicator {
  id: string;
  group: GroupId;
  title: Text;
  /** percent: part ÷ whole × 100, higher is better; count: number of problems, lower is better */
  measure: 'percent' | 'count';
  /** undefined when the verdict is na */
  value?: number;
  part?: number;
  whole?: number;
  formula: Text;
  /** percent: passes at value ≥ threshold; count: passes at value ≤ threshold */
  threshold: number;
  /** where the threshold comes from (default with its reason, or .hrss-std.yaml) */
  thresholdSource: 'default' | 'config';
  weight: number;
  verdict: Verdict;
  /** why the verdict is na, or a caveat a reviewer needs to read the figure */
  note?: Text;
  /** the places that fall short (percent) or are counted (count), each with a hint */
  failing: Place[];
  /** percent: every place counted in `whole`, so a reviewer can check the figure */
  basis: Place[];
  /** 处理建议 for the places in `failing` */
  advice: Text;
}

export type GroupResult = 'pass' | 'basic' | 'fail' | 'na';

export interface GroupAssessment {
  id: GroupId;
  title: Text;
  indicators: Indicator[];
  /** weighted share of the assessed indicators that pass, one decimal (undefined: none assessed) */
  score?: number;
  result: GroupResult;
}

export interface Problem {
  indicator: string;
  group: GroupId;
  /** the indicator failed (未达标), or passed with places still short (达标但有问题) */
  failed: boolean;
  summary: Text;
  advice: Text;
  places: Place[];
}

/** What the 评价报告 states about itself (湛江指南 §9.2.3). */
export interface AssessmentMeta {
  /** 评价人员: --assessor; absent when not given (never guessed) */
  assessor?: string;
  /** 评价时间 (YYYY-MM-DD) and where it came from; absent: the date-dependent indicators are na */
  date?: string;
  dateSource?: 'option' | 'document';
  /** 评价的依据 */
  basis: string[];
  /** 评价简要过程, in words */
  process: Text;
}

/** `assess --baseline`: each indicator against an earlier assessment (assess/trend.ts). */
export type Change = 'better' | 'worse' | 'same' | 'incomparable';

export interface TrendEntry {
  indicator: string;
  title: Text;
  measure: 'percent' | 'count';
  before?: number;
  after?: number;
  beforeVerdict?: Verdict;
  afterVerdict: Verdict;
  change: Change;
}

export interface Trend {
  /** the earlier assessment's 评价时间, when it had one */
  beforeDate?: string;
  beforeResult: GroupResult;
  entries: TrendEntry[];
  better: number;
  worse: number;
}

export interface Assessment {
  system: { id: string; title: string; file: string; files: number; rows: number; catalog?: string };
  meta: AssessmentMeta;
  groups: GroupAssessment[];
  overall: { score?: number; result: GroupResult; conclusion: Text };
  problems: Problem[];
  /** against the --baseline assessment of the same system */
  trend?: Trend;
}

export interface AssessSettings {
  /** indicator id → threshold */
  thresholds: Record<string, number>;
  /** indicator id → weight (default 1) */
  weights: Record<string, number>;
  /** score (0–100) at or above which a group or the whole is 基本符合 */
  basicScore: number;
}

export const RESULT_LABELS: Record<GroupResult, Text> = {
  pass: { zh: '符合', en: 'meets' },
  basic: { zh: '基本符合', en: 'largely meets' },
  fail: { zh: '不符合', en: 'does not meet' },
  na: { zh: '未评价', en: 'not assessed' },
};

export const VERDICT_LABELS: Record<Verdict, Text> = {
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'fail' },
  na: { zh: '不适用', en: 'n/a' },
};
