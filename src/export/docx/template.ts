import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_STYLE_IDS, type StyleIds } from './styles.js';

export class TemplateError extends Error {}

/**
 * word/styles.xml of a .docx/.dotx the office made, so the document takes its
 * fonts, headings and numbering. Fails when the file is not a Word package.
 */
export function readTemplateStyles(data: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  let entries = 0;
  let tooLarge = false;
  try {
    // limits before anything is inflated: a zip bomb declares huge sizes or many entries
    files = unzipSync(data, {
      filter: (f) => {
        entries++;
        if (f.name !== 'word/styles.xml') return false;
        if (f.originalSize > TEMPLATE_LIMITS.stylesBytes) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw new TemplateError('not a zip');
  }
  if (entries > TEMPLATE_LIMITS.entries) throw new TemplateError(`${entries} entries (the limit is ${TEMPLATE_LIMITS.entries})`);
  if (tooLarge) throw new TemplateError(`word/styles.xml is larger than ${TEMPLATE_LIMITS.stylesBytes} bytes uncompressed`);
  const raw = files['word/styles.xml'];
  if (!raw) throw new TemplateError('no word/styles.xml');
  if (raw.length > TEMPLATE_LIMITS.stylesBytes) throw new TemplateError(`word/styles.xml is larger than ${TEMPLATE_LIMITS.stylesBytes} bytes uncompressed`);
  const xml = strFromU8(raw);
  // Word never writes a DTD: one here can only be an entity expansion or an external entity
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new TemplateError('word/styles.xml declares a DOCTYPE or ENTITY (refused)');
  if (!/<w:styles[\s>]/.test(xml) || !/<\/w:styles>\s*$/.test(xml)) throw new TemplateError('word/styles.xml is not well-formed (no <w:styles> … </w:styles>)');
  return xml;
}

/** Up-front limits on a template: a real one has a few dozen entries and a styles.xml under 1 MiB. */
export const TEMPLATE_LIMITS = { entries: 10_000, stylesBytes: 16 * 1024 * 1024 };

/**
 * The ids of the heading styles in a template, found by their built-in names
 * ("heading 1"…): Chinese Word saves them under ids "1", "2", "3", not "Heading1".
 */
export function headingIds(stylesXml: string): StyleIds {
  const ids = { ...DEFAULT_STYLE_IDS };
  // One pass with indexOf (linear): a regex with a lazy body was quadratic on many unclosed <w:style>.
  for (let at = stylesXml.indexOf('<w:style'); at !== -1;) {
    const end = stylesXml.indexOf('</w:style>', at);
    if (end === -1) break; // no closed style after this point: nothing more to find
    const next = stylesXml.indexOf('<w:style', at + 8);
    const style = stylesXml.slice(at, next !== -1 && next < end ? next : end);
    at = next !== -1 && next < end ? next : stylesXml.indexOf('<w:style', end);
    const open = /^<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>/.exec(style);
    if (!open) continue;
    const name = /<w:name\s+w:val="([^"]+)"/.exec(style)?.[1]?.toLowerCase();
    if (name === 'heading 1') ids.heading1 = open[1]!;
    else if (name === 'heading 2') ids.heading2 = open[1]!;
    else if (name === 'heading 3') ids.heading3 = open[1]!;
  }
  return ids;
}
