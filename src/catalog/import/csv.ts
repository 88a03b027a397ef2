import { parse } from 'csv-parse/sync';
import { ImportError, type Grid } from './grid.js';

/**
 * Decode a CSV as office PCs write it: UTF-8 with or without BOM, UTF-16 with
 * BOM ("Unicode text"), else GBK/GB18030 (Excel's default "CSV" on a Chinese Windows).
 */
export function decodeCsv(buf: Uint8Array): { text: string; encoding: string } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030' };
    } catch {
      throw new ImportError(
        { zh: '无法识别 CSV 文件的编码（既不是 UTF-8，也不是 GBK/GB18030）', en: 'cannot tell the CSV encoding (neither UTF-8 nor GBK/GB18030)' },
        { zh: '在 Excel/WPS 中另存为 “CSV UTF-8” 或直接导入 .xlsx', en: 'save as "CSV UTF-8" from Excel/WPS, or import the .xlsx' },
      );
    }
  }
}

/** The delimiter used most in the first lines (comma, tab or semicolon), outside quotes. */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') lines++;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** The line on which the quote that never closes was opened (csv-parse reports the last line). */
function openingQuoteLine(text: string, delim: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (openedAt !== undefined) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') openedAt = undefined;
      else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && atFieldStart) openedAt = line;
    if (c === '\n') line++;
    atFieldStart = c === delim || c === '\n' || c === '\r';
  }
  return openedAt;
}

/**
 * RFC 4180 records (quoted fields may hold delimiters, quotes and line breaks); row n = record
 * number. csv-parse does the reading: the hand-written reader let an unclosed quote swallow the
 * rest of the file silently; csv-parse stops with the line where the quote opened.
 */
export function parseCsv(text: string, sheet: string): Grid {
  const delim = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delim, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    let line = err.lines ?? 0;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      line = openingQuoteLine(text, delim) ?? line;
      throw new ImportError(
        { zh: `${sheet}:${line}: 引号没有闭合，文件从这里到末尾都会被当作一个单元格`, en: `${sheet}:${line}: a quote is never closed; the rest of the file would be one cell` },
        { zh: '检查这一行附近的 " 是否成对（单元格内的 " 要写成 ""）', en: 'check that quotes near this line come in pairs (a " inside a cell is written "")' },
      );
    }
    throw new ImportError({ zh: `${sheet}:${line}: CSV 格式错误（${err.code ?? ''}）`, en: `${sheet}:${line}: malformed CSV (${err.code ?? err.message ?? ''})` });
  }
  return { sheet, rows: records.map((cells, i) => ({ n: i + 1, cells })) };
}
