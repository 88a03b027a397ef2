import { inflateRawSync } from 'node:zlib';

/**
 * Up-front limits for an .xlsx, checked on the zip directory and the sheet XML before exceljs
 * sees the file: exceljs expands merges into cells and holds every row in memory, so a 2 KB
 * workbook merging A3:XFD1048576, a 1 MB zip holding a 1 GiB sheet or a million-row sheet
 * would exhaust memory. Each limit has a clear reason (docs/authoring.md, "Limits").
 */
export const XLSX_LIMITS = {
  /** uncompressed size of one part (a sheet's XML) */
  maxPartBytes: 64 * 1024 * 1024,
  /** uncompressed size of all parts together */
  maxTotalBytes: 256 * 1024 * 1024,
  /** zip entries */
  maxEntries: 2000,
  /** rows of one sheet */
  maxRows: 200_000,
  /** cells covered by all merges of one sheet */
  maxMergedCells: 2_000_000,
} as const;

export type XlsxLimitProblem =
  | { kind: 'not-zip' }
  | { kind: 'zip64' }
  | { kind: 'entries'; count: number }
  | { kind: 'odd-name'; name: string }
  | { kind: 'duplicate-name'; name: string }
  | { kind: 'part-size'; name: string; bytes: number }
  | { kind: 'total-size'; bytes: number }
  | { kind: 'rows'; name: string; rows: number }
  | { kind: 'merges'; name: string; cells: number; ref: string };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

function directory(buf: Buffer): Entry[] | XlsxLimitProblem {
  // End of central directory: the last 22..65557 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: 'not-zip' };
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { kind: 'zip64' };
  if (count > XLSX_LIMITS.maxEntries) return { kind: 'entries', count };
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { kind: 'not-zip' };
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    if (size === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) return { kind: 'zip64' };
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function partText(buf: Buffer, e: Entry): string | undefined {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) return undefined;
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressed);
  try {
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: XLSX_LIMITS.maxPartBytes }).toString('utf8');
  } catch {
    return undefined; // exceljs will report the damaged part
  }
  return undefined;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The first limit an .xlsx exceeds, or undefined. Entry names must be plain relative paths, each once. */
export function checkXlsx(buf: Buffer): XlsxLimitProblem | undefined {
  const dir = directory(buf);
  if (!Array.isArray(dir)) return dir;
  const seen = new Set<string>();
  let total = 0;
  for (const e of dir) {
    // eslint-disable-next-line no-control-regex
    if (/^[\\/]|^[A-Za-z]:|\\|(^|\/)\.\.?(\/|$)|[\u0000-\u001f]/.test(e.name)) return { kind: 'odd-name', name: e.name };
    const key = e.name.toLowerCase();
    if (seen.has(key)) return { kind: 'duplicate-name', name: e.name };
    seen.add(key);
    if (e.size > XLSX_LIMITS.maxPartBytes) return { kind: 'part-size', name: e.name, bytes: e.size };
    total += e.size;
    if (total > XLSX_LIMITS.maxTotalBytes) return { kind: 'total-size', bytes: total };
  }
  for (const e of dir) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const xml = partText(buf, e);
    if (xml === undefined) continue;
    let rows = 0;
    for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
      if (++rows > XLSX_LIMITS.maxRows) return { kind: 'rows', name: e.name, rows };
    }
    let cells = 0;
    for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/gi)) {
      const area = (Math.abs(colNumber(m[3]!) - colNumber(m[1]!)) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
      cells += area;
      if (cells > XLSX_LIMITS.maxMergedCells) return { kind: 'merges', name: e.name, cells, ref: `${m[1]}${m[2]}:${m[3]}${m[4]}` };
    }
  }
  return undefined;
}

/** The message for a limit problem, in both languages. */
export function describeXlsxLimit(p: XlsxLimitProblem): { zh: string; en: string } {
  const L = XLSX_LIMITS;
  switch (p.kind) {
    case 'not-zip': return { zh: '不是有效的 .xlsx（zip 目录不可读）', en: 'not a valid .xlsx (the zip directory cannot be read)' };
    case 'zip64': return { zh: '工作簿使用 ZIP64（超过 4 GB 的部件），不予读取', en: 'the workbook uses ZIP64 (parts over 4 GB); not read' };
    case 'entries': return { zh: `工作簿内部文件过多（${p.count} 个，上限 ${L.maxEntries}）`, en: `too many parts in the workbook (${p.count}; the limit is ${L.maxEntries})` };
    case 'odd-name': return { zh: `工作簿内有异常路径 “${JSON.stringify(p.name).slice(1, -1)}”，不予读取`, en: `the workbook holds an odd path "${JSON.stringify(p.name).slice(1, -1)}"; not read` };
    case 'duplicate-name': return { zh: `工作簿内路径重复 “${p.name}”，不予读取`, en: `the workbook holds "${p.name}" twice; not read` };
    case 'part-size': return { zh: `工作簿部件 ${p.name} 解压后 ${p.bytes} 字节，超过上限 ${L.maxPartBytes}`, en: `part ${p.name} is ${p.bytes} bytes uncompressed, over the limit of ${L.maxPartBytes}` };
    case 'total-size': return { zh: `工作簿解压后超过 ${L.maxTotalBytes} 字节`, en: `the workbook is over ${L.maxTotalBytes} bytes uncompressed` };
    case 'rows': return { zh: `工作表 ${p.name} 超过 ${L.maxRows} 行，不予导入；请拆分后分别导入`, en: `sheet ${p.name} has more than ${L.maxRows} rows; not imported: split it and import the parts` };
    case 'merges': return { zh: `工作表 ${p.name} 的合并单元格覆盖超过 ${L.maxMergedCells} 个单元格（如 ${p.ref}），不予导入`, en: `merged cells of sheet ${p.name} cover more than ${L.maxMergedCells} cells (e.g. ${p.ref}); not imported` };
  }
}
