import type { Worksheet } from 'exceljs';
import { CAPTIONS } from '../captions.js';
import type { CoverageState } from '../../coverage/types.js';
import { ROUNDING } from '../../coverage/round.js';
import { coverageLines, ROLLUP_HEADERS, rollupValues } from '../coverage-view.js';
import { LIST_MAX_LINES } from '../limits.js';
import type { ExportModel } from '../model.js';
import { BODY_FONT, FILLS, linesFor, put, putTitle, WRAP_CENTER, WRAP_LEFT } from './style.js';
import { writeTableRow, type TableValue } from './table-row.js';
import { headerText, printA4Landscape } from './print.js';

type Value = TableValue;

const STATE_FILL: Partial<Record<CoverageState, keyof typeof FILLS>> = {
  uncovered: 'uncovered',
  planned: 'planned',
  lapsed: 'lapsed',
};

/** 覆盖情况: the gaps report — totals, per project, per item (gaps highlighted), unknown ids. */
export function writeCoverageSheet(ws: Worksheet, model: ExportModel): void {
  const widths = [10, 26, 10, 30, 12, 44, 26, 16];
  ws.columns = widths.map((width) => ({ width }));
  let r = 1;
  const title = (text: string) => putTitle(ws, r++, text);
  const line = (values: Value[], opts: { head?: boolean; fill?: keyof typeof FILLS; bold?: boolean; center?: number[]; pctCol?: number } = {}) => {
    writeTableRow(ws, r, values, widths, { ...opts, defaultWidth: 10 }, (i, v) => ({
      alignment: opts.head || (opts.center ?? []).includes(i) || typeof v === 'number' ? WRAP_CENTER : WRAP_LEFT,
      fill: opts.head ? FILLS.header : opts.fill ? FILLS[opts.fill] : undefined,
    }));
    r++;
  };

  const report = model.coverage;
  if (!report) {
    title('服务事项覆盖情况');
    put(ws.getCell(r, 1), '本体系没有配置服务事项目录（system.yaml 或 .hrss-std.yaml 中的 catalog:），未做覆盖分析。');
    ws.getCell(r, 1).font = BODY_FONT;
    printA4Landscape(ws, { header: headerText(`${model.system.title}  服务事项覆盖情况`) });
    return;
  }

  title(`服务事项覆盖情况（目录：《${model.catalog?.title ?? report.catalog.title}》${model.catalog?.edition ? `，${model.catalog.edition}` : ''}）`);
  line(['', ...ROLLUP_HEADERS], { head: true });
  line(['合计', ...rollupValues(report.totals)], { bold: true, pctCol: 6 });
  if (report.unassignedTotals.items > 0) line(['未归入项目', ...rollupValues(report.unassignedTotals)], { pctCol: 6 });
  put(ws.getCell(r, 1), `注：${ROUNDING.zh}。${report.unassignedTotals.items > 0 ? '未归入任何服务项目的事项单独列出，不计入合计。' : ''}`);
  ws.getCell(r, 1).font = BODY_FONT;
  r++;
  r++;

  title(CAPTIONS.byProject);
  line(['项目编号', '服务项目', ...ROLLUP_HEADERS], { head: true });
  for (const p of report.byProject) {
    line([p.key, p.name, ...rollupValues(p)], { fill: p.covered === 0 ? 'uncovered' : undefined, center: [0], pctCol: 7 });
  }
  r++;

  title(CAPTIONS.bySubsystem);
  line(['编号', '子体系', ...ROLLUP_HEADERS], { head: true });
  for (const s of report.bySubsystem) line([s.key, s.name, ...rollupValues(s)], { center: [0], pctCol: 7 });
  r++;

  title('附表  服务事项明细（未覆盖、仅有规划的事项即缺口）');
  const itemsHeader = r;
  line(['项目编号', '服务项目', '事项编号', '服务事项', '覆盖情况', '支撑标准', '所在子体系', '说明'], { head: true });
  // a long list shows what fits in LIST_MAX_LINES of its column, then how many more there are
  const fitsColumn = (width: number) => ({ fits: (text: string) => linesFor(text, width) <= LIST_MAX_LINES });
  const lines = coverageLines(report, {
    servicesLabel: model.columns.find((c) => c.id === 'services')?.label,
    standards: fitsColumn(widths[5]!),
    subsystems: fitsColumn(widths[6]!),
  });
  for (const l of lines) {
    line([l.projectId, l.projectName, l.itemId, l.itemName, l.stateLabel, l.standards, l.subsystems, l.note], { fill: STATE_FILL[l.state], center: [0, 2, 4] });
  }

  if (report.unknownIds.length) {
    r++;
    title('目录中不存在的服务事项编号');
    line(['体系表编号', '标准', '', '编号'], { head: true });
    for (const u of report.unknownIds) line([u.entry.code ?? '', u.entry.title, '', u.id]);
  }
  // the item list is the long table: its header repeats on the pages it runs over
  printA4Landscape(ws, { titleRows: `${itemsHeader}:${itemsHeader}`, header: headerText(`${model.system.title}  服务事项覆盖情况`) });
}
