import ExcelJS from 'exceljs';
import type { Exporter } from '../types.js';
import { normalizePackage } from '../zip.js';
import { writeAboutSheet } from './about.js';
import { writeCoverageSheet } from './coverage.js';
import { writeDetailSheet } from './detail.js';
import { writeStatsSheet } from './stats.js';
import { writeStructureSheet } from './structure.js';

/** The workbook: 结构图, 明细表, 统计表, 覆盖情况, 说明. */
export const xlsxExporter: Exporter = {
  id: 'xlsx',
  extension: '.xlsx',
  async write(model) {
    const wb = new ExcelJS.Workbook();
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
    writeAboutSheet(sheet('说明'), model);
    const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof wb.xlsx.writeBuffer>[0]);
    // exceljs flags outlined rows as collapsed although none is hidden; LibreOffice then hides them
    const openGroups = (xml: string) => xml.replace(/ collapsed="1"/g, '');
    const rewrite = Object.fromEntries(wb.worksheets.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, openGroups]));
    return normalizePackage(new Uint8Array(buf as ArrayBuffer), { date: model.date.iso, marker: model.system.id, rewrite });
  },
};
