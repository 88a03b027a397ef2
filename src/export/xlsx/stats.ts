import type { Worksheet } from 'exceljs';
import { CAPTIONS, STATS_NOTE } from '../captions.js';
import { STATUS_LABELS } from '../../model/types.js';
import type { ExportModel } from '../model.js';
import { LEVEL_KEY_LABELS, type Count } from '../stats.js';
import { writeTableRow, type TableValue } from './table-row.js';
import { BODY_FONT, FILLS, put, putTitle, WRAP_CENTER, wrapLeftIndent } from './style.js';
import { headerText, printA4Landscape } from './print.js';

type Value = TableValue;

function pctValue(c: Count): Value {
  return c.pct === null ? '—' : c.pct;
}

/** 统计表: per level 应有数 / 现有数 / 现有数÷应有数; a sub-system × level matrix; counts by status. */
export function writeStatsSheet(ws: Worksheet, model: ExportModel): void {
  const { stats } = model;
  const levels = stats.levels;
  const widths = [30, ...levels.flatMap(() => [8, 8]), 8, 8, 12];
  ws.columns = widths.map((width) => ({ width }));
  let r = 1;
  const title = (text: string) => putTitle(ws, r++, text);
  const cellRow = (values: Value[], opts: { head?: boolean; bold?: boolean; fill?: boolean; indent?: number; pctCol?: number } = {}) => {
    writeTableRow(ws, r, values, widths, { ...opts, defaultWidth: 8 }, (i) => ({
      alignment: i === 0 && !opts.head ? wrapLeftIndent(opts.indent ?? 0) : WRAP_CENTER,
      fill: opts.head ? FILLS.header : opts.fill ? FILLS.group1 : undefined,
    }));
    r++;
  };

  title(CAPTIONS.byLevel);
  cellRow(['标准类别', '应有数\n（项）', '现有数\n（项）', '现有数÷\n应有数（%）'], { head: true });
  for (const l of stats.byLevel) cellRow([LEVEL_KEY_LABELS[l.level].zh, l.expected, l.existing, pctValue(l)], { pctCol: 3 });
  cellRow(['合计', stats.total.expected, stats.total.existing, pctValue(stats.total)], { bold: true, fill: true, pctCol: 3 });
  r++;

  title(CAPTIONS.byStatus);
  cellRow(['状态', '数量（项）'], { head: true });
  for (const s of stats.byStatus) cellRow([STATUS_LABELS[s.status].zh, s.count]);
  // every row of the 明细表 has a status, 被代替 and 废止 included: the 合计 is all of them (not 应有数)
  cellRow(['合计', stats.byStatus.reduce((a, s) => a + s.count, 0)], { bold: true, fill: true });
  r++;
  title(CAPTIONS.matrix);
  const head1 = r;
  cellRow(['子体系', ...levels.flatMap((l) => [LEVEL_KEY_LABELS[l].zh, '']), '合计', '', ''], { head: true });
  cellRow(['', ...levels.flatMap(() => ['应有', '现有']), '应有', '现有', '现有÷应有\n（%）'], { head: true });
  ws.mergeCells(head1, 1, head1 + 1, 1);
  levels.forEach((_, i) => ws.mergeCells(head1, 2 + 2 * i, head1, 3 + 2 * i));
  ws.mergeCells(head1, 2 + 2 * levels.length, head1, 4 + 2 * levels.length);
  for (const m of stats.matrix) {
    cellRow(
      [`${m.code} ${m.title}`.trim(), ...levels.flatMap((l) => [m.byLevel[l].expected, m.byLevel[l].existing]), m.total.expected, m.total.existing, pctValue(m.total)],
      { bold: m.depth === 1, indent: m.depth - 1, pctCol: widths.length - 1 },
    );
  }
  cellRow(
    ['合计', ...stats.byLevel.flatMap((l) => [l.expected, l.existing]), stats.total.expected, stats.total.existing, pctValue(stats.total)],
    { bold: true, fill: true, pctCol: widths.length - 1 },
  );
  r++;

  put(ws.getCell(r, 1), STATS_NOTE);
  ws.getCell(r, 1).font = BODY_FONT;

  // 表 4 is the one that can run over several pages: its two header rows repeat on each
  printA4Landscape(ws, { titleRows: `${head1}:${head1 + 1}`, header: headerText(`${model.system.title}  标准统计表`) });
}
