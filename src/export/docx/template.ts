import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_STYLE_IDS, type StyleIds } from './styles.js';

export class TemplateError extends Error {}

/**
 * word/styles.xml of a .docx/.dotx the office made, so the document takes its
 * fonts, headings and numbering. Fails when the file is not a Word package.
 */
export function readTemplateStyles(data: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => f.name === 'word/styles.xml' });
  } catch {
    throw new TemplateError('not a zip');
  }
  const xml = files['word/styles.xml'];
  if (!xml) throw new TemplateError('no word/styles.xml');
  return strFromU8(xml);
}

/**
 * The ids of the heading styles in a template, found by their built-in names
 * ("heading 1"…): Chinese Word saves them under ids "1", "2", "3", not "Heading1".
 */
export function headingIds(stylesXml: string): StyleIds {
  const ids = { ...DEFAULT_STYLE_IDS };
  const re = /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g;
  for (const m of stylesXml.matchAll(re)) {
    const name = /<w:name\s+w:val="([^"]+)"/.exec(m[2]!)?.[1]?.toLowerCase();
    if (name === 'heading 1') ids.heading1 = m[1]!;
    else if (name === 'heading 2') ids.heading2 = m[1]!;
    else if (name === 'heading 3') ids.heading3 = m[1]!;
  }
  return ids;
}
