import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { xmlText } from '../util/xml.js';

/** The custom document property that marks a file as written by hrss-std (Excel, Word and WPS keep it on save). */
export const MARKER_PROPERTY = 'hrss-std';

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

function withMarker(files: Record<string, Uint8Array>, value: string): void {
  const prop = (pid: number) => `<property fmtid="${FMTID}" pid="${pid}" name="${MARKER_PROPERTY}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`;
  const existing = files[CUSTOM_PART];
  if (existing) {
    let xml = strFromU8(existing);
    if (xml.includes(`name="${MARKER_PROPERTY}"`)) return;
    const pids = [...xml.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]));
    const pid = Math.max(1, ...pids) + 1;
    xml = /<Properties([^>]*)\/>/.test(xml)
      ? xml.replace(/<Properties([^>]*)\/>/, `<Properties$1>${prop(pid)}</Properties>`)
      : xml.replace('</Properties>', `${prop(pid)}</Properties>`);
    files[CUSTOM_PART] = strToU8(xml);
    return;
  }
  files[CUSTOM_PART] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${prop(2)}</Properties>`,
  );
  const types = strFromU8(files['[Content_Types].xml']!);
  if (!types.includes('/docProps/custom.xml')) {
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
  const rels = strFromU8(files['_rels/.rels']!);
  if (!rels.includes(CUSTOM_REL)) {
    files['_rels/.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdHrssStd" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>`));
  }
}

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; the non-characters U+FFFE and
 * U+FFFF), which a YAML string can carry as escapes ("\\uFFFE"): one of them makes the whole part
 * unreadable, so Excel offers to "repair" the file and Word refuses it. Each becomes U+FFFD (�), so
 * the place stays visible in the document.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const HAS_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/; // no g: test() keeps no state

/** Whether the UTF-8 bytes hold a character XML does not allow (a byte scan: the parts are large and almost always clean). */
function hasNotXml(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 : c === 0xef && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) return true;
  }
  return false;
}

/** The part with every character XML does not allow replaced by U+FFFD. */
export function xmlSafe(part: Uint8Array | string): Uint8Array | string {
  if (typeof part === 'string') return HAS_NOT_XML.test(part) ? part.replace(NOT_XML, '\ufffd') : part;
  return hasNotXml(part) ? strFromU8(part).replace(NOT_XML, '\ufffd') : part;
}

/** Parts in a fixed order: content types and package relationships first (as Office writes them), then by name. */
function partOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : n.startsWith('docProps/') ? 2 : 3);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export interface NormalizeOptions {
  date: string;
  marker: string;
  rewrite?: Record<string, (xml: string) => string>;
}

/**
 * Make an OOXML package reproducible: the document libraries stamp the zip entries and
 * docProps/core.xml with the current time. Re-zip with the data's date on every entry,
 * a fixed part order and fixed compression, set the core dates, and add the marker
 * property that lets a later export replace this file without --force.
 */
export function normalizePackage(data: Uint8Array, opts: NormalizeOptions): Uint8Array {
  return normalizeParts(unzipSync(data), opts);
}

/**
 * normalizePackage for a package that is still a set of parts (name → XML text or bytes,
 * folders left out): the same bytes as zipping the parts and normalising the zip, without
 * zipping and unzipping them first.
 */
export function normalizeParts(parts: Record<string, Uint8Array | string>, opts: NormalizeOptions): Uint8Array {
  const text = (name: string) => {
    const p = parts[name]!;
    return typeof p === 'string' ? p : strFromU8(p);
  };
  for (const name of Object.keys(parts)) {
    if (name.endsWith('/')) delete parts[name];
    else if (/\.(xml|rels)$/.test(name)) parts[name] = xmlSafe(parts[name]!);
  }
  for (const [name, fn] of Object.entries(opts.rewrite ?? {})) {
    if (parts[name] !== undefined) parts[name] = fn(text(name));
  }
  const stamp = `${opts.date}T00:00:00Z`;
  if (parts['docProps/core.xml'] !== undefined) {
    parts['docProps/core.xml'] = text('docProps/core.xml')
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
  }
  const files: Record<string, Uint8Array> = {};
  for (const [name, p] of Object.entries(parts)) files[name] = typeof p === 'string' ? strToU8(p) : p;
  withMarker(files, opts.marker);
  // fflate writes the DOS time from local-time fields, so build the date from local fields too:
  // every time zone then writes the same bytes. Zip dates start in 1980.
  const [y, m, d] = (opts.date >= '1980-01-01' ? opts.date : '1980-01-01').split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const ordered: Zippable = {};
  for (const name of Object.keys(files).sort(partOrder)) ordered[name] = [files[name]!, { level: 6, mtime }];
  return zipSync(ordered);
}

/** The marker value of an existing .xlsx/.docx, or undefined when it has none or is not a zip. */
export function readMarker(data: Uint8Array): string | undefined {
  try {
    const files = unzipSync(data, { filter: (f) => f.name === CUSTOM_PART });
    const xml = files[CUSTOM_PART];
    if (!xml) return undefined;
    const m = new RegExp(`name="${MARKER_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(strFromU8(xml));
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}
