import type { Lang } from '../i18n/index.js';
import type { ExportModel } from './model.js';

export type ExporterId = 'xlsx' | 'docx';

export interface ExportOptions {
  lang: Lang;
  /** word/styles.xml of a user's .docx/.dotx whose styles the Word document takes (--docx-template) */
  docxStyles?: string;
  /** export.fonts of .hrss-std.yaml: the Word file's body, heading and Latin fonts (defaults 宋体, 黑体, Times New Roman) */
  fonts?: { body?: string; heading?: string; latin?: string };
}

/**
 * One output format. Exporters take the library-free ExportModel and return the
 * file's bytes; writing (atomic, overwrite policy) is the command's job.
 */
export interface Exporter {
  id: ExporterId;
  extension: '.xlsx' | '.docx';
  write(model: ExportModel, opts: ExportOptions): Promise<Uint8Array>;
}
