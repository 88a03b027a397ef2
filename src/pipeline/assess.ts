import { assessSystem } from '../assess/assess.js';
import { DEFAULT_BASIC_SCORE } from '../assess/definitions.js';
import type { Assessment } from '../assess/types.js';
import type { Config } from '../config/config.js';
import { knownStandards } from '../data/known.js';
import { toDiagnostic } from '../diagnostics/resolve.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { discoverSystems } from '../load/discover.js';
import { kindVocabulary } from '../model/kind.js';
import { isIsoDate } from '../schema/validate.js';
import { loadSystem } from '../system/load.js';
import { catalogFor } from './validate.js';

export interface AssessRun {
  assessments: { assessment: Assessment; loadErrors: Diagnostic[] }[];
  failed: { file: string; diagnostics: Diagnostic[] }[];
  missing: string[];
  found: number;
}

export interface AssessRunOptions {
  /** 评价人员 */
  assessor?: string;
  /** 评价时间 YYYY-MM-DD; else each system's document.date when it names a day */
  date?: string;
  toolVersion: string;
}

/**
 * Load each system the way `validate` does and assess it. The 评价时间 comes from the options or
 * the system's `document.date`, never from the clock: the same input gives the same report.
 */
export function assessSystems(args: string[], config: Config, cwd: string, opts: AssessRunOptions): AssessRun {
  const { files, missing } = discoverSystems(args, cwd, config.systems, config.dir);
  const out: AssessRun = { assessments: [], failed: [], missing, found: files.length };
  const known = knownStandards();
  const vocab = kindVocabulary(config.kinds);
  for (const f of files) {
    const loaded = loadSystem(f, { limits: config.limits, cwd });
    const display = loaded.files[0]?.display ?? f;
    if (!loaded.system) {
      out.failed.push({ file: display, diagnostics: loaded.findings.map((s) => toDiagnostic(s.rule, 'error', s.finding)) });
      continue;
    }
    const stage = loaded.findings;
    const { catalog } = catalogFor(loaded.system, config, cwd, stage);
    const docDate = loaded.system.document?.date;
    const date = opts.date ?? (docDate && isIsoDate(docDate) ? docDate : undefined);
    const assessment = assessSystem({
      system: loaded.system, catalog, known, vocab, requiredKinds: config.requiredKinds, reviewYears: config.reviewYears,
      ruleSeverities: config.rules, date, dateSource: opts.date ? 'option' : date ? 'document' : undefined,
      settings: { thresholds: config.assess.thresholds, weights: config.assess.weights, basicScore: config.assess.basicScore ?? DEFAULT_BASIC_SCORE },
      file: display, assessor: opts.assessor, toolVersion: opts.toolVersion,
    });
    out.assessments.push({ assessment, loadErrors: stage.filter((s) => config.rules[s.rule] !== 'off').map((s) => toDiagnostic(s.rule, 'error', s.finding)) });
  }
  return out;
}
