import type { Diagnostic, Severity, SeveritySetting } from '../diagnostics/types.js';
import { toDiagnostic } from '../diagnostics/resolve.js';
import type { StageFinding } from '../system/load.js';
import { RULES, RULES_BY_ID } from './index.js';
import type { RuleContext } from './types.js';

export interface RunResult {
  diagnostics: Diagnostic[];
  suppressed: number;
  /** findings not listed because their rule had already reported MAX_PER_RULE_AND_FILE in that file */
  omitted: number;
}

/**
 * At most this many findings of one rule in one file are listed; the rest become one closing
 * finding that says how many were left out. A 10 MB file of empty sub-systems gave 660,000
 * findings and a 464 MB report: nobody reads past the first few hundred of one kind.
 */
export const MAX_PER_RULE_AND_FILE = 500;

function severityOf(id: string, overrides: Record<string, SeveritySetting>): SeveritySetting {
  return overrides[id] ?? RULES_BY_ID.get(id)?.severity ?? 'error';
}

/**
 * Apply configured severities and `# hrss-std-disable-next-line` comments to
 * stage findings and to every rule's findings.
 */
export function runRules(
  ctx: RuleContext | undefined,
  stage: StageFinding[],
  overrides: Record<string, SeveritySetting>,
): RunResult {
  const diagnostics: Diagnostic[] = [];
  let suppressed = 0;
  const used = new Set<string>();
  const listed = new Map<string, { n: number; last: Diagnostic; omitted: number; sev: Severity }>();
  const push = (rule: string, sev: SeveritySetting, f: StageFinding['finding']) => {
    if (sev === 'off') return;
    const key = `${rule}\0${f.at.file.abs}`;
    const seen = listed.get(key);
    // past the cap, a file without disable comments needs no position: the finding is only counted
    if (seen && seen.n >= MAX_PER_RULE_AND_FILE && !f.at.file.suppressions?.size) {
      seen.omitted++;
      return;
    }
    const d = toDiagnostic(rule, sev as Severity, f);
    const sup = f.at.file.suppressions?.get(d.line);
    if (sup && (sup.rules.includes(rule) || sup.rules.includes('all')) && sup.reason) {
      suppressed++;
      used.add(`${f.at.file.abs}:${sup.line}`);
      return;
    }
    if (seen && seen.n >= MAX_PER_RULE_AND_FILE) {
      seen.omitted++;
      return;
    }
    if (seen) {
      seen.n++;
      seen.last = d;
    } else listed.set(key, { n: 1, last: d, omitted: 0, sev: sev as Severity });
    diagnostics.push(d);
  };
  for (const s of stage) push(s.rule, severityOf(s.rule, overrides), s.finding);
  if (ctx) {
    for (const rule of RULES) {
      if (!rule.check) continue;
      const sev = severityOf(rule.id, overrides);
      if (sev === 'off') continue;
      for (const f of rule.check(ctx)) push(rule.id, sev, f);
    }
    // A disable comment without a reason does not count and is itself reported.
    for (const file of ctx.system.files) {
      if (!file.suppressions) continue;
      for (const sup of file.suppressions.values()) {
        if (sup.reason) continue;
        const sev = severityOf('suppression', overrides);
        if (sev === 'off') continue;
        const off = file.lineStarts?.[sup.line - 1];
        const d = toDiagnostic('suppression', sev as Severity, {
          message: { zh: '禁用注释缺少理由，未生效', en: 'disable comment without a reason has no effect' },
          hint: { zh: '写成 # hrss-std-disable-next-line <规则> -- <理由>', en: 'write # hrss-std-disable-next-line <rule> -- <reason>' },
          at: { file, offset: off ?? offsetOfLine(file.text, sup.line) },
        });
        diagnostics.push(d);
      }
    }
  }
  let omitted = 0;
  for (const [key, x] of listed) {
    if (!x.omitted) continue;
    omitted += x.omitted;
    const rule = key.slice(0, key.indexOf('\0'));
    // at the last listed finding of the rule: the place where the list stops
    diagnostics.push({
      rule,
      severity: x.sev,
      file: x.last.file,
      line: x.last.line,
      column: x.last.column,
      message: {
        zh: `此文件中规则 ${rule} 另有 ${x.omitted} 条同类问题未列出（每个文件每条规则最多列出 ${MAX_PER_RULE_AND_FILE} 条）`,
        en: `${x.omitted} more finding(s) of ${rule} in this file are not listed (at most ${MAX_PER_RULE_AND_FILE} per rule and file)`,
      },
      hint: { zh: '先修正已列出的问题后再次运行 validate', en: 'fix the listed ones and run validate again' },
      data: { omitted: x.omitted },
    });
  }
  return { diagnostics, suppressed, omitted };
}

function offsetOfLine(text: string, line: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl === -1) break;
    off = nl + 1;
  }
  return off;
}
