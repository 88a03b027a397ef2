import type { Diagnostic, Severity, SeveritySetting } from '../diagnostics/types.js';
import { toDiagnostic } from '../diagnostics/resolve.js';
import type { StageFinding } from '../system/load.js';
import { RULES, RULES_BY_ID } from './index.js';
import type { RuleContext } from './types.js';

export interface RunResult {
  diagnostics: Diagnostic[];
  suppressed: number;
}

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
  const push = (rule: string, sev: SeveritySetting, f: StageFinding['finding']) => {
    if (sev === 'off') return;
    const d = toDiagnostic(rule, sev as Severity, f);
    const sup = f.at.file.suppressions?.get(d.line);
    if (sup && (sup.rules.includes(rule) || sup.rules.includes('all')) && sup.reason) {
      suppressed++;
      used.add(`${f.at.file.abs}:${sup.line}`);
      return;
    }
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
  return { diagnostics, suppressed };
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
