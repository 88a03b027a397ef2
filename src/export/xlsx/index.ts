import type ExcelJS from 'exceljs';
import { META_SHEET, writeMetaSheet } from './meta.js';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { ExportModel } from '../model.js';
import type { Exporter } from '../types.js';
import { internalsOf, Workbook, WRITE_STEPS, type Part, type PartSink } from './exceljs-internals.js';
import { getRawRows, materializeRows, renderRows, renderSharedStrings, type RowModel } from './raw-rows.js';
import { normalizeParts } from '../zip.js';
import { fastPathOn } from '../../util/switches.js';
import { writeAboutSheet } from './about.js';
import { writeAssessmentSheet } from './assessment.js';
import { writeCoverageSheet } from './coverage.js';
import { writeDetailSheet } from './detail.js';
import { writeStatsSheet } from './stats.js';
import { writeStructureSheet } from './structure.js';

const EMPTY_SHEET_DATA = '<sheetData/>';

/**
 * The parts exceljs writes for a workbook, by name. exceljs's own `writeBuffer` hands the same
 * parts to jszip, which UTF-8-encodes and zips them (stored), only for normalizeParts to unzip
 * them again: this runs the steps of `XLSX.write` with a sink that keeps the parts instead.
 * Sheets with raw rows (raw-rows.ts) get them as plain row models for exceljs to number the
 * shared strings and styles in its usual order; exceljs then writes those sheets without rows
 * and their <sheetData> is rendered here.
 *
 * The steps are exceljs internals (exceljs-internals.ts). When exceljs no longer has them, or with
 * `viaZip` (or HRSS_STD_XLSX_RAW_ROWS=0, util/switches.ts), the raw rows become ordinary cells and the workbook goes the documented way through
 * `writeBuffer`; tests check that both give the same bytes.
 */
export async function workbookParts(
  wb: ExcelJS.Workbook,
  opts: { viaZip?: boolean; rewrite?: Record<string, (xml: string) => string> } = {},
): Promise<Record<string, Part>> {
  const rewrite = opts.rewrite ?? {};
  const raw = wb.worksheets.flatMap((ws) => {
    const rows = getRawRows(ws);
    return rows ? [{ ws, rows }] : [];
  });
  const internals = (opts.viaZip ?? !fastPathOn('xlsxRows')) ? undefined : internalsOf(wb);
  if (internals) {
    const { model } = internals;
    const injected = new Map<string, RowModel[]>();
    const sheetModels = raw.map(({ ws, rows }) => {
      const sheet = model.worksheets.find((m) => m.id === ws.id)!;
      if (sheet.rows.length) throw new Error(`xlsx: sheet ${ws.name} has both cells and raw rows`);
      sheet.rows = rows.rows;
      sheet.dimensions = rows.dimensions();
      injected.set(`xl/worksheets/sheet${ws.id}.xml`, rows.rows);
      return sheet;
    });
    internals.prepare();
    // prepared (shared string and style ids set on the row models): exceljs writes the sheets without rows
    for (const sheet of sheetModels) sheet.rows = [];
    const parts: Record<string, Part> = {};
    const sink: PartSink = {
      append(data, { name, base64 }) {
        const rows = injected.get(name);
        if (rows && typeof data === 'string') {
          const at = data.indexOf(EMPTY_SHEET_DATA);
          if (at < 0 || data.indexOf(EMPTY_SHEET_DATA, at + 1) >= 0) throw new Error(`xlsx: no single ${EMPTY_SHEET_DATA} in ${name}`);
          // a rewrite sees the sheet without its rows (the rows are rendered as given)
          const fn = rewrite[name] ?? ((xml: string) => xml);
          const head = strToU8(fn(`${data.slice(0, at)}<sheetData>`));
          const body = renderRows(rows);
          const tail = strToU8(fn(`</sheetData>${data.slice(at + EMPTY_SHEET_DATA.length)}`));
          const bytes = new Uint8Array(head.length + body.length + tail.length);
          bytes.set(head);
          bytes.set(body, head.length);
          bytes.set(tail, head.length + body.length);
          parts[name] = bytes;
          return;
        }
        if (typeof data === 'string' && rewrite[name]) data = rewrite[name](data);
        parts[name] = base64 && typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'base64')) : data;
      },
    };
    for (const step of WRITE_STEPS) {
      if (step === 'addSharedStrings') {
        // the same XML as exceljs's, rendered without an XML stream (~30,000 texts at 10,000 rows)
        const ss = model.sharedStrings;
        if (ss && ss.count) sink.append(renderSharedStrings(ss.values, ss.count) ?? ss.xml, { name: 'xl/sharedStrings.xml' });
        continue;
      }
      await internals.run(step, sink);
    }
    return parts;
  }
  for (const { ws, rows } of raw) materializeRows(ws, rows);
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof wb.xlsx.writeBuffer>[0]);
  const parts: Record<string, Part> = unzipSync(new Uint8Array(buf as ArrayBuffer));
  for (const [name, fn] of Object.entries(rewrite)) if (parts[name] !== undefined) parts[name] = fn(strFromU8(parts[name] as Uint8Array));
  return parts;
}

/** The workbook with its five sheets, not yet written. */
export function buildWorkbook(model: ExportModel): ExcelJS.Workbook {
  const wb = new Workbook();
  const when = new Date(`${model.date.iso}T00:00:00Z`);
  wb.creator = model.system.owner ?? 'hrss-std';
  wb.lastModifiedBy = 'hrss-std';
  wb.created = when;
  wb.modified = when;
  wb.title = `${model.system.title} 标准体系表`;
  wb.subject = '标准体系表（GB/T 13016-2018、GB/T 13017-2018）';
  const sheet = (name: string) => wb.addWorksheet(name, { properties: { defaultRowHeight: 15 } });
  writeStructureSheet(sheet('结构图'), model);
  writeDetailSheet(sheet('明细表'), model);
  writeStatsSheet(sheet('统计表'), model);
  writeCoverageSheet(sheet('覆盖情况'), model);
  if (model.assessment) writeAssessmentSheet(sheet('评价'), model.assessment, model.system.title);
  writeAboutSheet(sheet('说明'), model);
  writeMetaSheet(sheet(META_SHEET), model);
  return wb;
}

/** exceljs flags outlined rows as collapsed although none is hidden; LibreOffice then hides them. */
export function sheetRewrites(wb: ExcelJS.Workbook): Record<string, (xml: string) => string> {
  const openGroups = (xml: string) => xml.replace(/ collapsed="1"/g, '');
  return Object.fromEntries(wb.worksheets.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, openGroups]));
}

/** The workbook: 结构图, 明细表, 统计表, 覆盖情况, 说明. */
export const xlsxExporter: Exporter = {
  id: 'xlsx',
  extension: '.xlsx',
  async write(model) {
    const wb = buildWorkbook(model);
    return normalizeParts(await workbookParts(wb, { rewrite: sheetRewrites(wb) }), { date: model.date.iso, marker: model.system.id });
  },
};
