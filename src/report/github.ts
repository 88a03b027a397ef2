import type { Formatter } from './types.js';
import type { Severity } from '../diagnostics/types.js';
import { messageWithHint, relatedLines } from './text.js';
import { summaryLine } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping of the message (data) part. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the
 * file and line in the pull request (`::error file=…,line=…,col=…,title=…::…`).
 */
export const github: Formatter = {
  name: 'github',
  description: { zh: 'GitHub Actions 注释（::error / ::warning / ::notice）', en: 'GitHub Actions annotations (::error / ::warning / ::notice)' },
  format({ diagnostics, summary, lang, maxWarnings }) {
    const out = diagnostics.map((d) => {
      const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
      const text = [messageWithHint(d, lang), ...relatedLines(d, lang)].join('\n');
      return `::${COMMAND[d.severity]} ${props}::${escapeData(text)}`;
    });
    out.push(summaryLine(summary, lang, maxWarnings));
    return out.join('\n') + '\n';
  },
};
