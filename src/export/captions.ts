import { structureCaption } from './structure-layout.js';

/**
 * The numbers and titles of the figure and tables, one list for the workbook and the Word
 * document, so 表 3 is the same table in both. The Word file has every table; the workbook has
 * those it can show as sheets (its 覆盖情况 sheet adds the per-item list as an unnumbered 附表).
 */
export const CAPTIONS = {
  structure: (systemTitle: string) => `图 1  ${structureCaption(systemTitle)}`,
  detail: (systemTitle: string) => `表 1  ${systemTitle}标准明细表`,
  byLevel: '表 2  标准统计表（按标准级别）',
  byStatus: '表 3  标准状态统计',
  // last of the 统计表: the one that runs over several pages, under its repeated header rows
  matrix: '表 4  各子体系标准统计（应有数 / 现有数）',
  byProject: '表 5  各服务项目的标准覆盖情况',
  bySubsystem: '表 6  各子体系的标准覆盖情况',
  gaps: '表 7  缺口服务事项',
  plan: '表 8  标准制修订计划',
} as const;

/** "表 8" of "表 8  标准制修订计划": the caption's number, to refer to it in the text. */
export function captionNumber(caption: string): string {
  return caption.slice(0, caption.indexOf('  '));
}

/** What 应有数 and 现有数 count, said under the 统计表 in both files. */
export const STATS_NOTE = '注：应有数为明细表中除被代替、废止以外的全部标准（含待制定、制定中、待修订）；现有数为已发布且现行或即将实施的标准。上级子体系的数字包含其下级子体系。';
