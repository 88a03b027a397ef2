import { checkXlsx, describeXlsxLimit } from '../../util/xlsx-limits.js';
import { withReadableSheetNames } from '../../util/xlsx-sheet-names.js';
import { ImportError, type Grid } from './grid.js';

/** The text of an exceljs cell value: rich text joined, formulas by their cached result, hyperlinks by their text. */
export function cellValueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellValueText(o.result);
    if ('text' in o) return cellValueText(o.text);
    if ('error' in o) return '';
  }
  return String(v);
}

/**
 * Read every worksheet of an .xlsx as text grids. exceljs reports a merged
 * range's value in each of its cells, so a vertically merged 服务项目 arrives
 * on every row it spans; the importer also carries blanks down for CSVs.
 */
export async function readXlsx(buf: Buffer): Promise<Grid[]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  // Sizes, rows and merges are checked on the zip before exceljs expands anything.
  const limit = buf.subarray(0, 2).toString('latin1') === 'PK' ? checkXlsx(buf) : undefined;
  if (limit) throw new ImportError(describeXlsxLimit(limit));
  const readable = withReadableSheetNames(buf);
  try {
    await wb.xlsx.load(readable.buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError(
      { zh: `无法读取 Excel 文件：${(e as Error).message}`, en: `cannot read the Excel file: ${(e as Error).message}` },
      { zh: '只支持 .xlsx（Excel 2007 及以后）；.xls 请先在 Excel/WPS 中另存为 .xlsx', en: 'only .xlsx is read; save an .xls as .xlsx first' },
    );
  }
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    const rows: Grid['rows'] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellValueText(row.getCell(c).value));
      rows.push({ n: r, cells });
    }
    grids.push({ sheet: readable.names.get(ws.name) ?? ws.name, rows });
  }
  return grids;
}
