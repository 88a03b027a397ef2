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

/** RFC 4180 records (quoted fields may hold delimiters, quotes and line breaks); row n = record number. */
export function parseCsv(text: string, sheet: string): Grid {
  const delim = sniffDelimiter(text);
  const rows: Grid['rows'] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(field);
    rows.push({ n: rows.length + 1, cells });
    cells = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delim) {
      cells.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i++;
    } else if (c === '\n' || c === '\r') endRecord();
    else field += c;
    i++;
  }
  if (field !== '' || cells.length) endRecord();
  return { sheet, rows };
}
