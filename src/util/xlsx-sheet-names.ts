import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * exceljs applies Excel's rules for naming a new sheet also to the sheets of a workbook it reads,
 * and refuses the whole file for one name it dislikes: a character of `* ? : \ / [ ]`, a leading
 * or trailing `'`, "History", or two names equal regardless of case; a name over 31 characters it
 * cuts (warning on the console), which can then clash. Other programs write such names (an
 * export from a business system titling its sheet "2024/2025 服务事项目录…"), so before exceljs
 * reads the workbook those sheets are renamed in xl/workbook.xml to placeholders, and the readers
 * show the real names (`names`: placeholder → name as written).
 */
export function withReadableSheetNames(buf: Buffer): { buf: Buffer; names: Map<string, string> } {
  const names = new Map<string, string>();
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(buf, { filter: (f) => f.name === 'xl/workbook.xml' });
  } catch {
    return { buf, names }; // not a zip: exceljs says so
  }
  const workbook = parts['xl/workbook.xml'];
  if (!workbook) return { buf, names };
  const xml = strFromU8(workbook);
  const written = [...xml.matchAll(SHEET_NAME)].map((m) => decodeXml(m[2]!));
  const bad = refusedNames(written);
  if (bad.size === 0) return { buf, names };
  const taken = new Set(written.map((n) => n.toLowerCase()));
  let n = 0;
  const placeholder = () => {
    let p: string;
    do p = `hrss-sheet-${++n}`;
    while (taken.has(p));
    taken.add(p);
    return p;
  };
  let i = 0;
  const renamed = xml.replace(SHEET_NAME, (all, head: string, _value: string) => {
    const k = i++;
    if (!bad.has(k)) return all;
    const p = placeholder();
    names.set(p, written[k]!);
    return `${head}"${p}"`;
  });
  const all = unzipSync(buf);
  all['xl/workbook.xml'] = strToU8(renamed);
  return { buf: Buffer.from(zipSync(all, { level: 0 })), names };
}

/** A <sheet> element's name attribute: the text before the value, and the value as written. */
const SHEET_NAME = /(<(?:\w+:)?sheet\b[^>]*?\bname=)"([^"]*)"/g;

/** Indexes of the names exceljs would refuse, in the order it adds the sheets. */
function refusedNames(written: string[]): Set<number> {
  const bad = new Set<number>();
  const seen = new Set<string>();
  written.forEach((name, k) => {
    const cut = name.length > 31 ? name.slice(0, 31) : name;
    if (name === '' || name === 'History' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || seen.has(cut.toLowerCase())) bad.add(k);
    else seen.add(cut.toLowerCase());
  });
  return bad;
}

function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, name: string) => {
    const cp = hex ? parseInt(hex, 16) : dec ? Number(dec) : -1;
    if (cp >= 0) return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase() as 'amp']!;
  });
}
