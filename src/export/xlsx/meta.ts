import type ExcelJS from 'exceljs';
import type { ExportModel } from '../model.js';

/** Name of the hidden sheet that lets `hrss-std import` restore the system's metadata. */
export const META_SHEET = '_hrss_std';
export const META_FORMAT = 'hrss-std-export/1';

/** key/value pairs of the hidden sheet, in a fixed order (same input, same bytes). */
export function metaPairs(model: ExportModel): [string, string][] {
  const s = model.system;
  const pairs: [string, string | undefined][] = [
    ['format', META_FORMAT],
    ['system.id', s.id],
    ['system.title', s.title],
    ['catalog', model.catalog?.ref],
    ['framework', s.framework],
    ['region.name', s.region],
    ['region.code', s.regionCode],
  ];
  return pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '');
}

/** A hidden sheet (not very hidden: a user can still unhide it in Excel) with one pair per row. */
export function writeMetaSheet(ws: ExcelJS.Worksheet, model: ExportModel): void {
  ws.state = 'hidden';
  for (const [k, v] of metaPairs(model)) ws.addRow([k, v]);
}
