import type { Worksheet } from 'exceljs';
import { GROUP_TITLES, RESULT_LABELS, VERDICT_LABELS, type Assessment } from '../../assess/types.js';
import { FILLS, putTitle, WRAP_CENTER, WRAP_LEFT } from './style.js';
import { writeTableRow, type TableValue } from './table-row.js';
import { headerText, printA4Landscape } from './print.js';

/**
 * 评价 (export --assess): the assessment of hrss-std assess — 评价人员/时间, each indicator with its
 * value, threshold, verdict and formula, the group results and conclusion, and every problem place.
 */
export function writeAssessmentSheet(ws: Worksheet, a: Assessment, systemTitle: string): void {
  // the first column holds 组 in the indicator table and file:line in the problem table: wide enough for a path
  const widths = [34, 26, 16, 9, 9, 52];
  ws.columns = widths.map((width) => ({ width }));
  let r = 1;
  const title = (text: string) => putTitle(ws, r++, text);
  // problem rows merge columns 3-5 for the text: their heights are fitted to the merged width
  const mergedWidths = [widths[0]!, widths[1]!, widths[2]! + widths[3]! + widths[4]!, 10, 10, widths[5]!];
  const metaWidths = [widths[0]!, widths.slice(1).reduce((x, y) => x + y, 0), 10, 10, 10, 10];
  const line = (values: TableValue[], opts: { head?: boolean; fail?: boolean; merged?: boolean; meta?: boolean } = {}) => {
    writeTableRow(ws, r, values, opts.meta ? metaWidths : opts.merged ? mergedWidths : widths, { head: opts.head, defaultWidth: 10 }, (i) => ({
      alignment: opts.head || (!opts.merged && !opts.meta && i >= 2 && i <= 4) ? WRAP_CENTER : WRAP_LEFT,
      fill: opts.head ? FILLS.header : opts.fail ? FILLS.uncovered : undefined,
    }));
    r++;
  };
  title(`${systemTitle}  标准体系评价`);
  r++;
  line(['评价人员', a.meta.assessor ?? '未注明', '', '', '', '']);
  line(['评价时间', a.meta.date ?? '未注明（与日期有关的指标未评价）', '', '', '', '']);
  line(['总体结论', a.overall.conclusion.zh, '', '', '', ''], { meta: true });
  for (let k = r - 3; k < r; k++) ws.mergeCells(k, 2, k, 6);
  r++;
  line(['组', '指标', '数值', '门槛', '结果', '计算方法'], { head: true });
  for (const g of a.groups) {
    for (const i of g.indicators) {
      const value = i.value === undefined ? '—' : i.measure === 'count' ? String(i.value) : `${i.value.toFixed(1)}%（${i.part}/${i.whole}）`;
      const threshold = `${i.measure === 'percent' ? `≥ ${i.threshold}%` : `≤ ${i.threshold}`}${i.thresholdSource === 'config' ? '（配置）' : ''}`;
      line([GROUP_TITLES[g.id].zh, i.title.zh, value, threshold, VERDICT_LABELS[i.verdict].zh, i.formula.zh + (i.note ? `（说明：${i.note.zh}）` : '')], { fail: i.verdict === 'fail' });
    }
    line([GROUP_TITLES[g.id].zh, '本组结果', g.score !== undefined ? `${g.score.toFixed(1)}%` : '—', '', RESULT_LABELS[g.result].zh, '加权达标率 = 达标指标权重和 ÷ 已评价指标权重和 × 100']);
  }
  r++;
  title('存在问题和处理建议');
  line(['位置（文件:行）', '指标', '问题', '', '', '处理建议'], { head: true });
  ws.mergeCells(r - 1, 3, r - 1, 5);
  for (const p of a.problems) {
    const ind = a.groups.flatMap((g) => g.indicators).find((i) => i.id === p.indicator)!;
    for (const pl of p.places) {
      line([`${pl.file}:${pl.line}`, ind.title.zh, pl.what.zh, '', '', pl.hint?.zh ?? p.advice.zh], { fail: p.failed, merged: true });
      ws.mergeCells(r - 1, 3, r - 1, 5);
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 0 }];
  printA4Landscape(ws, { header: headerText(`${systemTitle}  标准体系评价`) });
}
