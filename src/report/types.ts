import type { Diagnostic } from '../diagnostics/types.js';
import type { Summary } from '../diagnostics/resolve.js';
import type { Lang } from '../i18n/index.js';

export interface ReportInput {
  diagnostics: Diagnostic[];
  summary: Summary;
  lang: Lang;
  color: boolean;
  /** version of hrss-std, for machine formats that record the tool */
  toolVersion: string;
  /** every file that was checked (display paths), so clean files can be listed as passing (junit) */
  files?: string[];
  /** --max-warnings, when given: the summary says when it was exceeded */
  maxWarnings?: number;
}

/** A report formatter plugin: diagnostics in, one text document out. */
export interface Formatter {
  name: string;
  description: { zh: string; en: string };
  format(input: ReportInput): string;
}
